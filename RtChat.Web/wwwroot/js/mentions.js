// @mentions in the composer: typing "@" and the start of a username offers the room's people (asked of the server,
// which answers for this room only) in a listbox under the box. Up/Down move, Enter or Tab picks ("@username "),
// Escape closes; the box stays a combobox whose active option is announced.
(() => {
  "use strict";

  // The "@name" just before the caret, as the server reads mentions: not inside an address or a word.
  const Typing = /(^|[^A-Za-z0-9_\-@./:])@([A-Za-z0-9_-]{0,20})$/;
  const Delay = 120;

  function start(form) {
    const box = form.querySelector("textarea[data-mentionable]");
    const list = form.querySelector("#mention-options");
    if (!box || !list) return;
    const url = box.dataset.mentionable;
    let asked = 0;
    let timer = null;
    let active = -1;
    let token = null; // { start, end } of the "@name" being completed

    const options = () => Array.from(list.querySelectorAll("[role=option]"));
    const isOpen = () => !list.hidden;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
      active = -1;
      token = null;
    }

    function highlight(index) {
      const all = options();
      if (all.length === 0) return;
      active = (index + all.length) % all.length;
      all.forEach((option, i) => option.setAttribute("aria-selected", i === active ? "true" : "false"));
      box.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function pick(option) {
      if (!option || !token) return;
      const text = `@${option.dataset.username} `;
      box.value = box.value.slice(0, token.start) + text + box.value.slice(token.end);
      const caret = token.start + text.length;
      box.setSelectionRange(caret, caret);
      close();
      box.focus();
    }

    async function ask(query, at) {
      const mine = ++asked;
      let html;
      try {
        const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, { headers: { "HX-Request": "true" } });
        if (!response.ok) { if (mine === asked) close(); return; }
        html = await response.text();
      } catch {
        return;
      }
      if (mine !== asked) return; // a newer keystroke asked since
      const template = document.createElement("template");
      template.innerHTML = html;
      const found = Array.from(template.content.querySelectorAll("li[role=option]"));
      if (found.length === 0) { close(); return; }
      token = at;
      list.replaceChildren(...found);
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
      highlight(0);
    }

    function update() {
      clearTimeout(timer);
      const caret = box.selectionStart;
      const match = box.selectionEnd === caret ? Typing.exec(box.value.slice(0, caret)) : null;
      if (!match) { asked++; close(); return; }
      const at = { start: caret - match[2].length - 1, end: caret };
      timer = setTimeout(() => ask(match[2], at), Delay);
    }

    box.addEventListener("input", update);
    box.addEventListener("click", update);
    box.addEventListener("blur", () => setTimeout(() => { if (document.activeElement !== box) close(); }, 150));
    // Before the box's own keys (Enter sends): on the form, in the capture phase.
    form.addEventListener("keydown", (event) => {
      if (event.target !== box || !isOpen() || event.isComposing) return;
      const keys = {
        ArrowDown: () => highlight(active + 1),
        ArrowUp: () => highlight(active - 1),
        Enter: () => pick(options()[active]),
        Tab: () => pick(options()[active]),
        Escape: close,
      };
      const act = keys[event.key];
      if (!act || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      event.stopPropagation();
      act();
    }, true);
    list.addEventListener("mousedown", (event) => {
      const option = event.target.closest("[role=option]");
      if (!option) return;
      event.preventDefault(); // keeps the focus in the box
      pick(option);
    });
    form.addEventListener("submit", close);
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("form[data-composer]").forEach(start));
})();
