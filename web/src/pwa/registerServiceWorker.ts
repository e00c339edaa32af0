/**
 * Registers the service worker (/sw.js, written by the build from web/pwa/service-worker.js) so the app
 * opens without a connection and can be installed on a phone. Only in a built app: the dev server has
 * no /sw.js, and a worker there would keep stale modules.
 */
export const registerServiceWorker = (): void => {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // Without it the app still works, only not offline: nothing to tell the user.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
};
