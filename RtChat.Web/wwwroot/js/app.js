// Every page: makes the site an installable app by registering its service worker (sw.js: the shell and the offline
// page). Browsers allow workers only on secure pages: HTTPS, or this machine's own address while developing.
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error) => console.warn("RtChat: no offline support:", error));
  });
})();
