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

  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = box.dataset.textBusy;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') { status.textContent = box.dataset.textDenied; return; }
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription()
        ?? await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(box.dataset.publicKey) });
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
