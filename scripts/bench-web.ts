/**
 * Benchmark of the web app as a commune office's old laptop on 3G sees it: the real server (API + built
 * SPA + demo data, on a temporary PGlite folder) and Debian's Chromium driven over CDP with the network
 * held to 1.6 Mbit/s down, 750 kbit/s up and 150 ms latency, and the CPU slowed 4×.
 *
 *   npm run build && npm run bench:web
 *   BENCH_RUNS=5 npm run bench:web            # more runs per figure (p50 over the runs; default 3)
 *
 * For the sign-in page (anonymous), "Việc của tôi" (a unit officer) and the dashboard (a leader), on a
 * first visit (empty browser cache), a second visit (same browser profile, warm cache) and a third (V8's code
 * cache made on the second is used: the everyday visit; each run's profile is on disk, as a person's), it prints the
 * bytes that crossed the network (encoded, headers included), the number of requests, the JavaScript bytes
 * sent (brotli) and the gzip size of all the JavaScript the page ran (from the cache or not), and the time
 * to usable, and how long the page's main thread was busy until then (all tasks, and of it running scripts). Time to usable: from the start of the navigation until the page's h1 and its main
 * interactive element (the sign-in button, the first report's button, the indicator table's first row) are
 * visible and no "Đang tải…" line or spinner is left in the page. It also prints the first screen's
 * JavaScript as built (entry + preloaded chunks, gzip and brotli) and how long the consolidated report's
 * PDF takes on the server (unthrottled). "Whole page": until the parts a page renders after its first paint
 * (the dashboard's tasks and unit ranking, below its first screen) are there too; = usable elsewhere.
 *
 *   BENCH_CHAIN=1 npm run bench:web          # also print the first run's requests, each visit (the waterfall)
 *   BENCH_ONLY=Việc npm run bench:web        # only the pages whose name contains this
 *
 * Goals (issue #14): time to usable ≤ 3 s on this profile; the first screen's JavaScript ≤ 250 KB gzipped;
 * the report's PDF ≤ 5 s. A benchmark, not a test: nothing here is asserted.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { startApp } from '../e2e/support/app';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'web/dist');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_PASSWORD = 'lotrinh-demo';

/** The old-laptop-on-3G profile. */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const GOAL_USABLE_MS = 3000;
const GOAL_FIRST_SCREEN_JS_GZIP = 250 * 1024;
const GOAL_PDF_MS = 5000;

type Scenario = {
  name: string;
  user: string | null;
  path: string;
  /** The main interactive element that must be visible. */
  ready: string;
  /**
   * What the whole page has once everything is rendered, where the page draws parts below its first screen
   * after the first paint (the dashboard's tasks and unit ranking): timed as "whole page".
   */
  complete?: string;
};

const SCENARIOS: Scenario[] = [
  { name: 'Đăng nhập', user: null, path: '/login', ready: 'form button[type="submit"]:not([disabled])' },
  {
    name: 'Việc của tôi (cán bộ đơn vị)',
    user: 'thanhdong.vhxh',
    path: '/my-work',
    ready: '#main-content table tbody tr button',
  },
  {
    name: 'Bảng điều khiển (lãnh đạo)',
    user: 'thanhdong.lanhdao',
    path: '/dashboard',
    ready: '#dashboard-indicators table tbody tr.ant-table-row',
    complete: '#dashboard-units table tbody tr.ant-table-row',
  },
];

/** One request of a visit, its times in ms from the navigation's start (for BENCH_CHAIN). */
type Request = { start: number; end: number; type: string; path: string; bytes: number; from: string };
/** `scripts`: the paths of the scripts the page loaded (their gzip size is read from the build). */
type Visit = {
  bytes: number;
  requests: number;
  jsBytes: number;
  usableMs: number;
  /** Until the scenario's `complete` element is rendered too (else = usableMs). */
  wholeMs: number;
  /** Main-thread time until usable (ms, throttled): running scripts (parse, compile, run), style and layout, all tasks. */
  cpu: { script: number; style: number; task: number };
  scripts: string[];
  chain: Request[];
};
const CHAIN = process.env.BENCH_CHAIN === '1';
/** The visits of a run, in one browser profile: empty cache, then warm, then with V8's code cache. */
const VISITS = [
  { kind: 'cold', label: 'lần đầu' },
  { kind: 'warm', label: 'lần hai' },
  { kind: 'hot', label: 'lần ba' },
] as const;
/** BENCH_ONLY=… runs only the pages whose name contains it ("Đăng nhập", "Việc", "Bảng"). */
const ONLY = process.env.BENCH_ONLY;

/**
 * The usable-page condition, evaluated in the page: h1 and the main element visible, nothing loading.
 * Gives the page's performance.now() (ms since the navigation started) once it holds, else false. Kept as
 * text: tsx would wrap a compiled function's inner helpers in a `__name` the page does not have.
 */
