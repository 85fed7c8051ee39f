// Wehelpen's service worker (Features/App): the installed app opens without a network, honestly. Pages are asked of
// the network first; a copy of the ones seen lately is shown only when the network fails, marked as such, and
// js/pwa.js then says so and disables what would change something. Notifications sent by Web Push are shown here.
// What is kept, for how long, what never is, and why: docs/decisions/offline-pages.md.
"use strict";

// A new version name drops the caches of the old one at activation.
const VERSION = "v1";
const PAGES = `wehelpen-pages-${VERSION}`; // pages one person saw, oldest first
const FILES = `wehelpen-files-${VERSION}`; // styles, scripts and icons: what a kept page needs to render
const SHELL = `wehelpen-shell-${VERSION}`; // the offline page in both languages, the same for everyone
const STATE = `wehelpen-state-${VERSION}`; // whose pages these are, and the language they were in
const STATE_KEY = "/__wehelpen-state";
const KEEP_PAGES = 60;
const KEEP_FILES = 60;
const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000; // an agenda of more than two weeks ago misleads more than it helps
const OFFLINE = "/offline";
const offlinePage = (lang) => `${OFFLINE}?lang=${lang === "en" ? "en" : "nl"}`;

// Never kept: the API and the live hub (data, not pages), sign-in and the account's own pages (codes, tokens), the
// development mail box, and the offline page itself (it is kept apart, in SHELL).
const NEVER = [/^\/api\//, /^\/hubs\//, /^\/account(\/|$)/, /^\/dev\//, /^\/offline$/];
const FILE = /^\/(css|js|lib|icons)\//;

self.addEventListener("install", (event) => {
  event.waitUntil(fillShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const current = [PAGES, FILES, SHELL, STATE];
    for (const name of await caches.keys()) if (name.startsWith("wehelpen-") && !current.includes(name)) await caches.delete(name);
    // The page that registered the worker is served by it from now on, not only after the next visit.
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Signing out: everything kept goes before the form reaches the server, so no page of this person outlives it.
  if (request.method === "POST" && url.pathname === "/account/logout") {
    event.respondWith(forgetAll().catch(() => {}).then(() => fetch(request)));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") event.respondWith(navigate(event, url));
  else if (FILE.test(url.pathname)) event.respondWith(file(event));
});

const keepable = (url) => !NEVER.some((pattern) => pattern.test(url.pathname));

// The page script asks this too when the sign-out form is sent (it may be sent from a page this worker does not control).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "signed-out") event.waitUntil(forgetAll());
});

async function navigate(event, url) {
  try {
    const response = await fetch(event.request);
    if (keepable(url) && worthKeeping(response)) event.waitUntil(keep(url, response.clone()).catch(() => {}));
    return response;
  } catch {
    return (keepable(url) && await copyOf(url)) || await offlineAnswer();
  }
}

// Only a whole, ordinary page: 200, HTML, not reached by a redirect, and not one whose address holds a secret (the
// server sends those, and only those, with Referrer-Policy: no-referrer; Hosting/SecurityHeaders.cs).
function worthKeeping(response) {
  return response.status === 200 && response.type === "basic" && !response.redirected &&
    (response.headers.get("Content-Type") || "").startsWith("text/html") &&
    response.headers.get("Referrer-Policy") !== "no-referrer";
}

async function keep(url, response) {
  const html = await response.clone().text();
  const body = html.match(/<body\b[^>]*>/);
  if (!body) return;
  // Whose page this is (empty when signed out): the pages of someone else are dropped first, so a shared phone
  // never shows one person's circle to the next, also when the first did not sign out.
  const user = (body[0].match(/\sdata-live-user="([^"]*)"/) || [])[1] || "";
  const lang = (html.match(/<html\b[^>]*\slang="([a-z]+)"/) || [])[1] || "nl";
  const state = await readState();
  if (state.user !== user) await caches.delete(PAGES);
  await writeState({ user, lang });
  if (!(await caches.has(SHELL))) await fillShell().catch(() => {});
  const pages = await caches.open(PAGES);
  const key = pageKey(url);
  // Deleted and put again: the cache lists its entries in the order they were put, so the oldest go first.
  await pages.delete(key);
  await pages.put(key, response);
  await trim(pages, KEEP_PAGES);
}

async function copyOf(url) {
  if (!(await caches.has(PAGES))) return null;
  const copy = await (await caches.open(PAGES)).match(pageKey(url));
  if (!copy) return null;
  const saved = Date.parse(copy.headers.get("Date") || "");
  if (Number.isFinite(saved) && Date.now() - saved > MAX_AGE_MS) return null;
  return marked(copy, "copy");
}

async function offlineAnswer() {
  const state = await readState();
  const page = await caches.match(offlinePage(state.lang), { cacheName: SHELL });
  return page ? marked(page, "page") : Response.error();
}

// The body says what it is, for js/pwa.js (the banner, the disabled forms) and js/live.js (no connecting). The
// server's headers go along, its Content-Security-Policy among them; only the length changed.
async function marked(response, kind) {
  const html = (await response.text()).replace(/<body\b/, `<body data-offline="${kind}"`);
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  return new Response(html, { status: 200, statusText: "OK", headers });
}

// The start address from the home screen carries ?bron=app: it is the same page as without.
function pageKey(url) {
  const key = new URL(url.href);
  key.searchParams.delete("bron");
  key.hash = "";
  return key.href;
}

// Kept only for a page that is kept itself: the pages of signing in and out leave nothing behind.
async function file(event) {
  try {
    const response = await fetch(event.request);
    const client = event.clientId ? await self.clients.get(event.clientId) : null;
    if (response.status === 200 && response.type === "basic" && client && keepable(new URL(client.url))) {
      event.waitUntil((async () => {
        const files = await caches.open(FILES);
        await files.delete(event.request);
        await files.put(event.request, response.clone());
        await trim(files, KEEP_FILES);
      })().catch(() => {}));
    }
    return response;
  } catch {
    return (await caches.match(event.request, { cacheName: FILES })) || Response.error();
  }
}

// The offline page in both languages, without cookies (it is nobody's), and the styles, scripts and icons it names:
// the same ones every page names, so a kept page renders too.
async function fillShell() {
  const shell = await caches.open(SHELL);
  const files = new Set();
  for (const lang of ["nl", "en"]) {
    const response = await fetch(offlinePage(lang), { credentials: "omit", cache: "no-store" });
    if (!response.ok) throw new Error(`${offlinePage(lang)}: ${response.status}`);
    const html = await response.clone().text();
    for (const [, path] of html.matchAll(/\s(?:href|src)="(\/(?:css|js|lib|icons)\/[^"]+)"/g)) files.add(path.replaceAll("&amp;", "&"));
    await shell.put(offlinePage(lang), response);
  }
  await (await caches.open(FILES)).addAll([...files]);
}

async function forgetAll() {
  for (const name of await caches.keys()) if (name.startsWith("wehelpen-")) await caches.delete(name);
}

async function trim(cache, keep) {
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - keep))) await cache.delete(old);
}

