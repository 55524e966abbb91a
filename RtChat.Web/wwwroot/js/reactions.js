// Reactions: a pill toggles the reader's own emoji, a message's React button opens the page's one picker. The answer is
// 204 and the message comes back over the socket (to every page), so this file only posts and keeps the focus where it was.
(() => {
  "use strict";

  const shownFor = 4000;

  function start(chat) {
    const list = chat.querySelector("#messages");
    const picker = document.getElementById("reaction-picker");
    const error = document.getElementById("reaction-error");
    const choices = () => Array.from(picker.querySelectorAll("[data-emoji]"));
    const headers = () => ({ ...JSON.parse(document.body.getAttribute("hx-headers") || "{}"), "HX-Request": "true" });
    let opener = null;
    let refocus = null;
    let errorTimer = 0;

    const place = (el, anchor) => {
      const box = anchor.getBoundingClientRect();
      el.hidden = false;
      const left = Math.max(8, Math.min(box.left, window.innerWidth - el.offsetWidth - 8));
      const above = box.top - el.offsetHeight - 6;
      el.style.left = `${left}px`;
      el.style.top = `${above > 8 ? above : box.bottom + 6}px`;
    };

    const showError = (text, anchor) => {
      error.textContent = text;
      place(error, anchor);
      clearTimeout(errorTimer);
      errorTimer = setTimeout(() => { error.hidden = true; }, shownFor);
    };

    const close = (returnFocus) => {
      if (picker.hidden) return;
      picker.hidden = true;
      if (returnFocus && opener?.isConnected) opener.focus();
      opener = null;
    };

    const open = (button) => {
      opener = button;
      place(picker, button);
      choices()[0].focus();
    };

    // A second click on the same pill before the first is answered would only undo it.
    const inFlight = new Set();

    async function toggle(messageId, emoji, anchor, focusAfter) {
      const key = `${messageId} ${emoji}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      refocus = { messageId, focusAfter };
      try {
        const response = await fetch(`/messages/${messageId}/react`, {
          method: "POST", headers: headers(), body: new URLSearchParams({ emoji }), credentials: "same-origin",
        });
        const said = response.headers.get("Content-Type")?.startsWith("text/plain") ? await response.text() : "";
        if (!response.ok) showError(said || "That did not work. Try again.", anchor);
      } catch {
        showError("Could not reach the server. Check your connection and try again.", anchor);
      } finally {
        inFlight.delete(key);
      }
    }

    list.addEventListener("click", (event) => {
      const react = event.target.closest("[data-react]");
      const pill = event.target.closest(".reaction[data-reaction]");
      const message = event.target.closest("[data-message-id]");
      if (!message || !(react || pill)) return;
      event.preventDefault();
      if (react) {
        if (opener === react) close(true);
        else open(react);
      } else {
        toggle(message.dataset.messageId, pill.dataset.reaction, pill, `.reaction[data-reaction="${CSS.escape(pill.dataset.reaction)}"]`);
      }
    });

    picker.addEventListener("click", (event) => {
      const choice = event.target.closest("[data-emoji]");
      const message = opener?.closest("[data-message-id]");
      if (!choice || !message) return;
      const anchor = opener;
      close(true);
      toggle(message.dataset.messageId, choice.dataset.emoji, anchor, "[data-react]");
    });

    picker.addEventListener("keydown", (event) => {
      const all = choices();
      const at = all.indexOf(document.activeElement);
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (event.key === "Escape") close(true);
      else if (step) all[(at + step + all.length) % all.length].focus();
      else if (event.key === "Home") all[0].focus();
      else if (event.key === "End") all[all.length - 1].focus();
      else return;
      event.preventDefault();
    });

    // Tabbing out of the picker, clicking elsewhere or scrolling the messages closes it.
    picker.addEventListener("focusout", (event) => {
      if (!picker.contains(event.relatedTarget) && event.relatedTarget !== opener) close(false);
    });
    document.addEventListener("click", (event) => {
      if (!picker.hidden && !picker.contains(event.target) && !event.target.closest("[data-react]")) close(false);
    });
    chat.querySelector(".chat-scroll")?.addEventListener("scroll", () => close(false), { passive: true });

    // The socket brings the reacted message anew, replacing the one that had the focus: give it to the same control.
    document.body.addEventListener("htmx:wsAfterMessage", () => {
      if (!refocus || (document.activeElement && document.activeElement !== document.body)) return;
      const message = document.getElementById(`message-${refocus.messageId}`);
      const target = message?.querySelector(refocus.focusAfter) ?? message?.querySelector("[data-react]");
      if (target) {
        target.focus();
        refocus = null;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-chat-room]").forEach(start));
})();
