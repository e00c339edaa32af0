/**
 * Lộ trình's service worker (issue #14): the app opens without a connection. The build (web/vite.config.ts,
 * `serviceWorker`) fills in the list of its files and a version, and writes this as /sw.js, which the
 * server sends with `Cache-Control: no-cache`, so a new release is found at the next visit.
 *
 * What it keeps: the app's shell (index.html) and its static files, all the same for every user (hashed
 * assets never change; icons, manifest). What it never keeps: anything under /api/ (user data: nothing
 * of one person stays readable after they sign out) and the server-rendered public site. Pages are asked
 * of the network first; only when that fails does the kept shell answer, and the app then shows that it
 * is offline.
 */
const VERSION = '__LO_TRINH_VERSION__';
/** The built files kept at install: the shell's scripts and styles, icons and the manifest. */
const PRECACHE = __LO_TRINH_PRECACHE__;
const CACHE = `lo-trinh-shell-${VERSION}`;
const SHELL = '/index.html';

/** Same-origin static files that are kept once fetched (hashed assets, icons, the manifest). */
const isStaticFile = (url) =>
  url.pathname.startsWith('/assets/') ||
  url.pathname.startsWith('/icons/') ||
  url.pathname === '/manifest.webmanifest';

/** Requests never answered from a cache: the API (user data) and the public site (its own pages). */
const isNeverCached = (url) => url.pathname.startsWith('/api/') || url.pathname.startsWith('/cong-khai');

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('lo-trinh-') && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** A kept static file, else the network (and a successful answer is kept for next time). */
const cacheFirst = async (request) => {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreVary: true, ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  // The server answers an unknown path with the app's index page: that is never kept as a file.
  const isPage = (response.headers.get('content-type') ?? '').startsWith('text/html');
  if (response.ok && response.type === 'basic' && !isPage) await cache.put(request, response.clone());
  return response;
};

/** The network first; without it, the kept shell (the app then loads from the cache). */
const networkFirstPage = async (request) => {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match(SHELL, { cacheName: CACHE, ignoreVary: true });
    if (shell) return shell;
    throw error;
  }
};

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isNeverCached(url)) return;
  if (request.mode === 'navigate') event.respondWith(networkFirstPage(request));
  else if (isStaticFile(url)) event.respondWith(cacheFirst(request));
});
