// Offline support: a service worker that keeps the app's own files in a versioned cache, so the
// calculator opens and works with the network off after a first visit.
//
// - Scope: the directory this file is served from (registered with a relative URL from
//   src/hosting.rs), so the app works under any sub-path, e.g. /tools/sla/.
// - Install: caches every file of the bundle (the list below is written by
//   scripts/csp-loader.py at build time, with a version derived from the files' contents).
// - Fetch, same-origin GET requests only (the app requests nothing from other origins): the page
//   itself network first with the cached copy as fallback (offline, or a server error), so a new
//   deploy shows at once; every other file cache first (their names carry a content hash).
// - Activate: deletes the caches of older versions and takes control of open pages at once.
"use strict";

// Replaced at build time (post_build hook); the defaults keep a plain copy working.
const BUILD = { version: "dev", files: ["./", "index.html"] };

// Caches belong to the origin, not the scope: name them after the scope too, so copies of the
// app under two sub-paths of one site never delete each other's files.
const PREFIX = "sla-calculator " + self.registration.scope + " ";
const CACHE = PREFIX + BUILD.version;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(BUILD.files.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? page(request) : asset(request));
});

// The page itself: the network's fresh index.html when the site answers, so a new build shows
// on the next visit; the cached one of this build when offline or the server fails. A page URL
// with a query (?embed=1, calculator inputs) is still the same page.
function page(request) {
  const cached = () =>
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || cache.match(self.registration.scope))
    );
  return fetch(request)
    .then((response) => (response.status >= 500 ? cached().then((hit) => hit || response) : response))
    .catch((err) => cached().then((hit) => hit || Promise.reject(err)));
}

// Everything else (hashed, so a name never changes content): cache first; anything not cached
// yet is fetched and, when it is a good same-origin answer, cached.
function asset(request) {
  return caches.open(CACHE).then((cache) =>
    cache.match(request).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok && response.type === "basic") cache.put(request, response.clone());
          return response;
        })
    )
  );
}
