// Every signed-in page: keeps the header's chat list current from the page's socket. Frames name what happened
// (a message in a room, a room read); the badges, the order and the unread total are worked out here, because the
// frames are the same for every reader.
(() => {
  "use strict";

  const viewer = () => document.body.dataset.viewerId;
  const openRoomId = () => document.querySelector("[data-chat-room]")?.dataset.roomId;
  const baseTitle = document.title;

  function showTotal() {
    const total = document.getElementById("chat-unread-total");
    if (!total) return;
    const items = document.querySelectorAll("#chat-list .chat-item");
    const unread = Array.from(items).reduce((sum, item) => sum + (Number(item.dataset.unread) || 0), 0);
    total.textContent = unread > 99 ? "99+" : String(unread);
    total.hidden = unread === 0;
    document.title = unread > 0 ? `(${total.textContent}) ${baseTitle}` : baseTitle;
  }

  function setUnread(item, count) {
    item.dataset.unread = String(count);
    const badge = item.querySelector(".chat-unread");
    if (badge) badge.textContent = count > 99 ? "99+" : String(count);
  }

  // The "@" beside the count: the reader was mentioned in the room since they last read it.
  function setMentioned(item, mentioned) {
    item.dataset.mentioned = mentioned ? "true" : "false";
  }

  const mentions = (event) => (event.dataset.mentions ?? "").split(" ").includes(viewer());

  function apply(event) {
    if (event.dataset.listChanged) {
      document.body.dispatchEvent(new CustomEvent("rtchat:chats-changed"));
      return;
    }
    const roomId = event.dataset.roomId;
    const item = document.getElementById(`chat-item-${roomId}`);
    if (!item) {
      // A chat this list has not seen yet (someone started one with the reader): load the list again.
      if (!event.dataset.read) document.body.dispatchEvent(new CustomEvent("rtchat:chats-changed"));
      return;
    }
    if (event.dataset.read) {
      setUnread(item, 0);
      setMentioned(item, false);
      return;
    }
    const messageId = Number(event.dataset.messageId) || 0;
    if (messageId <= (Number(item.dataset.lastId) || 0)) return;
    item.dataset.lastId = String(messageId);
    if (event.dataset.authorId !== viewer() && roomId !== openRoomId()) {
      setUnread(item, (Number(item.dataset.unread) || 0) + 1);
      if (mentions(event)) setMentioned(item, true);
    }
    item.parentElement.prepend(item);
  }

  // Rules appended over the socket, one per key (a room, a user): only each key's newest matters. chat.js uses it too.
  function keepNewest(selector, key) {
    const seen = new Set();
    const rules = document.querySelectorAll(selector);
    for (let i = rules.length - 1; i >= 0; i--) {
      if (seen.has(rules[i].dataset[key])) rules[i].remove();
      else seen.add(rules[i].dataset[key]);
    }
  }
  window.RtChat = { keepNewest };

  // Each room's newest dot rule wins: the list's own, then those the socket appended after it.
  const pruneDots = () => keepNewest("style[data-room-dot]", "roomDot");

  document.addEventListener("htmx:oobAfterSwap", (event) => {
    if (event.detail.target?.id === "room-dots") pruneDots();
    const sink = document.getElementById("chat-list-events");
    if (!sink || event.detail.target !== sink) return;
    for (const child of Array.from(sink.children)) {
      apply(child);
      child.remove();
    }
    showTotal();
  });
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target?.id !== "chat-list") return;
    // The list knows every dot as of its request: what the socket sent before that is older, what came since is not.
    document.querySelectorAll("#room-dots [data-before-list]").forEach((rule) => rule.remove());
    // The open room is being read: its read mark may still be on its way.
    const open = document.getElementById(`chat-item-${openRoomId()}`);
    if (open) {
      setUnread(open, 0);
      setMentioned(open, false);
    }
    showTotal();
  });
  document.addEventListener("htmx:beforeRequest", (event) => {
    if (event.detail.target?.id !== "chat-list") return;
    document.querySelectorAll("#room-dots style").forEach((rule) => { rule.dataset.beforeList = "true"; });
  });
  // The list loads with the page; after a reconnect it loads again, for what changed while the socket was away.
  let opened = false;
  document.body.addEventListener("htmx:wsOpen", () => {
    if (opened) document.body.dispatchEvent(new CustomEvent("rtchat:chats-changed"));
    opened = true;
  });
  // The header's theme switch (Pages/Profile/Theme) answers with the root's class: none follows the system.
  document.body.addEventListener("rtchat:theme", (event) => {
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    if (event.detail.rootClass) root.classList.add(event.detail.rootClass);
  });
})();
