// Every signed-in page: a system notification (the browser's Notification API, once the reader allows it) when, while
// the tab is hidden, a message arrives in one of the reader's private chats or mentions them. The socket's frames are
// the same for everyone; this file decides, for this reader, which of them concern them.
(() => {
  "use strict";

  const supported = "Notification" in window;
  const MUTED = "rtchat:notifications-muted";
  const ICON = "/icons/icon-192.png";
  const BODY_LENGTH = 140;
  const viewer = () => document.body.dataset.viewerId;
  const hidden = () => document.visibilityState === "hidden";

  // Allowed in the browser stays allowed; "off" here is the reader's own choice, kept on this device.
  function muted() {
    try { return localStorage.getItem(MUTED) === "true"; } catch { return false; }
  }
  function setMuted(value) {
    try { if (value) localStorage.setItem(MUTED, "true"); else localStorage.removeItem(MUTED); } catch { /* private mode */ }
  }
  function state() {
    if (!supported) return "unsupported";
    if (Notification.permission === "denied") return "blocked";
    return Notification.permission === "granted" && !muted() ? "on" : "off";
  }
  const wanted = () => state() === "on";

  // The header menu's switch. Shown only here, so a page without this script offers nothing that cannot work.
  const labels = { on: "On", off: "Off", blocked: "Blocked", unsupported: "Not supported" };
  const hints = {
    on: "You get a notification for private messages and mentions while RtChat is in the background.",
    off: "Get a notification for private messages and mentions while RtChat is in the background.",
    blocked: "Notifications are blocked for this site: allow them in your browser's site settings.",
    unsupported: "This browser cannot show notifications.",
  };
  function showState() {
    const now = state();
    for (const toggle of document.querySelectorAll("[data-notify-toggle]")) {
      toggle.hidden = false;
      toggle.dataset.state = now;
      toggle.setAttribute("aria-checked", String(now === "on"));
      toggle.setAttribute("aria-disabled", String(now === "blocked" || now === "unsupported"));
      toggle.title = hints[now];
      const label = toggle.querySelector("[data-notify-state]");
      if (label) label.textContent = labels[now];
    }
  }
  // The browser asks the reader only in answer to their own click, so the question is asked here and nowhere else.
  document.addEventListener("click", async (event) => {
    const toggle = event.target.closest?.("[data-notify-toggle]");
    if (!toggle) return;
    const now = state();
    if (now === "on") setMuted(true);
    else if (now === "off") {
      setMuted(false);
      if (Notification.permission === "default") await Notification.requestPermission();
    }
    showState();
  });
  document.addEventListener("DOMContentLoaded", showState);
  navigator.permissions?.query({ name: "notifications" }).then((status) => { status.onchange = showState; }, () => {});

  // Each message notifies at most once (message ids are unique across rooms), whichever frame or page brought it.
  const notified = new Set();

  function notify(messageId, title, options, onClick) {
    if (notified.has(messageId)) return;
    notified.add(messageId);
    // One per chat: a newer message replaces the chat's notification instead of stacking under it (renotify: it still alerts).
    const full = { icon: ICON, renotify: true, ...options };
    try {
      const notification = new Notification(title, full);
      notification.onclick = () => { window.focus(); notification.close(); onClick(); };
    } catch {
      // Chrome on Android allows only the worker's notifications; a click there opens or focuses the page (sw.js).
      navigator.serviceWorker?.ready.then((registration) => registration.showNotification(title, { ...full, data: { url: location.href } }));
    }
  }

  const ids = (list) => (list || "").split(/\s+/).filter(Boolean);
  const mentionsViewer = (el) => ids(el.dataset.mentions).includes(viewer());
  const parse = (html) => {
    const template = document.createElement("template");
    template.innerHTML = html; // inert: nothing in a template runs or loads
    return template.content;
  };
  const short = (text) => {
    const clean = text.replace(/\s+/g, " ").trim();
    return clean.length > BODY_LENGTH ? `${clean.slice(0, BODY_LENGTH - 1)}…` : clean;
  };

  // (a) The open room's page: each message a frame adds to the list.
  const room = document.querySelector("section[data-chat-room]");
  const newestOnPage = () => Array.from(document.querySelectorAll("#messages > article[data-message-id]"))
    .reduce((max, el) => Math.max(max, Number(el.dataset.messageId) || 0), 0);
  // The newest message the page had while the reader could see it. On every socket open the page asks for what came
  // after its newest and gets a few it already shows again (the resume's overlap; nodes deliver independently), and a
  // late copy can come from another node: only messages newer than what the reader saw, and new to this page, notify.
  // A message that was missed while the socket was away and arrives in the resume is new to the reader: it notifies,
  // once, under its chat's notification like any other.
  let shownUpTo = 0;
  const rememberShown = () => { if (!hidden()) shownUpTo = Math.max(shownUpTo, newestOnPage()); };
  let arriving = [];

  // Only what the frame appends to the list counts: a change of a message (an edit, a deletion) carries it too, elsewhere.
  function roomFrameArriving(frame) {
    arriving = Array.from(frame.querySelectorAll("#messages > article[data-message-id]"))
      .filter((article) => !document.getElementById(article.id));
  }

  function roomFrameArrived() {
    const added = arriving;
    arriving = [];
    if (!hidden() || !wanted()) return;
    const isPrivate = room.dataset.roomKind === "Private";
    for (const copy of added) {
      const article = document.querySelector(`#messages > #${copy.id}`);
      const id = Number(copy.dataset.messageId) || 0;
      if (!article || id <= shownUpTo || copy.dataset.authorId === viewer() || copy.classList.contains("message-deleted")) continue;
      if (!isPrivate && !mentionsViewer(copy)) continue;
      const author = article.querySelector(".message-author")?.textContent.trim() || "Someone";
      const text = short(article.querySelector(".message-body")?.textContent ?? "")
        || (article.querySelector(".attachment-picture") ? "Sent a picture" : article.querySelector(".attachment-file") ? "Sent a file" : "");
      const chat = room.querySelector(".chat-title")?.textContent.trim();
      const title = isPrivate ? author : `${author} mentioned you${chat ? ` in ${chat}` : ""}`;
      notify(id, title, { body: text, tag: `rtchat-room-${room.dataset.roomId}` },
        () => document.getElementById(copy.id)?.scrollIntoView({ block: "center" }));
    }
  }

  // (b) Other rooms, on any page: the chat list's activity frames (ChatActivity) name the room, the message and its
  // author. The list item says whether the room is a private chat and what the list showed last.
  const waitingForList = new Map();

  function activityArriving(frame) {
    if (!wanted()) return;
    for (const event of frame.querySelectorAll("i[data-room-id][data-message-id]")) {
      if (event.dataset.authorId === viewer() || !hidden()) continue;
      const item = document.getElementById(`chat-item-${event.dataset.roomId}`);
      // A chat the list has not seen yet (someone just started it with the reader): site.js loads the list again.
      if (!item) waitingForList.set(event.dataset.roomId, event);
      else if ((Number(event.dataset.messageId) || 0) > (Number(item.dataset.lastId) || 0)) activity(item, event);
    }
  }

  function activity(item, event) {
    if (item.dataset.kind !== "Private" && !mentionsViewer(event)) return;
    const chat = item.querySelector(".chat-item-title")?.textContent.trim() || "a chat";
    const link = item.querySelector("a")?.href;
    notify(Number(event.dataset.messageId), `New message in ${chat}`, { tag: `rtchat-room-${event.dataset.roomId}` },
      () => { if (link) location.href = link; });
  }

  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target?.id !== "chat-list" || waitingForList.size === 0) return;
    for (const [roomId, waiting] of waitingForList) {
      const item = document.getElementById(`chat-item-${roomId}`);
      if (item && hidden() && wanted()) activity(item, waiting);
    }
    waitingForList.clear();
  });

  document.body.addEventListener("htmx:wsBeforeMessage", (event) => {
    const message = event.detail.message;
    if (typeof message !== "string" || !message.includes("data-message-id")) return;
    const frame = parse(message);
    if (room) roomFrameArriving(frame);
    activityArriving(frame);
  });
  document.body.addEventListener("htmx:wsAfterMessage", () => {
    if (room && arriving.length > 0) roomFrameArrived();
    if (room) rememberShown();
  });
  if (room) {
    // Deferred: the page is parsed, and what it was rendered with counts as shown (a page opened in a background tab
    // included): its replay then notifies only for what came after.
    shownUpTo = newestOnPage();
    document.addEventListener("visibilitychange", rememberShown);
  }
})();
