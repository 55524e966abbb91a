// Editing and deleting one's own messages on the room's page. Every reader's copy of a message carries the Edit and
// Delete links (the fragments are the same for everyone); the page's own style shows them on the viewer's messages,
// and this file hides Edit once the edit window has passed. Edit puts a form in place of the text (Enter saves,
// Shift+Enter adds a line, Escape cancels); Delete asks first. Up in the empty composer edits the newest message still
// editable. Saving answers with the message as it now is, and the socket brings it too: the newer copy stays. Without
// JavaScript the same links open pages that do the same.
(() => {
  "use strict";

  const requestToken = () => {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}").RequestVerificationToken ?? "";
    } catch {
      return "";
    }
  };

  const version = (el) => Number(el.dataset.version) || 0;

  function start(chat) {
    const list = chat.querySelector("#messages");
    const composer = document.getElementById("composer-body");
    const viewer = chat.dataset.viewerId ?? "";
    const windowMs = (Number(chat.dataset.editWindowSeconds) || 0) * 1000;
    // Message id → its open form, or null while the form loads. A form outlives its article: a new version of the
    // message arriving meanwhile gets the same form, with what was typed.
    const open = new Map();
    let focusedForm = null;

    const articleOf = (id) => document.getElementById(`message-${id}`);
    const own = () => Array.from(list.querySelectorAll(`:scope > article[data-message-id][data-author-id="${CSS.escape(viewer)}"]`));
    const sentAt = (article) => new Date(article.querySelector("time[datetime]")?.getAttribute("datetime") ?? "").getTime();
    const editable = (article) => !article.classList.contains("message-deleted") && Date.now() <= sentAt(article) + windowMs;
    const markClosed = () => {
      for (const article of own()) if (!editable(article)) article.toggleAttribute("data-edit-closed", true);
    };

    const focusBox = (form) => {
      const box = form.querySelector("textarea");
      box?.focus();
      box?.setSelectionRange(box.value.length, box.value.length);
    };

    // A reason shown in place of the previous one, read out at once.
    function putError(container, className, text) {
      container?.querySelector(`:scope > .${className}`)?.remove();
      const error = document.createElement("p");
      error.className = className;
      error.setAttribute("role", "alert");
      error.textContent = text;
      container?.append(error);
    }

    const showError = (article, text) => putError(article.querySelector(".message-content"), "message-action-error", text);
    const setFormError = (form, text) => putError(form, "message-edit-error", text);

    // A 200, 422 or 429 answer to the form's requests is the form again (with the text and the reason).
    async function formFrom(response) {
      if (!(response.ok || response.status === 422 || response.status === 429)) return null;
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const form = doc.querySelector("form.message-edit");
      return form ? document.adoptNode(form) : null;
    }

    // Puts the open form into the message's article (shown now); a message deleted meanwhile ends the edit.
    function attach(id, form) {
      const article = articleOf(id);
      if (!article || article.classList.contains("message-deleted")) {
        open.delete(id);
        return false;
      }
      article.classList.add("message-editing");
      article.querySelector(".message-content").append(form);
      open.set(id, form);
      return true;
    }

    function close(id) {
      open.get(id)?.remove();
      open.delete(id);
      articleOf(id)?.classList.remove("message-editing");
    }

    function cancel(form) {
      close(form.dataset.messageEdit);
      composer?.focus();
    }

    // The article as the server answered, unless the page already shows that version or a newer one.
    function showNewer(id, html) {
      const shown = articleOf(id);
      const now = new DOMParser().parseFromString(html, "text/html").querySelector("article[data-message-id]");
      if (shown && now && version(now) > version(shown)) {
        window.htmx.swap(shown, html, { swapStyle: "outerHTML", swapDelay: 0, settleDelay: 0 });
      }
    }

    async function openEdit(article) {
      const id = article.dataset.messageId;
      if (open.has(id)) {
        if (open.get(id)) focusBox(open.get(id));
        return;
      }
      open.set(id, null);
      let form = null;
      try {
        const address = document.querySelector("#message-actions [data-edit]").dataset.href.replace("{id}", id);
        form = await formFrom(await fetch(address, { headers: { "HX-Request": "true" } }));
      } catch {
        form = null;
      }
      if (!form) {
        open.delete(id);
        showError(article, "Couldn't open this message for editing. Try again.");
        return;
      }
      if (attach(id, form)) focusBox(form);
    }

    async function save(form) {
      const id = form.dataset.messageEdit;
      if (form.hasAttribute("aria-busy")) return;
      form.setAttribute("aria-busy", "true");
      form.querySelector(".message-edit-error")?.remove();
      let response;
      try {
        // URL-encoded, as the form would post it; multipart would turn each new line into CR LF.
        response = await fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), headers: { "HX-Request": "true" } });
      } catch {
        form.removeAttribute("aria-busy");
        setFormError(form, "Couldn't reach the server. Your text is still here; save again when you're online.");
        return;
      }
      form.removeAttribute("aria-busy");
      if (response.ok) {
        const html = await response.text();
        close(id);
        showNewer(id, html);
        composer?.focus();
        return;
      }
      const again = await formFrom(response);
      if (again && open.get(id) === form && form.isConnected) {
        form.replaceWith(again);
        open.set(id, again);
        focusBox(again);
      } else if (open.get(id) === form) {
        setFormError(form, `Your edit was not saved (${response.status}). Your text is still here.`);
      }
    }

    async function remove(article, link) {
      if (!window.confirm(chat.dataset.deleteQuestion)) return;
      const id = article.dataset.messageId;
      let response;
      try {
        response = await fetch(link.href, { method: "POST", headers: { "HX-Request": "true", RequestVerificationToken: requestToken() } });
      } catch {
        showError(article, "Couldn't reach the server. The message was not deleted.");
        return;
      }
      if (!response.ok) {
        const reason = response.status === 429 ? await response.text() : `The message was not deleted (${response.status}).`;
        showError(articleOf(id) ?? article, reason);
        return;
      }
      const html = await response.text();
      close(id);
      showNewer(id, html);
      composer?.focus();
    }

    list.addEventListener("click", (event) => {
      const action = event.target.closest(".message-actions :is([data-edit], [data-delete])");
      const article = action?.closest("article[data-message-id]");
      const kind = action && ("edit" in action.dataset ? "edit" : "delete");
      // A modified click opens the link's own page, in a new tab or window.
      if (article && (kind === "edit" || kind === "delete") && !(event.ctrlKey || event.metaKey || event.shiftKey || event.button)) {
        event.preventDefault();
        if (kind === "edit") openEdit(article);
        else remove(article, action);
        return;
      }
      const cancelLink = event.target.closest("form.message-edit [data-edit-cancel]");
      if (cancelLink) {
        event.preventDefault();
        cancel(cancelLink.closest("form"));
      }
    });
    list.addEventListener("submit", (event) => {
      const form = event.target.closest("form.message-edit");
      if (!form) return;
      event.preventDefault();
      save(form);
    });
    list.addEventListener("keydown", (event) => {
      const form = event.target.closest("form.message-edit");
      if (!form) return;
      if (event.key === "Escape") {
        event.preventDefault();
        cancel(form);
      } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.target.matches("textarea")) {
        event.preventDefault();
        save(form);
      }
    });
    document.addEventListener("focusin", (event) => { focusedForm = event.target.closest?.("form.message-edit") ?? null; });

    // Up in the empty composer: the newest of the viewer's messages that can still be edited.
    composer?.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowUp" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      if (composer.value !== "") return;
      const newest = own().filter(editable).at(-1);
      if (!newest) return;
      event.preventDefault();
      openEdit(newest);
    });

    // A new version of a message being edited replaced its article (chat.js): the form moves into the new one.
    new MutationObserver(() => {
      for (const [id, form] of open) {
        if (!form || form.isConnected) continue;
        const hadFocus = focusedForm === form;
        if (attach(id, form)) {
          if (hadFocus) form.querySelector("textarea")?.focus();
        } else if (hadFocus) {
          composer?.focus();
        }
      }
      markClosed();
    }).observe(list, { childList: true });
    markClosed();
    setInterval(markClosed, 5000);
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-chat-room]").forEach(start));
})();
