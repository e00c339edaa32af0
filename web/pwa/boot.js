/**
 * Lộ trình's boot script (issue #14): index.html runs it before the entry, as soon as the page's HTML
 * arrives. The build (web/vite.config.ts, `firstScreenBoot`) fills in the routes of web/src/firstScreenRoutes.ts
 * with the chunks and styles each needs, and writes it as /assets/boot-HASH.js.
 *
 * It asks at once for the current page's chunks (`modulepreload`) and for its first API reads, instead of
 * after the entry (≈ 200 KB) has crossed the link and run: on a 1.6 Mbit/s link with a slow CPU that is
 * 1–2 s. The reads' answers wait in `window.__loTrinhEarly` for the API client (web/src/api/client.ts), which
 * takes each for the first request of the same URL within a few seconds, before any change is sent.
 */
(() => {
  const BOOT = __LO_TRINH_BOOT__;
  const early = {};
  window.__loTrinhEarly = { at: Date.now(), responses: early };
  const path = location.pathname;
  const preload = (file) => {
    const link = document.createElement('link');
    link.href = `/${file}`;
    if (file.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
      link.crossOrigin = '';
    }
    document.head.appendChild(link);
  };
  const read = (url) => {
    if (!navigator.onLine) return;
    const response = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    response.catch(() => undefined);
    early[url] = response;
  };
  read(BOOT.me);
  if (!path.startsWith('/login')) BOOT.frame.forEach(preload);
  for (const route of BOOT.routes) {
    if (!new RegExp(route.pattern).test(path)) continue;
    route.files.forEach(preload);
    route.reads.forEach(read);
    // A single plan in the list: its page's read starts now, and the list is handed over only after.
    const onePlan = route.onePlan && early[route.onePlan.list];
    if (onePlan) {
      const list = onePlan.then(async (response) => {
        try {
          const body = response.ok ? await response.clone().json() : null;
          if (body?.pagination?.total === 1 && body.data?.[0]?.id)
            read(route.onePlan.read.replace('{id}', encodeURIComponent(body.data[0].id)));
        } catch {}
        return response;
      });
      list.catch(() => undefined);
      early[route.onePlan.list] = list;
    }
    break;
  }
})();
