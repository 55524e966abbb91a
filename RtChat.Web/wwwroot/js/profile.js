// Shows the chosen avatar before it is saved, and says at once when a file is too big to send.
(() => {
  "use strict";
  document.addEventListener("change", (event) => {
    const input = event.target.closest?.("[data-avatar-input]");
    if (!input) return;
    const form = input.closest("form");
    const preview = form.querySelector("[data-avatar-preview]");
    const error = form.querySelector("[data-avatar-error]");
    const file = input.files?.[0];
    error.textContent = "";
    if (!file) return;
    if (file.size > Number(input.dataset.maxBytes)) {
      error.textContent = `The file is larger than ${Math.round(Number(input.dataset.maxBytes) / 1048576)} MB.`;
      input.value = "";
      return;
    }
    preview.src = URL.createObjectURL(file);
  });
})();
