// Who is typing: the page says so on its socket while its reader types (at most every 2 s; silence ends it), and shows
// the room's typers, as the server lists them for everyone, without the reader.
(() => {
  "use strict";

  const every = 2000;

  function sentence(names) {
    if (names.length === 0) return "";
    if (names.length === 1) return `${names[0]} is typing…`;
    if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
    return "several people are typing…";
  }

  function start(chat) {
    const viewer = chat.dataset.viewerId;
    const isComposer = (el) => el.matches?.("form[data-composer] textarea[name=Body]");
    const events = document.body;
    let socket = null;
    let sentAt = 0;
    events.addEventListener("htmx:wsOpen", (event) => { socket = event.detail.socketWrapper; });
    events.addEventListener("htmx:wsClose", () => { socket = null; });
    // Listened for on the room, so a composer swapped in later counts too.
    chat.addEventListener("input", (event) => {
      if (!socket || !isComposer(event.target) || !event.target.value.trim() || Date.now() - sentAt < every) return;
      socket.sendImmediately(JSON.stringify({ typing: true }));
      sentAt = Date.now();
    });
    // Typing again right after sending shows at once.
    chat.addEventListener("submit", (event) => { if (event.target.matches("form[data-composer]")) sentAt = 0; });

    const show = () => {
      const line = document.getElementById("typing");
      if (!line) return;
      const names = Array.from(line.querySelectorAll("span[data-user-id]"))
        .filter((typer) => typer.dataset.userId !== viewer)
        .map((typer) => typer.textContent);
      let text = line.querySelector(".typing-text");
      if (!text) {
        text = document.createElement("span");
        text.className = "typing-text";
        line.append(text);
      }
      text.textContent = sentence(names);
    };
    // An author's message ends their typing here, before the server's silence does.
    events.addEventListener("htmx:oobBeforeSwap", (event) => {
      if (event.detail.target?.id !== "messages") return;
      event.detail.fragment.querySelectorAll("[data-author-id]").forEach((message) => {
        document.querySelector(`#typing span[data-user-id="${CSS.escape(message.dataset.authorId)}"]`)?.remove();
      });
    });
    events.addEventListener("htmx:wsAfterMessage", show);
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-chat-room]").forEach(start));
})();
