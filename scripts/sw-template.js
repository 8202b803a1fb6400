// Leerspoor's service worker: keeps every file of one build in the Cache Storage, so the
// app starts and works without a network. Generated at build time by
// scripts/service-worker.mjs from scripts/sw-template.js: edit the template, not dist/sw.js.
//
// A new build has a new VERSION, so the browser sees a changed sw.js and installs it next
// to the running one; it waits until the page (after the user said so) asks it to take
// over, because swapping files under a running app mid-edit could lose work.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `leerspoor-${VERSION}`;
const SHELL = './index.html';

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the stored copy is this build's file.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('leerspoor-') && n !== CACHE).map((n) => caches.delete(n)),
        ),
      )
      // The first install takes the open page at once, so it works offline from now on.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route (/zelfscan, /delen, …) is the same page: the cached index.html.
    event.respondWith(caches.match(SHELL, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});
