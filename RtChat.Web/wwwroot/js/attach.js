// The attach control (Pages/Chat/_Attach.cshtml): files picked, pasted into the composer or dropped on the room are
// listed in a panel with an optional caption; Send posts them with htmx and the bar shows the upload's progress. A
// picture in a message opens whole in the viewer. The control is swapped on every answer, so events are delegated.
(() => {
  "use strict";

  const attachForm = () => document.querySelector("form[data-attach]");

  function humanSize(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    const units = ["KB", "MB", "GB"];
    let size = bytes / 1024, unit = 0;
    while (size >= 1024 && unit < units.length - 1) { size /= 1024; unit++; }
    return `${size.toFixed(size < 10 ? 1 : 0).replace(/\.0$/, "")} ${units[unit]}`;
  }

  function listChosen(form) {
    const input = form.querySelector("[data-attach-input]");
    const list = form.querySelector("[data-attach-chosen]");
    list.querySelectorAll("img").forEach((img) => URL.revokeObjectURL(img.src));
    list.replaceChildren();
    const files = [...input.files];
    const maxBytes = Number(form.dataset.maxBytes);
    files.forEach((file) => {
      const item = document.createElement("li");
      if (file.type.startsWith("image/")) {
        const preview = document.createElement("img");
        preview.src = URL.createObjectURL(file);
        preview.alt = "";
        item.append(preview);
      }
      const label = document.createElement("span");
      label.textContent = `${file.name} (${humanSize(file.size)})${file.size > maxBytes ? " — too large, it will be refused" : ""}`;
      item.append(label);
      list.append(item);
    });
    form.toggleAttribute("data-has-files", files.length > 0);
    if (files.length > 0) form.querySelector("[name=Caption]").focus();
  }

  function choose(files) {
    const form = attachForm();
    if (!form || files.length === 0) return;
    const input = form.querySelector("[data-attach-input]");
    const chosen = new DataTransfer();
    [...input.files, ...files].slice(0, Number(form.dataset.maxFiles)).forEach((file) => chosen.items.add(file));
    input.files = chosen.files;
    listChosen(form);
  }

  function clear(form) {
    form.querySelector("[data-attach-input]").value = "";
    form.querySelector(".attach-errors")?.remove();
    listChosen(form);
  }

  document.addEventListener("change", (event) => {
    if (event.target.matches("[data-attach-input]")) listChosen(event.target.form);
  });

  document.addEventListener("click", (event) => {
    const cancel = event.target.closest("[data-attach-cancel]");
    if (cancel) { clear(cancel.form); return; }
    const picture = event.target.closest("a[data-picture]");
    const viewer = document.querySelector("[data-picture-viewer]");
    if (picture && viewer && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      const image = viewer.querySelector("img");
      image.src = picture.href;
      image.alt = picture.querySelector("img")?.alt ?? "";
      viewer.showModal();
      return;
    }
    if (event.target === viewer || event.target.closest?.("[data-picture-viewer] img")) viewer.close();
  });

  // A pasted picture (a screenshot) goes to the panel; pasted text stays text.
  document.addEventListener("paste", (event) => {
    if (!event.target.closest?.("form[data-composer], form[data-attach]")) return;
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    choose(files);
  });

  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");
  document.addEventListener("dragover", (event) => {
    const room = event.target.closest?.("[data-chat-room]");
    if (!room || !hasFiles(event)) return;
    event.preventDefault();
    room.classList.add("chat-dropping");
  });
  document.addEventListener("dragleave", (event) => {
    if (event.target.matches?.("[data-chat-room]")) event.target.classList.remove("chat-dropping");
  });
  document.addEventListener("drop", (event) => {
    const room = event.target.closest?.("[data-chat-room]");
    if (!room || !hasFiles(event)) return;
    event.preventDefault();
    room.classList.remove("chat-dropping");
    choose([...event.dataTransfer.files]);
  });

  document.addEventListener("htmx:xhr:progress", (event) => {
    const form = event.target.closest?.("form[data-attach]");
    const { loaded, total } = event.detail;
    if (form && total) form.querySelector(".attach-progress").value = (loaded / total) * 100;
  });

  // An answer that is not the control (a crash, a lost connection) leaves it as it was, files and caption kept.
  function showFailure(event, text) {
    const form = event.target.closest?.("form[data-attach]");
    if (!form) return;
    form.querySelector(".attach-errors")?.remove();
    const errors = document.createElement("ul");
    errors.className = "attach-errors";
    errors.setAttribute("role", "alert");
    const item = document.createElement("li");
    item.textContent = text;
    errors.append(item);
    form.querySelector(".attach-panel").prepend(errors);
  }
  document.addEventListener("htmx:responseError", (event) =>
    showFailure(event, `The files were not sent (${event.detail.xhr.status}). They are still chosen: try again.`));
  document.addEventListener("htmx:sendError", (event) =>
    showFailure(event, "Couldn't reach the server. The files are still chosen: send them again when you're online."));

  const enhance = () => attachForm()?.setAttribute("data-enhanced", "");
  document.addEventListener("DOMContentLoaded", enhance);
  document.addEventListener("htmx:load", enhance);
})();
