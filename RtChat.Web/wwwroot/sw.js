// The installable app's service worker, at the site's root so its scope is the whole site. It keeps the shell (styles,
// scripts, icons, the offline page) so a page opens offline with the offline page instead of the browser's error.
// Pages themselves are never kept: they are the signed-in reader's own (their chats, their name), and a page from the
// cache would show one reader's chats to whoever signs in next on the device. Nor are posts, media (a private room's
// pictures belong to its members) or the socket (a worker never sees it).
"use strict";

// Changing the shell's list or this file's rules means a new name: activation then deletes the caches of older versions.
// The files themselves need no new name: pages ask for them by versioned address (?v=<content hash>), and a new
// version's address is a miss that the network fills.
const VERSION = "v3";
const SHELL = `rtchat-shell-${VERSION}`;
const OFFLINE_PAGE = "/offline.html";
const SHELL_FILES = [
  OFFLINE_PAGE,
  "/css/site.css",
  "/js/app.js",
  "/js/notify.js",
  "/js/site.js",
  "/js/chat.js",
  "/js/composer.js",
  "/js/typing.js",
  "/js/attach.js",
  "/js/replies.js",
  "/js/mentions.js",
  "/js/reactions.js",
  "/js/editing.js",
  "/js/actions.js",
  "/lib/htmx/htmx.min.js",
  "/lib/htmx-ext-ws/ws.min.js",
  "/lib/hyperscript/_hyperscript.min.js",
  "/images/logo.svg",
  "/images/avatar.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
  "/icons/apple-touch-icon.png",
];
const STATIC_FOLDERS = ["/css/", "/js/", "/lib/", "/images/", "/icons/"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith("rtchat-shell-") && name !== SHELL).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(pageOrOffline(request));
    return;
  }
  if (STATIC_FOLDERS.some((folder) => url.pathname.startsWith(folder))) event.respondWith(staticFile(request, url));
  // Anything else (fragments htmx asks for, media, the health check) goes to the network as if there were no worker.
});

// Straight to the network, never stored; only a failed network shows the offline page (in place, at the address asked
// for, so its "Try again" link reloads that address).
async function pageOrOffline(request) {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(OFFLINE_PAGE, { cacheName: SHELL })) ?? Response.error();
  }
}

// A versioned address names one content for good: from the cache when there, else from the network and kept (replacing
// that file's older versions). An address without a version may change under it: the network first, the cache offline.
async function staticFile(request, url) {
  const cache = await caches.open(SHELL);
  const versioned = url.searchParams.has("v");
  if (versioned) {
    const kept = await cache.match(request);
    if (kept) return kept;
  }
  try {
    const response = await fetch(request);
    if (versioned && response.ok) await keep(cache, request, url, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

async function keep(cache, request, url, response) {
  for (const old of await cache.keys()) {
    if (new URL(old.url).pathname === url.pathname) await cache.delete(old);
  }
  await cache.put(request, response);
}

// Notifications the worker showed for a page (where the page may not show its own: Chrome on Android): a click brings
// that page forward, or opens it again.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data?.url;
  if (!url || new URL(url).origin !== self.location.origin) return;
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
    const open = windows.find((client) => client.url === url);
    return open ? open.focus() : self.clients.openWindow(url);
  }));
});
