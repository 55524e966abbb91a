// The page's one set of message actions (Pages/Chat/_MessageActions): moved into the message the pointer is over or the
// keyboard is in, its links pointed at that message, so Reply, React, Edit and Delete (replies.js, reactions.js,
// editing.js) find their message as the closest article.
(() => {
  "use strict";

  function start(chat) {
    const bar = document.getElementById("message-actions");
    const list = chat.querySelector("#messages");
    if (!bar || !list) return;
    const place = (article) => {
      if (article.classList.contains("message-deleted")) return;
      article.querySelector(".message-meta")?.append(bar);
      bar.hidden = false;
    };
    const moveTo = (article) => {
      if (!article || bar.parentElement?.closest("article") === article) return;
      const id = article.dataset.messageId;
      for (const link of bar.querySelectorAll("a[data-href]")) link.href = link.dataset.href.replace("{id}", id);
      const author = article.querySelector(".message-author")?.textContent ?? "";
      bar.querySelector("[data-reply]").setAttribute("aria-label", `Reply to ${author}`);
      place(article);
    };
    // chat.js shows a newer copy of a message in place of the old one: the set goes into it (same message, same links),
    // and the element that had the focus is given back to be focused again once the copy is in the page.
    window.RtChat.carryActions = (shown, now) => {
      if (!shown.contains(bar)) return null;
      const focused = bar.contains(document.activeElement) ? document.activeElement : null;
      place(now);
      return focused;
    };
    const articleOf = (event) => event.target.closest?.("article[data-message-id]");
    // Moving the set takes the focus out of it: a pointer passing over another message leaves a focused action in place.
    list.addEventListener("mouseover", (event) => {
      if (!bar.contains(document.activeElement)) moveTo(articleOf(event));
    });
    list.addEventListener("focusin", (event) => moveTo(articleOf(event)));
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-chat-room]").forEach(start));
})();
