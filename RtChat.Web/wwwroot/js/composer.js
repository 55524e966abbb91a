// The room's composer, so that nothing typed is lost: the box clears at once, messages go out one at a time in the
// order they were typed, each shows as pending until the socket brings it, and one the server refuses (too fast, too
// long, unreachable) comes back into the box, with what was queued after it, and the reason.
(() => {
  "use strict";

  function start(form) {
    const box = form.querySelector("textarea[name=Body]");
    const messages = document.getElementById("messages");
    const viewer = document.querySelector("[data-chat-room]")?.dataset.viewerId ?? "";
    const queue = [];
    let sending = false;

    function showError(text) {
      form.querySelector(".composer-error")?.remove();
      if (!text) return;
      const error = document.createElement("p");
      error.className = "composer-error";
      error.setAttribute("role", "alert");
      error.textContent = text;
      form.append(error);
    }

    function pendingCopy(body) {
      const article = document.createElement("article");
      article.className = "message message-pending";
      article.dataset.authorId = viewer;
      article.setAttribute("aria-busy", "true");
      const content = document.createElement("div");
      content.className = "message-content";
      const text = document.createElement("p");
      text.className = "message-body";
      text.textContent = body;
      const state = document.createElement("span");
      state.className = "message-state";
      state.textContent = "Sending…";
      content.append(text, state);
      article.append(content);
      messages.append(article);
      document.getElementById("chat-scroll")?.scrollTo({ top: 1e9 });
      return article;
    }

    // The socket may bring the message before the answer does, or after: the copy goes once both are in.
    function settle(pending, id) {
      const arrived = () => document.getElementById(`message-${id}`);
      if (arrived()) { pending.remove(); return; }
      pending.querySelector(".message-state").textContent = "Sent";
      const watch = new MutationObserver(() => { if (arrived()) { pending.remove(); watch.disconnect(); } });
      watch.observe(messages, { childList: true });
    }

    function giveBack(fromIndex, reason) {
      const refused = queue.splice(fromIndex);
      refused.forEach((item) => item.pending.remove());
      // The reply the first refused message answered comes back with its text (replies.js).
      const reply = refused.find((item) => item.reply)?.reply;
      if (reply) window.RtChatReplies?.set(form, reply);
      const typed = box.value;
      box.value = [...refused.map((item) => item.body), typed].filter((text) => text.trim()).join("\n");
      showError(reason);
      box.focus();
    }

    async function reasonOf(response) {
      const html = await response.text();
      const doc = new DOMParser().parseFromString(html, "text/html");
      return doc.querySelector(".composer-error")?.textContent.trim() || `The message was not sent (${response.status}).`;
    }

    async function sendNext() {
      if (sending || queue.length === 0) return;
      sending = true;
      const item = queue[0];
      try {
        // URL-encoded, as the form would post it; multipart would turn each new line into CR LF.
        const data = new URLSearchParams(new FormData(form));
        data.set("Body", item.body);
        if (item.reply) data.set("ReplyTo", item.reply.id);
        else data.delete("ReplyTo");
        const response = await fetch(form.action, { method: "POST", body: data, headers: { "HX-Request": "true" } });
        if (response.status === 204) {
          queue.shift();
          settle(item.pending, response.headers.get("RtChat-Message-Id"));
        } else {
          giveBack(0, await reasonOf(response));
        }
      } catch {
        giveBack(0, "Couldn't reach the server. Your message is back in the box; send it again when you're online.");
      } finally {
        sending = false;
      }
      sendNext();
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // Blank text goes too: the server's answer says why it is refused, in the same words as every refusal.
      const body = box.value;
      if (!body) return;
      showError("");
      const reply = window.RtChatReplies?.current(form) ?? null;
      queue.push({ body, reply, pending: pendingCopy(body) });
      window.RtChatReplies?.set(form, null);
      box.value = "";
      box.focus();
      sendNext();
    });
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("form[data-composer]").forEach(start));
})();