async function readState() {
  if (await caches.has(STATE)) {
    const saved = await (await caches.open(STATE)).match(STATE_KEY);
    if (saved) return saved.json();
  }
  return { user: null, lang: "nl" };
}

async function writeState(state) {
  await (await caches.open(STATE)).put(STATE_KEY, new Response(JSON.stringify(state), { headers: { "Content-Type": "application/json" } }));
}

// --- Web Push: the server sends {"title", "body", "url", "tag"?}; the notification opens that page of this site.

// Only a path of this site: "/circles/...", never "//elsewhere" or "/\elsewhere", which browsers read as another site.
function sitePath(url) {
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return false;
  try { return new URL(url, self.location.origin).origin === self.location.origin; } catch { return false; }
}

function pushMessage(data) {
  let message;
  try { message = data ? data.json() : null; } catch { return null; }
  if (!message || typeof message.title !== "string" || typeof message.body !== "string" || !sitePath(message.url)) return null;
  return { title: message.title, body: message.body, url: message.url, tag: typeof message.tag === "string" && message.tag ? message.tag : undefined };
}

// Someone reading the very page a push leads to (the chat they have open) is not interrupted by it on that device.
// A focused, visible window of the site also spares the push from the browser's own "updated in the background" note.
async function lookingAt(url) {
  const path = new URL(url, self.location.origin).pathname;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  return windows.some((client) => client.focused && client.visibilityState === "visible" && new URL(client.url).pathname === path);
}

self.addEventListener("push", (event) => {
  const message = pushMessage(event.data);
  if (!message) return;
  event.waitUntil((async () => {
    if (await lookingAt(message.url)) return;
    await self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: "/icons/icon-192.png",
      data: { url: message.url },
    });
  })());
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (!sitePath(url)) return;
  event.waitUntil(showPage(new URL(url, self.location.origin).href));
});

// An open window of this site is shown the page (the one already on it first, else the one used last); without one, a
// new window opens. Bringing the window forward is the browser's to allow (Chromium does for a short while after a tap
// on the notification); refused, the window is still shown the page rather than nothing happening. Only a window this
// worker controls can be navigated: an uncontrolled one (opened before the worker was installed) gets a new window.
async function showPage(target) {
  const windows = await self.clients.matchAll({ type: "window" });
  const open = windows.find((client) => client.url === target) || windows[0];
  if (open) {
    await open.focus().catch(() => {});
    try {
      await open.navigate(target);
      return;
    } catch {
      // falls through to a new window
    }
  }
  await self.clients.openWindow(target);
}