const usableAt = (ready: string) => `(() => {
  const visible = (element) => {
    if (!(element instanceof HTMLElement)) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  if (!visible(document.querySelector('h1'))) return false;
  if (!Array.from(document.querySelectorAll(${JSON.stringify(ready)})).some(visible)) return false;
  if (Array.from(document.querySelectorAll('.ant-spin-spinning')).some(visible)) return false;
  const statuses = Array.from(document.querySelectorAll('[role="status"]'));
  if (statuses.some((element) => visible(element) && element.textContent.includes('Đang tải'))) return false;
  return performance.now();
})()`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Opens the scenario's page in `page` under the throttled profile and measures one visit. */
const visit = async (page: Page, baseUrl: string, scenario: Scenario): Promise<Visit> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const types = new Map<string, string>();
  let bytes = 0;
  let jsBytes = 0;
  let requests = 0;
  const chain = new Map<string, Request>();
  let navigationStart: number | undefined;
  const shortPath = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.startsWith('data:')) return;
    requests++;
    navigationStart ??= event.timestamp;
    const initiator = event.initiator.url ?? event.initiator.stack?.callFrames[0]?.url ?? '';
    chain.set(event.requestId, {
      start: (event.timestamp - navigationStart) * 1000,
      end: Number.NaN,
      type: event.type ?? '',
      path: shortPath(event.request.url),
      bytes: 0,
      from: initiator ? path.basename(new URL(initiator).pathname) || '/' : '',
    });
  });
  const scripts: string[] = [];
  cdp.on('Network.responseReceived', (event) => {
    types.set(event.requestId, event.type);
    if (event.type === 'Script') scripts.push(new URL(event.response.url).pathname);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = chain.get(event.requestId);
    if (request && navigationStart !== undefined) {
      request.end = (event.timestamp - navigationStart) * 1000;
      request.bytes = event.encodedDataLength;
    }
    bytes += event.encodedDataLength;
    if (types.get(event.requestId) === 'Script') jsBytes += event.encodedDataLength;
  });
  await page.goto(`${baseUrl}${scenario.path}`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(usableAt(scenario.ready), undefined, {
    polling: 50,
    timeout: 60_000,
  });
  const usableMs = (await handle.jsonValue()) as number;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
  const cpu = {
    script: metric('ScriptDuration'),
    style: metric('RecalcStyleDuration') + metric('LayoutDuration'),
    task: metric('TaskDuration'),
  };
  let wholeMs = usableMs;
  if (scenario.complete) {
    const whole = await page.waitForFunction(usableAt(scenario.complete), undefined, {
      polling: 50,
      timeout: 60_000,
    });
    wholeMs = (await whole.jsonValue()) as number;
  }
  // Whatever the page still fetches right after (a late chunk, a count) is part of what it costs.
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return { bytes, requests, jsBytes, usableMs, wholeMs, cpu, scripts, chain: [...chain.values()] };
};

/** The waterfall of a visit: each request's start and end (ms), type, size, path and what asked for it. */
const printChain = (title: string, visit: Visit) => {
  console.log(
    `\n${title}: ${visit.chain.length} requests, usable at ${Math.round(visit.usableMs)} ms; main thread ${Math.round(visit.cpu.task)} ms busy (scripts ${Math.round(visit.cpu.script)}, style and layout ${Math.round(visit.cpu.style)})`,
  );
  for (const request of [...visit.chain].sort((a, b) => a.start - b.start))
    console.log(
      `  ${String(Math.round(request.start)).padStart(6)} → ${String(Math.round(request.end)).padStart(6)} ms  ${request.type.padEnd(10)} ${(request.bytes / 1024).toFixed(1).padStart(6)} KB  ${request.path}${request.from ? `  ← ${request.from}` : ''}`,
    );
};

/** Chromium's flags for every run. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * One run of a scenario: a fresh browser profile on disk, a first visit, then a second and a third visit in
 * new tabs. On disk, as a person's browser keeps it: an off-the-record profile (Playwright's `newContext`)
 * keeps no V8 code cache, so its later visits compiled every script again, which no returning user's
 * browser does. Chromium makes a script's code cache on its second run and uses it from the third: the
 * third visit is the everyday one.
 */
