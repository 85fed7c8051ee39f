// "Meldingen op dit apparaat aanzetten" on /profile/push: asks the browser for permission and a push subscription
// (with the server's VAPID public key), and hands the subscription to the API. The service worker (sw.js) shows what
// arrives. Texts come from the page, in its language.
(function () {
  'use strict';
  const box = document.querySelector('[data-push-device]');
  if (!box) return;
  const button = box.querySelector('[data-push-enable]');
  const status = box.querySelector('[data-push-status]');
  box.querySelector('[data-push-needs-script]')?.remove();

  const supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  if (!supported) { status.textContent = box.dataset.textUnsupported; return; }
  button.hidden = false;

  function keyBytes(base64url) {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - base64url.length % 4) % 4);
    return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  }

  async function problemText(response) {
    try {
      const problem = await response.json();
      const fields = problem.errors ? Object.values(problem.errors).flat() : [];
      return fields.length ? fields.join(' ') : (problem.detail || box.dataset.textFailed);
    } catch { return box.dataset.textFailed; }
  }

  function sameBytes(buffer, bytes) {
    if (!buffer) return false;
    const other = new Uint8Array(buffer);
    return other.length === bytes.length && other.every((b, i) => b === bytes[i]);
  }

  // A subscription made for an earlier key pair of the server is refused by its push service (403): it is replaced.
  async function subscriptionFor(registration, key) {
    const existing = await registration.pushManager.getSubscription();
    if (existing && sameBytes(existing.options.applicationServerKey, key)) return existing;
    if (existing) await existing.unsubscribe();
    return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = box.dataset.textBusy;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') { status.textContent = box.dataset.textDenied; return; }
      const registration = await navigator.serviceWorker.ready;
      const subscription = await subscriptionFor(registration, keyBytes(box.dataset.publicKey));
      const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? '';
      const response = await fetch(box.dataset.subscribeUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
        body: JSON.stringify(subscription.toJSON()),
      });
      if (!response.ok) { status.textContent = await problemText(response); return; }
      window.location.reload();
    } catch {
      status.textContent = box.dataset.textFailed;
    } finally {
      button.disabled = false;
    }
  });
})();
