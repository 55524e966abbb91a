// Replies on the room page: a message's Reply button puts its author and first words above the composer (and its id in
// the form's ReplyTo field); ✕ or Escape cancels. A reply's quote scrolls to the original and flashes it when the
// original is on the page, and otherwise follows its link (the room around the original).
(() => {
  "use strict";

  const SnippetLength = 100;

  function snippetOf(article) {
    const body = article.querySelector(".message-body")?.textContent ?? "";
    const file = article.querySelector(".attachment-text")?.textContent ?? (article.querySelector(".attachment-picture") ? "Picture" : "");
    const text = body.replace(/\s+/g, " ").trim() || file.replace(/\s+/g, " ").trim();
    return text.length > SnippetLength ? `${text.slice(0, SnippetLength).trimEnd()}…` : text;
  }

  // The one way the reply target changes: { id, name, snippet } to set it, null to clear it. composer.js uses it too.
  function setReply(form, reply) {
    const bar = form.querySelector("[data-reply-bar]");
    const input = form.querySelector("[data-reply-input]");
    if (!bar || !input) return;
    input.value = reply ? String(reply.id) : "";
    bar.dataset.name = reply?.name ?? "";
    bar.dataset.snippet = reply?.snippet ?? "";
    bar.querySelector("[data-reply-name]").textContent = reply?.name || "a message";
    bar.querySelector("[data-reply-snippet]").textContent = reply?.snippet ? `: ${reply.snippet}` : "";
    bar.hidden = !reply;
  }

  function currentReply(form) {
    const id = form.querySelector("[data-reply-input]")?.value;
    if (!id) return null;
    const bar = form.querySelector("[data-reply-bar]");
    return { id, name: bar?.dataset.name ?? "", snippet: bar?.dataset.snippet ?? "" };
  }

  window.RtChatReplies = { set: setReply, current: currentReply };

  function flash(message) {
    message.classList.remove("message-flash");
    void message.offsetWidth; // restarts the animation when the same message is asked for twice
    message.classList.add("message-flash");
    setTimeout(() => message.classList.remove("message-flash"), 2000);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(".message-actions [data-reply]");
    if (button) {
      const article = button.closest("article[data-message-id]");
      const form = document.querySelector("form[data-composer]");
      if (!article || !form) return;
      setReply(form, {
        id: article.dataset.messageId,
        name: article.querySelector(".message-author")?.textContent.trim() ?? "",
        snippet: snippetOf(article),
      });
      form.querySelector("textarea[name=Body]")?.focus();
      return;
    }
    const cancel = event.target.closest?.("[data-reply-cancel]");
    if (cancel) {
      const form = cancel.closest("form");
      setReply(form, null);
      form.querySelector("textarea[name=Body]")?.focus();
      return;
    }
    const quote = event.target.closest?.("a[data-reply-to]");
    if (quote && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      const original = document.getElementById(`message-${quote.dataset.replyTo}`);
      if (!original) return; // the link opens the room around it
      event.preventDefault();
      // At once, not smoothly: a frame landing mid-scroll would find the view still at the bottom and keep it there
      // (chat.js follows new messages while the reader is at the bottom).
      original.scrollIntoView({ block: "center" });
      flash(original);
    }
  });

  // Escape cancels the reply, unless the mention list is open (it closes first; mentions.js stops the key then).
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const form = event.target.closest?.("form[data-composer]");
    if (!form || !currentReply(form)) return;
    setReply(form, null);
  });
})();