const runScenario = async (baseUrl: string, scenario: Scenario) => {
  const profile = await mkdtemp(path.join(tmpdir(), 'lo-trinh-bench-web-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    locale: 'vi-VN',
    viewport: { width: 1366, height: 768 },
    // The probe is evaluated as text, which the app's CSP (no 'unsafe-eval') would refuse.
    bypassCSP: true,
  });
  try {
    if (scenario.user) {
      const response = await context.request.post('/api/v1/auth/login', {
        data: { username: scenario.user, password: DEMO_PASSWORD },
      });
      if (!response.ok()) throw new Error(`Sign-in as ${scenario.user} failed: ${response.status()}`);
    }
    const visits: Visit[] = [];
    for (const _ of VISITS) {
      const page = await context.newPage();
      visits.push(await visit(page, baseUrl, scenario));
      await page.close();
    }
    const [cold, warm, hot] = visits as [Visit, Visit, Visit];
    return { cold, warm, hot };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
};

/** The gzip size of the built scripts at these paths (the .gz the build wrote beside each, else gzipped here). */
const gzipSizeOf = async (paths: string[]) => {
  let total = 0;
  for (const urlPath of new Set(paths)) {
    const file = path.join(DIST, urlPath);
    if (existsSync(`${file}.gz`)) total += (await readFile(`${file}.gz`)).length;
    else if (existsSync(file)) total += gzipSync(await readFile(file), { level: 9 }).length;
  }
  return total;
};

/** The JavaScript index.html loads before any page: the entry and its modulepreloads, as built. */
const firstScreenJs = async () => {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const content = await readFile(path.join(DIST, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    const br = path.join(DIST, `${file}.br`);
    brotli += existsSync(br) ? (await readFile(br)).length : 0;
  }
  return { files: files.length, raw, gzip, brotli };
};

/** The consolidated report of the demo's first reporting period as PDF, timed on the server. */
const timePdf = async (baseUrl: string) => {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thanhdong.lanhdao', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = (url: string) => fetch(`${baseUrl}${url}`, { headers: { cookie } });
  const plans = (await (await get('/api/v1/plans?limit=1')).json()) as { data: Array<{ id: string }> };
  const planId = plans.data[0]?.id;
  if (!planId) return null;
  const dashboard = (await (await get(`/api/v1/plans/${planId}/dashboard`)).json()) as {
    data: { periods: Array<{ id: string }> };
  };
  const periodId = dashboard.data.periods[0]?.id;
  if (!periodId) return null;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const response = await get(`/api/v1/reporting-periods/${periodId}/consolidated-report.pdf`);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200)
      return { error: `${response.status} ${body.toString('utf8').slice(0, 200)}` };
    times.push(performance.now() - started);
  }
  return { first: times[0]!, p50: median(times) };
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const main = async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    console.error('web/dist is missing: run `npm run build` first.');
    process.exit(1);
  }
  const load = loadavg().map((value) => value.toFixed(2));
  console.log(`bench:web — ${new Date().toISOString()}, load average ${load.join(' ')}, ${RUNS} run(s) each`);
  console.log(
    `profile: ${((NETWORK.downloadThroughput * 8) / 1024 / 1024).toFixed(1)} Mbit/s down, ${((NETWORK.uploadThroughput * 8) / 1024).toFixed(0)} kbit/s up, ${NETWORK.latency} ms latency, CPU ${CPU_SLOWDOWN}× slower`,
  );
  const js = await firstScreenJs();
  console.log(
    `first screen JS as built (${js.files} files before any page): ${kb(js.raw)} raw, ${kb(js.gzip)} gzip (goal ≤ ${kb(GOAL_FIRST_SCREEN_JS_GZIP)}), ${kb(js.brotli)} brotli`,
  );

  const app = await startApp();
  try {
    const rows: string[][] = [];
    for (const scenario of SCENARIOS.filter((entry) => !ONLY || entry.name.includes(ONLY))) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runScenario(app.baseUrl, scenario));
      if (CHAIN)
        for (const { kind, label } of VISITS) printChain(`${scenario.name}, ${label}`, runs[0]![kind]);
      for (const { kind, label } of VISITS) {
        const visits = runs.map((run) => run[kind]);
        const usable = median(visits.map((v) => v.usableMs));
        // What the page runs (as the first visit loads it; a warm visit may take it from memory unseen).
        const jsGzip = await gzipSizeOf(runs[0]!.cold.scripts);
        rows.push([
          scenario.name,
          label,
          kb(median(visits.map((v) => v.bytes))),
          String(median(visits.map((v) => v.requests))),
          kb(median(visits.map((v) => v.jsBytes))),
          `${kb(jsGzip)} ${jsGzip <= GOAL_FIRST_SCREEN_JS_GZIP ? '✓' : '✗'} (≤ ${kb(GOAL_FIRST_SCREEN_JS_GZIP)})`,
          `${seconds(usable)} ${usable <= GOAL_USABLE_MS ? '✓' : '✗'} (≤ ${seconds(GOAL_USABLE_MS)})`,
          seconds(median(visits.map((v) => v.wholeMs))),
          `${seconds(median(visits.map((v) => v.cpu.task)))} (${seconds(median(visits.map((v) => v.cpu.script)))})`,
        ]);
      }
    }
    const header = [
      'trang',
      'lượt',
      'bytes',
      'requests',
      'JS (sent)',
      'JS gzip (goal)',
      'usable p50 (goal)',
      'whole page p50',
      'main thread (scripts)',
    ];
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
    console.log(line(header));
    console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
    for (const row of rows) console.log(line(row));

    const pdf = await timePdf(app.baseUrl);
    if (!pdf) console.log('report PDF: the demo has no reporting period');
    else if ('error' in pdf) console.log(`report PDF: not made (${pdf.error})`);
    else
      console.log(
        `report PDF (consolidated, server, unthrottled): first ${seconds(pdf.first)}, p50 ${seconds(pdf.p50)} (goal ≤ ${seconds(GOAL_PDF_MS)})`,
      );
    console.log(
      `load average after: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await app.stop();
  }
};

await main();
