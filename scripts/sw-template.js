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

// Trunk names the wasm, the script, the style sheets and the favicon after their contents
// (`filehash`), so under such a name any copy is this build's file.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css|svg)$/;

self.addEventListener('install', (event) => {
  // A file named after its contents is taken from the browser's HTTP cache when the page
  // has just loaded it ('force-cache'): the first visit downloads the build once, not a
  // second time for the worker (2.3 MB of wasm). The other files keep their names from
  // build to build, so they skip the HTTP cache ('reload') and the copy kept is this
  // build's.
  const request = (f) => new Request(f, { cache: HASHED.test(f) ? 'force-cache' : 'reload' });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(request))));
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
