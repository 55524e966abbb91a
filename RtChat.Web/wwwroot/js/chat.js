// The chat page's client side: catch up after every (re)connect, keep the view at the newest
// message, and show times relative to now. Fragments arrive identical for everyone; this file
// only reads them (and drops presence rules a newer one replaced).
(() => {
  "use strict";

  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const exact = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  const steps = [[60, "second"], [60, "minute"], [24, "hour"], [7, "day"], [4.35, "week"], [12, "month"], [Infinity, "year"]];

  function describe(date) {
    let amount = (date.getTime() - Date.now()) / 1000;
    if (Math.abs(amount) < 45) return "just now";
    for (const [size, unit] of steps) {
      if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
      amount /= size;
    }
    return exact.format(date);
  }

  function relabel(root) {
    for (const time of root.querySelectorAll("time[data-relative]")) {
      const date = new Date(time.getAttribute("datetime"));
      if (Number.isNaN(date.getTime())) continue;
      time.textContent = describe(date);
      time.title = exact.format(date);
    }
  }

  function start(chat) {
    const scroller = chat.querySelector(".chat-scroll");
    const viewer = chat.dataset.viewerId;
    const lastMessageId = () => Array.from(chat.querySelectorAll("#messages [data-message-id]"))
      .reduce((max, el) => Math.max(max, Number(el.dataset.messageId) || 0), 0);
    const nearBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 150;
    const toBottom = () => { scroller.scrollTop = scroller.scrollHeight; };
    let stick = true;

    // Sent messages change (edited, deleted, reacted to): each change comes as the message as it is now, with the change's
    // id; a page that reconnects asks for the changes after the newest it applied.
    const inbox = chat.querySelector("#message-changes");
    let changesSeen = Number(inbox?.dataset.changeId) || 0;
    const version = (el) => Number(el.dataset.version) || 0;

    // The page's socket is the body's (one per page). On every open, including reconnects, say what we have; the
    // server sends what we missed.
    const events = document.body;
    let socket = null;
    // Opened at a message whose window does not reach the newest (a search result): resume from the room's newest, and
    // keep live messages out of the window (they would sit below a gap); one this reader sends takes them to the newest.
    const resumeAfter = Number(chat.dataset.resumeAfter) || 0;
    events.addEventListener("htmx:wsOpen", (event) => {
      socket = event.detail.socketWrapper;
      socket.sendImmediately(JSON.stringify({ after: Math.max(lastMessageId(), resumeAfter), changes: changesSeen }));
      chat.classList.remove("chat-offline");
      markRead();
    });
    events.addEventListener("htmx:wsClose", () => { socket = null; chat.classList.add("chat-offline"); });
    events.addEventListener("htmx:wsBeforeMessage", () => { stick = nearBottom(); });
    // What the reader has seen, said when the page is in view: at most once a second, only when it moved.
    let readSent = 0;
    let readTimer = null;
    const markRead = () => {
      if (readTimer || document.visibilityState !== "visible") return;
      readTimer = setTimeout(() => {
        readTimer = null;
        const last = lastMessageId();
        if (!socket || last <= readSent || document.visibilityState !== "visible") return;
        socket.sendImmediately(JSON.stringify({ read: last }));
        readSent = last;
      }, readSent === 0 ? 0 : 1000);
    };
    document.addEventListener("visibilitychange", markRead);
    // Nodes commit and deliver independently, and a resume or a catch-up sends again a few messages the page may have:
    // a message already shown is skipped (or shown anew, if this copy is a newer version), and each new one is placed by id.
    const list = chat.querySelector("#messages");
    const byId = (el) => Number(el.dataset.messageId) || 0;
    const showNewer = (shown, now) => {
      if (version(now) > version(shown)) {
        // The page's one set of message actions goes with its message (actions.js), with the focus it had.
        const refocus = window.RtChat.carryActions?.(shown, now);
        shown.replaceWith(now);
        refocus?.focus();
        window.htmx.process(now);
      } else {
        now.remove();
      }
    };
    events.addEventListener("htmx:oobBeforeSwap", (event) => {
      if (event.detail.target !== list) return;
      event.detail.fragment.querySelectorAll("[data-message-id]").forEach((message) => {
        const shown = document.getElementById(message.id);
        if (shown) showNewer(shown, message);
      });
    });
    // Replies quoting a changed message quote it as it is now: its words cut as the server cuts a quote (ReplyView), or
    // that it was deleted. A reply's own later version comes with the quote the server makes.
    const snippetLength = 100;
    const requote = (id, now) => {
      const deleted = !now || now.classList.contains("message-deleted");
      const body = now?.querySelector(".message-body");
      for (const quote of list.querySelectorAll(`a.message-reply[data-reply-to="${CSS.escape(id)}"]`)) {
        if (deleted) {
          const gone = document.createElement("p");
          gone.className = "message-reply message-reply-deleted";
          gone.textContent = "Original message deleted";
          quote.replaceWith(gone);
          continue;
        }
        if (!body) continue;
        const words = body.textContent.replace(/\s+/g, " ").trim();
        const snippet = words.length <= snippetLength ? words : `${words.slice(0, snippetLength).trimEnd()}…`;
        quote.querySelector(".message-reply-snippet").textContent = snippet;
        quote.setAttribute("aria-label", `Reply to ${quote.querySelector(".message-reply-author").textContent}: ${snippet}`);
      }
    };
    // A change of a message the page does not show (not loaded, or not yet) is dropped: loading it shows it as it is.
    const applyChanges = () => {
      for (const change of inbox?.querySelectorAll(":scope > [data-change-id]") ?? []) {
        changesSeen = Math.max(changesSeen, Number(change.dataset.changeId) || 0);
        const shown = document.getElementById(`message-${change.dataset.changedMessageId}`);
        const now = change.querySelector("[data-message-id]");
        // Not older than the shown copy: the author's own page already shows the edit it saved, not yet its quotes.
        if (!shown || !now || version(now) >= version(shown)) requote(change.dataset.changedMessageId, now);
        if (shown && now) showNewer(shown, now);
        else if (shown) shown.remove();
        change.remove();
      }
    };
    if (resumeAfter) {
      events.addEventListener("htmx:oobBeforeSwap", (event) => {
        if (event.detail.target !== list) return;
        event.detail.fragment.querySelectorAll("[data-message-id]").forEach((message) => {
          if (byId(message) > resumeAfter && viewer && message.dataset.authorId === viewer)
            location.assign(chat.querySelector("[data-testid=jump-to-newest]").href);
          message.remove();
        });
      });
    }
    // Only a message of the reader's that the frame adds brings the view down (one a resume sends again does not).
    let ownArrived = false;
    events.addEventListener("htmx:oobBeforeSwap", (event) => {
      if (event.detail.target === list && viewer && event.detail.fragment.querySelector(`[data-author-id="${viewer}"]`)) ownArrived = true;
    });
    const placeInOrder = () => {
      for (const message of list.querySelectorAll(":scope > [data-message-id]")) {
        let before = message.previousElementSibling;
        if (!before?.dataset.messageId || byId(before) < byId(message)) continue;
        while (before?.dataset.messageId && byId(before) > byId(message)) before = before.previousElementSibling;
        list.insertBefore(message, before ? before.nextElementSibling : list.firstElementChild);
      }
    };
    // The socket's first frame says how far the reader had read when the page opened: a line goes above the first
    // message someone else wrote after that, and the view starts there unless the reader has moved it. Once a page: a
    // reconnect's mark counts what this page already showed.
    let unreadPlaced = Boolean(chat.dataset.around);
    const placeUnreadLine = () => {
      const mark = document.getElementById("read-mark");
      if (unreadPlaced || mark?.dataset.readUpTo === undefined) return;
      unreadPlaced = true;
      const upTo = Number(mark.dataset.readUpTo);
      const first = Array.from(list.querySelectorAll(":scope > [data-message-id]"))
        .find((message) => byId(message) > upTo && message.dataset.authorId !== viewer);
      if (!first) return;
      first.classList.add("first-unread");
      if (!stick) return;
      first.scrollIntoView({ block: "start" });
      stick = nearBottom();
    };
    // Presence changes append one rule per user; only each user's newest rule matters.
    const prunePresence = () => window.RtChat.keepNewest("#presence-style style[data-presence-user]", "presenceUser");
    events.addEventListener("htmx:wsAfterMessage", (event) => {
      applyChanges();
      prunePresence();
      placeInOrder();
      placeUnreadLine();
      markRead();
      const mine = ownArrived;
      ownArrived = false;
      if (chat.querySelector("#messages [data-message-id]")) chat.querySelector(".chat-empty")?.remove();
      relabel(chat);
      if (stick || mine) toBottom();
    });
    // Older pages are prepended: keep the distance from the bottom, so what you were reading stays put.
    let fromBottom = null;
    chat.addEventListener("htmx:beforeSwap", (event) => {
      if (event.detail.requestConfig?.path?.includes("handler=Older")) fromBottom = scroller.scrollHeight - scroller.scrollTop;
    });
    const keepPlace = () => { if (fromBottom !== null) scroller.scrollTop = scroller.scrollHeight - fromBottom; };
    // Right as the older page lands (before the settle delay, so the view never jumps), and once more when settled.
    chat.addEventListener("htmx:oobAfterSwap", keepPlace);
    document.addEventListener("htmx:afterSettle", () => { keepPlace(); fromBottom = null; });
    relabel(chat);
    // Opened at a message: it is in the middle of the view, lit up for a moment.
    const target = chat.dataset.around && document.getElementById(`message-${chat.dataset.around}`);
    if (target) {
      target.classList.add("message-target");
      target.scrollIntoView({ block: "center" });
      stick = nearBottom();
    } else {
      toBottom();
    }
    setInterval(() => relabel(chat), 30_000);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-chat-room]").forEach(start);
  });
  document.addEventListener("htmx:afterSettle", (event) => relabel(event.target));
})();
