// Live updates for signed-in pages, over the one hub (/hubs/live) with the official @microsoft/signalr client.
// Everything here is an addition: without JavaScript, or while the connection is down, the pages work as they are
// and a reload shows the state. Exposes window.wehelpenLive for chat.js.
(function () {
  "use strict";
  const hubUrl = document.body.dataset.liveHub;
  // A copy the service worker showed without a network (wwwroot/sw.js): nothing to connect to, and nothing to pretend.
  if (!hubUrl || !window.signalR || document.body.dataset.offline !== undefined) return;

  const texts = JSON.parse(document.getElementById("live-texts").textContent);
  const announcer = document.getElementById("live-announcer");
  const status = document.getElementById("live-connection");
  const alerts = document.getElementById("live-alerts");
  const format = (text, ...values) => values.reduce((t, v, i) => t.replace(`{${i}}`, v), text);
  const say = (text) => { announcer.textContent = ""; window.setTimeout(() => { announcer.textContent = text; }, 50); };

  // Reconnect for as long as the page is open: quickly at first, then every 30 seconds.
  // Straight to a WebSocket, without the negotiate request: behind a proxy that spreads requests over several nodes,
  // a negotiate answered by one node and a WebSocket opened on another would not match (deploy/README.md).
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30000, 1000 * 2 ** Math.min(ctx.previousRetryCount, 5)) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  // Run after every (re)connection: what a page needs to catch up on (chat.js).
  const connectedHandlers = [];
  let statusTimer = 0;
  const connected = (yes) => { document.body.dataset.liveConnected = yes ? "true" : "false"; };
  connection.onreconnecting(() => {
    connected(false);
    // Only a break that lasts is worth saying: moving between pages is not one.
    statusTimer = window.setTimeout(() => { status.textContent = texts.Reconnecting; status.hidden = false; }, 3000);
  });
  connection.onreconnected(async () => {
    window.clearTimeout(statusTimer);
    if (!status.hidden) {
      status.textContent = texts.Reconnected;
      window.setTimeout(() => { status.hidden = true; }, 4000);
    }
    // What changed while we were away: every live part of the page reads itself again, and the bell its count.
    refresh(document.querySelectorAll("[data-live]"));
    catchUpBell();
    await joined();
  });
  connection.onclose(() => window.setTimeout(start, 5000));

  let startedBefore = false;
  async function start() {
    try {
      await connection.start();
    } catch {
      window.setTimeout(start, 5000);
      return;
    }
    // Started again after the connection was closed: as after a reconnect, the page reads itself again.
    if (startedBefore) { refresh(document.querySelectorAll("[data-live]")); catchUpBell(); }
    startedBefore = true;
    await joined();
  }

  // The hub answers a first call only once it has put the connection in the person's circles: from then on
  // nothing is missed. The answer also brings the unread counts up to date.
  async function joined() {
    try {
      (await connection.invoke("UnreadCounts")).forEach((u) => setUnread(u.circleId, u.count));
    } catch {
      return; // the connection went again; onreconnected comes back here
    }
    connected(true);
    connectedHandlers.forEach((handler) => handler());
  }

  // --- Parts of pages that follow changes (data-live="logbook requests", inside data-live-circle / data-live-request).
  function matches(region, change) {
    const areas = region.dataset.live.split(" ");
    if (!change.areas.some((a) => areas.includes(a))) return false;
    // A circle's page follows that circle only; a request's page that request only.
    const circle = region.closest("[data-live-circle]")?.dataset.liveCircle;
    if (circle && change.circleId !== circle) return false;
    const request = region.dataset.liveRequest;
    return !request || change.requestId === request;
  }

  // Someone is typing in a form here: replacing it would lose what they wrote, so they are told instead.
  function busy(region) {
    if (region.contains(document.activeElement) && document.activeElement.matches("input, textarea, select")) return true;
    return [...region.querySelectorAll("input, textarea")].some((f) => f.type !== "hidden" && f.value !== f.defaultValue);
  }

  let pending = new Set();
  let refreshTimer = 0;
  function refresh(regions) {
    regions.forEach((r) => pending.add(r));
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(async () => {
      const targets = [...pending].filter((r) => r.id && document.contains(r));
      pending = new Set();
      if (targets.length === 0) return;
      let next;
      try {
        const response = await fetchSoon(location.href, { headers: { "X-Live-Refresh": "1" } });
        if (!response.ok) return; // the next change or reconnect tries again
        next = new DOMParser().parseFromString(await response.text(), "text/html");
      } catch {
        return; // offline: the next change or reconnect tries again
      }
      for (const region of targets) {
        const fresh = next.getElementById(region.id);
        if (!fresh) { notice(region, texts.ChangedElsewhere); continue; }
        if (fresh.innerHTML === region.innerHTML) continue;
        if (busy(region)) { notice(region, texts.ChangedElsewhere); continue; }
        const before = ids(region);
        const focusKey = document.activeElement && region.contains(document.activeElement) ? key(document.activeElement) : null;
        region.innerHTML = fresh.innerHTML;
        if (focusKey) region.querySelector(focusKey)?.focus();
        describe(region, before);
      }
    }, 300);
  }

  function notice(region, text) {
    if (region.querySelector(".live-notice")) return;
    const p = document.createElement("p");
    p.className = "notice live-notice";
    p.setAttribute("role", "status");
    p.append(text + " ");
    const reload = document.createElement("a");
    reload.href = location.href;
    reload.textContent = texts.Reload;
    p.append(reload);
    region.prepend(p);
  }

  const ids = (region) => new Map([...region.querySelectorAll("[data-request-id]")].map((e) => [e.dataset.requestId, e.querySelector(".request-title")?.textContent.trim()]));
  const key = (element) => (element.id ? `#${CSS.escape(element.id)}` : element.getAttribute("href") ? `[href="${CSS.escape(element.getAttribute("href"))}"]` : null);

  // New or vanished requests in a list are said by name; anything else as "updated".
  function describe(region, before) {
    const after = ids(region);
    const added = [...after].filter(([id]) => !before.has(id)).map(([, title]) => title);
    const gone = [...before].filter(([id]) => !after.has(id)).map(([, title]) => title);
    if (added.length) say(format(texts.NewNearby, added.join(", ")));
    else if (gone.length) say(format(texts.GoneNearby, gone.join(", ")));
    else if (region.dataset.liveQuiet === undefined) say(region.dataset.liveAnnounce || texts.Updated);
  }

  // Heard by chat.js where a conversation is on the page; elsewhere there is nothing to show.
  connection.on("presence", () => {});
  connection.on("typing", () => {});

  connection.on("changed", (change) => {
    refresh([...document.querySelectorAll("[data-live]")].filter((r) => matches(r, change)));
  });

  connection.on("leftCircle", (notice) => {
    const scope = document.querySelector(`[data-live-circle="${notice.circleId}"]`);
    if (!scope) return;
    scope.querySelectorAll("form").forEach((f) => f.querySelectorAll("button, input, textarea, select").forEach((e) => { e.disabled = true; }));
    const p = document.createElement("p");
    p.className = "notice notice-error";
    p.setAttribute("role", "alert");
    p.textContent = texts.LeftCircle;
    scope.prepend(p);
  });

  // --- Unread counts of circle chats, wherever a badge shows one. The server counts one past its cap; beyond the
  // cap a badge says "99+". The cap is the server's (Hosting/CappedCount.cs, on the body as data-count-cap).
  const countCap = Number(document.body.dataset.countCap);
  const shownCount = (count) => (count > countCap ? `${countCap}+` : String(count));
  function setUnread(circleId, count) {
    document.querySelectorAll(`[data-unread-circle="${circleId}"]`).forEach((badge) => {
      badge.dataset.count = count;
      badge.querySelector("[data-unread-count]").textContent = shownCount(count);
      badge.hidden = count === 0;
    });
  }
  connection.on("unread", (u) => setUnread(u.circleId, u.count));
  connection.on("chatMessage", (m) => {
    if (m.target.kind !== "circle" || m.authorId === document.body.dataset.liveUser || window.wehelpenLive.isReading(m.target)) return;
    const badge = document.querySelector(`[data-unread-circle="${m.circleId}"]`);
    if (badge) setUnread(m.circleId, Number(badge.dataset.count) + 1);
  });

  // --- Notifications: the bell in the header counts them; a new one shows a short card and is said politely.
  function setBell(unread) {
    document.querySelectorAll("[data-notification-bell]").forEach((bell) => {
      const badge = bell.querySelector("[data-notification-unread]");
      badge.querySelector("[data-unread-count]").textContent = shownCount(unread);
      badge.hidden = unread === 0;
      bell.setAttribute("aria-label", unread === 0 ? bell.dataset.labelNone : format(bell.dataset.labelSome, shownCount(unread)));
    });
  }
  // Every request of the page's own: same-origin with the login cookie, and for anything but reading the antiforgery
  // token from the layout, without which the API refuses a cookie (another site's page could send the cookie too).
  const token = document.querySelector('meta[name="request-verification-token"]')?.content;
  function send(url, options = {}) {
    const method = (options.method || "GET").toUpperCase();
    const headers = new Headers(options.headers || {});
    if (token && method !== "GET" && method !== "HEAD") headers.set("RequestVerificationToken", token);
    return fetch(url, { ...options, headers, credentials: "same-origin" });
  }

  // Notifications made while the connection was down were not heard: the count comes from the server again.
  // Just after the page's node went away, the proxy may not find the other one for a moment (502, 503): what the page
  // catches up on is asked again a few times, 1, 2 and 4 seconds later, before it waits for the next change.
  async function fetchSoon(url, options) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await send(url, options);
        if (response.status < 500 || attempt === 3) return response;
      } catch (e) {
        if (attempt === 3) throw e;
      }
      await new Promise((resolve) => window.setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }

  async function catchUpBell() {
    if (!document.querySelector("[data-notification-bell]")) return;
    try {
      const response = await fetchSoon("/api/v1/notifications/unread-count");
      if (response.ok) setBell((await response.json()).unread);
    } catch {
      // offline again: the next reconnect tries again
    }
  }
  // The list (/notifications), where it is open, reads itself again; the card and the bell say the news.
  const notificationLists = () => [...document.querySelectorAll("[data-live]")].filter((r) => r.dataset.live.split(" ").includes("notifications"));

  connection.on("notification", (n) => {
    setBell(n.unread);
    refresh(notificationLists());
    const card = document.createElement("div");
    card.className = "live-alert live-toast";
    card.dataset.notification = n.id;
    const label = document.createElement("p");
    label.className = "live-alert-label";
    label.textContent = texts.NotificationLabel;
    const title = document.createElement("p");
    title.className = "live-toast-title";
    title.textContent = n.title;
    const actions = document.createElement("p");
    const open = document.createElement("a");
    open.href = "/notifications";
    open.textContent = texts.NotificationOpen;
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "button-secondary";
    dismiss.textContent = texts.Dismiss;
    dismiss.addEventListener("click", () => closeAlert(card));
    actions.append(open, " ", dismiss);
    card.append(label, title, actions);
    // A few at most: older cards make room, the list keeps them all.
    alerts.querySelectorAll(".live-toast").forEach((old, i, all) => { if (all.length - i >= 3) old.remove(); });
    alerts.append(card);
    alerts.hidden = false;
    say(format(texts.NotificationNew, n.title));
  });

  connection.on("notificationsRead", (r) => {
    setBell(r.unread);
    refresh(notificationLists());
  });

  // --- Alerts: matching asks this volunteer; the event carries the card's words in their language.
  connection.on("alert", (asked) => {
    const id = asked.request.id;
    // Already there, or the page itself is this request (with its own "Ik help").
    if (alerts.querySelector(`[data-alert="${id}"]`) || location.pathname === `/help/${id}`) return;
    const card = alertCard(asked);
    alerts.append(card);
    alerts.hidden = false;
    say(asked.request.title);
  });

  // The same card as the "asked of you" list shows: what, when, where (the area only) and why them, with "Ik help".
  function alertCard(asked) {
    const id = asked.request.id;
    const el = (tag, className, text) => {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const card = el("article", "live-alert");
    card.dataset.alert = id;
    card.setAttribute("aria-labelledby", `alert-${id}`);
    const heading = el("h2");
    heading.id = `alert-${id}`;
    heading.dataset.alertTitle = "";
    const link = el("a", "", asked.request.title);
    link.href = `/help/${id}`;
    heading.append(link);
    const form = el("form");
    form.method = "post";
    form.action = `/help/${id}?handler=claim`;
    form.dataset.alertClaim = "";
    form.append(el("button", "button-primary", asked.card.claim));
    form.querySelector("button").type = "submit";
    form.addEventListener("submit", (event) => claim(event, card, id));
    const dismiss = el("button", "button-secondary", texts.Dismiss);
    dismiss.type = "button";
    dismiss.dataset.alertDismiss = "";
    dismiss.addEventListener("click", () => closeAlert(card));
    const actions = el("div", "actions");
    actions.append(form, dismiss);
    const result = el("p");
    result.dataset.alertResult = "";
    card.append(el("p", "live-alert-label", asked.card.label), heading, el("p", "", asked.card.what),
      el("p", "item-meta", asked.card.forWhom), el("p", "request-because", asked.card.because), actions, result);
    return card;
  }

  connection.on("alertClosed", (closed) => {
    const card = alerts.querySelector(`[data-alert="${closed.requestId}"]`);
    if (!card || card.dataset.claimed) return;
    card.querySelector("form[data-alert-claim]")?.remove();
    const p = document.createElement("p");
    p.textContent = texts.AlertClosed;
    card.append(p);
    say(texts.AlertClosed);
  });

  async function claim(event, card, id) {
    event.preventDefault();
    const button = event.target.querySelector("button");
    button.disabled = true;
    const result = card.querySelector("[data-alert-result]");
    result.textContent = texts.Claiming;
    say(texts.Claiming);
    try {
      await connection.invoke("ClaimRequest", id);
      card.dataset.claimed = "true";
      location.href = `/help/${id}`;
    } catch (error) {
      result.textContent = hubMessage(error);
      say(result.textContent);
      button.disabled = false;
    }
  }

  function closeAlert(card) {
    card.remove();
    alerts.hidden = alerts.children.length === 0;
  }

  // A refusal from the hub reads "... HubException: <the message>": only the message is for people.
  function hubMessage(error) {
    const text = String(error && error.message || error);
    const at = text.indexOf("HubException: ");
    return at >= 0 ? text.slice(at + 14) : texts.NotSent;
  }

  window.wehelpenLive = {
    connection,
    texts,
    format,
    say,
    hubMessage,
    send,
    onConnected: (handler) => connectedHandlers.push(handler),
    isReading: () => false,
  };
  // chat.js (loaded after this file) registers its handlers before the connection is made.
  window.setTimeout(start, 0);
})();
