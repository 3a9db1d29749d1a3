// E-péče service worker: keeps the app shell on the phone so the app opens offline.
//
// app/build.sh writes dist/sw.js from this file, substituting the cache version (derived
// from the hashed assets) and the precache list: the shell and every module of the
// caregiver's app. Other roles' pages (their own wasm modules) are kept when first opened.
// API responses are never cached here: offline data is kept by the app itself.

const VERSION = '__CACHE_VERSION__';
const PRECACHE = __PRECACHE_LIST__;
const CACHE = 'epece-shell-' + VERSION;
const SHELL = '/index.html';

/**
 * How the install fetches a precached file without downloading it a second time. The page
 * registers this worker once the app runs, so the files it loaded are in the HTTP cache:
 * hashed assets (immutable for a year) are taken from there as they are; on the first
 * install the shell files are too (`force-cache`; the shell under the address the visit
 * opened, `/`). An update must see the new release, so it revalidates the shell files.
 */
function precacheRequest(url, firstInstall) {
  if (url.startsWith('/assets/')) {
    return new Request(url);
  }
  if (firstInstall) {
    return new Request(url === SHELL ? '/' : url, { cache: 'force-cache' });
  }
  return new Request(url, { cache: 'no-cache' });
}

self.addEventListener('install', (event) => {
  const firstInstall = !self.registration.active;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          PRECACHE.map(async (url) => {
            const response = await fetch(precacheRequest(url, firstInstall));
            if (!response.ok) {
              throw new Error(`precache ${url}: ${response.status}`);
            }
            await cache.put(url, response);
          }),
        ),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('epece-shell-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirstNavigation(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      return response;
    }
    // A server error page is worse than the app shell the app can retry from.
    return (await caches.match(SHELL, { cacheName: CACHE })) || response;
  } catch (error) {
    const shell = await caches.match(SHELL, { cacheName: CACHE });
    if (shell) {
      return shell;
    }
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request)
    .then((response) => {
      if (response.ok) {
        cache.put(request, response.clone());
      }
      return response;
    })
    .catch(() => undefined);
  return cached || (await refresh) || Response.error();
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  // The API goes straight to the network, never into a cache.
  if (url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstNavigation(request));
    return;
  }
  // Hashed assets never change under the same name.
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(staleWhileRevalidate(request));
  }
});
