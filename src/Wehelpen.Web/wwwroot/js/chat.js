// A conversation on the page ([data-chat]) made live: messages appear as they are sent, what was typed while the
// connection was gone is sent once it returns (the server stores each client id once), and after a reconnect the
// page asks for what it missed, by number, so nothing is shown twice and nothing is skipped.
(function () {
  "use strict";
  const live = window.wehelpenLive;
  const section = document.querySelector("[data-chat]");
  if (!live || !section) return;

  const { connection, texts, format, say, hubMessage } = live;
  const target = { kind: section.dataset.chatKind, id: section.dataset.chatId };
  const me = section.dataset.chatMe;
  const newest = section.dataset.chatNewest === "true";
  const list = section.querySelector("[data-chat-messages]");
  const form = section.querySelector("[data-chat-form]");
  const textarea = form?.querySelector("textarea");
  const typingLine = section.querySelector("[data-chat-typing]");
  const outboxKey = `wehelpen-outbox:${target.kind}:${target.id}`;
  const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });
  let last = Number(section.dataset.chatLast) || 0; // every message up to here is on the page
  const sameTarget = (t) => t.kind === target.kind && t.id === target.id;
  live.isReading = (t) => newest && sameTarget(t) && document.visibilityState === "visible";

  // --- Showing messages, in number order, each once.
  function render(message) {
    const li = document.createElement("li");
    li.className = "chat-message" + (message.authorId === me ? " chat-mine" : "");
    li.dataset.seq = message.seq;
    li.dataset.clientId = message.clientMessageId;
    const meta = document.createElement("p");
    meta.className = "chat-meta";
    const author = document.createElement("span");
    author.className = "chat-author";
    author.textContent = message.authorName;
    const time = document.createElement("time");
    time.dateTime = message.sentAt;
    time.textContent = timeFormat.format(new Date(message.sentAt));
    meta.append(author, " ", time);
    const text = document.createElement("p");
    text.className = "chat-text";
    text.textContent = message.text;
    li.append(meta, text);
    return li;
  }

  function show(message) {
    if (!newest || list.querySelector(`[data-seq="${message.seq}"]`)) return;
    section.querySelector("[data-chat-empty]")?.remove();
    const atBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
    // One's own message, shown as "being sent" until now, takes its place by number like any other.
    if (message.authorId === me) list.querySelector(`.chat-pending[data-client-id="${CSS.escape(message.clientMessageId)}"]`)?.remove();
    const li = render(message);
    const after = [...list.querySelectorAll("[data-seq]")].find((e) => Number(e.dataset.seq) > message.seq);
    list.insertBefore(li, after ?? list.querySelector(".chat-pending"));
    if (atBottom) li.scrollIntoView({ block: "nearest" });
  }

  function advance() {
    while (list.querySelector(`[data-seq="${last + 1}"]`)) last++;
  }

  async function catchUp() {
    let more = true;
    while (more) {
      const page = await connection.invoke("ChatHistory", target, { after: last, limit: 200 });
      page.messages.forEach(show);
      advance();
      more = page.hasMore && page.messages.length > 0;
      if (!page.writable && form && document.contains(form)) closeForm(page.closedReason);
    }
    markRead();
  }

  connection.on("chatMessage", (message) => {
    if (!sameTarget(message.target)) return;
    show(message);
    advance();
    stopTyping(message.authorId);
    // A number was skipped (sent while this one was on its way): ask for what is missing.
    if (message.seq > last) catchUp().catch(() => {});
    else if (message.authorId !== me) { markRead(); say(format(texts.NewMessage, message.authorName)); }
  });

  // --- Reading: the unread count goes to nought while the newest messages are on screen.
  let readTimer = 0;
  function markRead() {
    if (!newest || document.visibilityState !== "visible" || last === 0) return;
    window.clearTimeout(readTimer);
    readTimer = window.setTimeout(() => connection.invoke("MarkChatRead", target, last).catch(() => {}), 500);
  }
  document.addEventListener("visibilitychange", markRead);

  // --- Sending: every message first goes into an outbox kept in the browser, so a lost connection or a reload
  // loses nothing; it leaves the outbox when the server has stored it.
  // Without storage (some private windows) the outbox lives as long as the page.
  let kept = [];
  const outbox = () => { try { return JSON.parse(localStorage.getItem(outboxKey) || "[]"); } catch { return kept; } };
  const saveOutbox = (items) => {
    kept = items;
    try { if (items.length) localStorage.setItem(outboxKey, JSON.stringify(items)); else localStorage.removeItem(outboxKey); } catch { /* kept in memory */ }
  };
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join(""));

  function showPending(item) {
    if (list.querySelector(`.chat-pending[data-client-id="${CSS.escape(item.clientMessageId)}"]`)) return;
    const li = render({ seq: "", clientMessageId: item.clientMessageId, authorId: me, authorName: "", text: item.text, sentAt: new Date().toISOString() });
    li.classList.add("chat-pending");
    li.removeAttribute("data-seq");
    li.querySelector(".chat-meta").textContent = texts.Sending;
    list.append(li);
    section.querySelector("[data-chat-empty]")?.remove();
    li.scrollIntoView({ block: "nearest" });
  }

  async function send(item) {
    try {
      show(await connection.invoke("SendChat", target, item));
      advance();
      saveOutbox(outbox().filter((i) => i.clientMessageId !== item.clientMessageId));
    } catch (error) {
      const pending = list.querySelector(`.chat-pending[data-client-id="${CSS.escape(item.clientMessageId)}"]`);
      if (String(error?.message).includes("HubException")) {
        // Refused (too long, too many at once, conversation closed): back into the form, with the reason; nothing
        // is lost, also not what was typed since.
        saveOutbox(outbox().filter((i) => i.clientMessageId !== item.clientMessageId));
        pending?.remove();
        if (textarea && !textarea.value.includes(item.text)) textarea.value = textarea.value ? `${item.text}\n${textarea.value}` : item.text;
        showError(hubMessage(error));
      } else if (pending) {
        pending.querySelector(".chat-meta").textContent = texts.SentOffline;
      }
    }
  }

  function flush() {
    outbox().forEach((item) => { showPending(item); send(item); });
  }

  function showError(message) {
    let error = form.querySelector("[data-chat-error]");
    if (!error) {
      error = document.createElement("p");
      error.className = "field-error";
      error.dataset.chatError = "";
      error.setAttribute("role", "alert");
      textarea.before(error);
    }
    error.textContent = message;
    textarea.focus();
  }

  function closeForm(reason) {
    const p = document.createElement("p");
    p.className = "notice";
    p.textContent = reason;
    form.replaceWith(p);
  }

  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = textarea.value;
    if (!text.trim()) { form.submit(); return; } // the server says what is missing
    form.querySelector("[data-chat-error]")?.remove();
    const item = { clientMessageId: newId(), text };
    saveOutbox([...outbox(), item]);
    textarea.value = "";
    showPending(item);
    if (connection.state === "Connected") send(item);
  });

  // --- Typing: said at most every three seconds while someone types; shown for five.
  let typedAt = 0;
  textarea?.addEventListener("input", () => {
    if (Date.now() - typedAt < 3000 || connection.state !== "Connected") return;
    typedAt = Date.now();
    connection.invoke("Typing", target).catch(() => {});
  });
  const typing = new Map();
  function stopTyping(userId) { typing.delete(userId); drawTyping(); }
  function drawTyping() {
    const names = [...typing.values()].map((t) => t.name);
    typingLine.textContent = names.length === 0 ? "" : names.length === 1 ? format(texts.Typing, names[0]) : format(texts.TypingMany, names.join(", "));
  }
  connection.on("typing", (t) => {
    if (!sameTarget(t.target) || t.userId === me) return;
    window.clearTimeout(typing.get(t.userId)?.timer);
    typing.set(t.userId, { name: t.name, timer: window.setTimeout(() => stopTyping(t.userId), 5000) });
    drawTyping();
  });

  // --- Who is here (a circle's chat page).
  const online = document.querySelector(`[data-chat-online][data-circle="${target.id}"]`);
  const here = new Map();
  function drawOnline() {
    const names = [...here.values()].sort((a, b) => a.localeCompare(b));
    online.textContent = names.length ? format(texts.OnlineNow, names.join(", ")) : texts.NobodyOnline;
  }
  async function loadOnline() {
    if (!online) return;
    here.clear();
    (await connection.invoke("OnlineMembers", target.id)).filter((m) => m.userId !== me).forEach((m) => here.set(m.userId, m.name));
    drawOnline();
  }
  connection.on("presence", (p) => {
    if (!online || p.circleId !== target.id || p.userId === me) return;
    if (p.online) here.set(p.userId, p.name); else here.delete(p.userId);
    drawOnline();
  });

  async function sync() {
    flush();
    await Promise.all([catchUp(), loadOnline()]).catch(() => {});
  }
  live.onConnected(sync);
  outbox().forEach(showPending);
})();
