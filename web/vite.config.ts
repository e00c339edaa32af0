import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { antdStyleFile } from './antdStyleFile';
import { FIRST_SCREEN_ROUTES, FRAME_PAGE, ME_READ } from './src/firstScreenRoutes';

const OUT_DIR = process.env.WEB_DIST || fileURLToPath(new URL('./dist', import.meta.url));
const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest|txt)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text asset once the bundle is written, so the
 * server sends them as they are (@fastify/static `preCompressed`) instead of compressing per request.
 */
const precompress = (): Plugin => ({
  name: 'lo-trinh-precompress',
  apply: 'build',
  async closeBundle() {
    const walk = async (dir: string): Promise<string[]> => {
      const entries = await readdir(dir, { withFileTypes: true });
      const nested = await Promise.all(
        entries.map((entry) => {
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? walk(full) : Promise.resolve([full]);
        }),
      );
      return nested.flat();
    };
    for (const file of await walk(OUT_DIR)) {
      if (!COMPRESSIBLE.test(file) || (await stat(file)).size < 1024) continue;
      const content = await readFile(file);
      await writeFile(
        `${file}.br`,
        brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      await writeFile(`${file}.gz`, gzipSync(content, { level: 9 }));
    }
  },
});

const SRC = fileURLToPath(new URL('./src/', import.meta.url));

/** The chunk holding a module (Rollup may merge a small page into a chunk of another name). */
const chunkOf = (bundle: Rollup.OutputBundle, moduleId: string): Rollup.OutputChunk => {
  const chunk = Object.values(bundle).find(
    (entry): entry is Rollup.OutputChunk => entry.type === 'chunk' && entry.moduleIds.includes(moduleId),
  );
  if (!chunk) throw new Error(`firstScreenBoot: no chunk holds ${moduleId}`);
  return chunk;
};

/** A chunk's file with every chunk it imports and their styles (what loading it fetches). */
const filesOf = (bundle: Rollup.OutputBundle, fileName: string, files = new Set<string>()): Set<string> => {
  const chunk = bundle[fileName];
  if (!chunk || files.has(fileName)) return files;
  files.add(fileName);
  if (chunk.type !== 'chunk') return files;
  for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
  for (const imported of chunk.imports) filesOf(bundle, imported, files);
  return files;
};

/** `/plans/:planId/dashboard` → a pattern of the whole path. */
const patternOf = (routePath: string) =>
  `^${routePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`;

/**
 * Writes web/pwa/boot.js as /assets/boot-HASH.js with, for each first screen (web/src/firstScreenRoutes.ts),
 * the chunks and styles its page needs beyond the entry's, and its first reads; index.html runs it before
 * the entry, so the page's chunks and data cross the link beside the entry instead of after it.
 */
const firstScreenBoot = (): Plugin => ({
  name: 'lo-trinh-first-screen-boot',
  apply: 'build',
  enforce: 'post',
  async generateBundle(_options, bundle) {
    const entry = Object.values(bundle).find(
      (chunk): chunk is Rollup.OutputChunk => chunk.type === 'chunk' && chunk.isEntry,
    );
    const html = bundle['index.html'];
    if (!entry || html?.type !== 'asset') throw new Error('firstScreenBoot: no entry or index.html');
    const loaded = filesOf(bundle, entry.fileName);
    const beyondEntry = (page: string) =>
      [...filesOf(bundle, chunkOf(bundle, path.join(SRC, page)).fileName)].filter(
        (file) => !loaded.has(file),
      );
    const boot = {
      me: ME_READ,
      frame: beyondEntry(FRAME_PAGE),
      routes: FIRST_SCREEN_ROUTES.map((route) => ({
        pattern: patternOf(route.path),
        files: [...new Set([route.page, ...('next' in route ? [route.next] : [])].flatMap(beyondEntry))],
        reads: route.reads,
        onePlan: 'onePlan' in route ? route.onePlan : undefined,
      })),
    };
    const template = await readFile(fileURLToPath(new URL('./pwa/boot.js', import.meta.url)), 'utf8');
    const source = template
      .replace(/^\/\*\*[\s\S]*?\*\/\n/, '')
      .replace('__LO_TRINH_BOOT__', JSON.stringify(boot));
    const fileName = `assets/boot-${createHash('sha256').update(source).digest('hex').slice(0, 10)}.js`;
    this.emitFile({ type: 'asset', fileName, source });
    const entryTag = '<script type="module" crossorigin';
    if (!String(html.source).includes(entryTag))
      throw new Error('firstScreenBoot: no entry script in index.html');
    html.source = String(html.source).replace(
      entryTag,
      `<script src="/${fileName}"></script>\n    ${entryTag}`,
    );
  },
});

/** The name of the CSS file of Ant Design's styles (`antdStyles`). */
const ANTD_STYLES = /^assets\/antd-[\da-f]+\.css$/;

/**
 * Writes Ant Design's styles, made once with the app's theme (web/antdStyleFile.ts), as
 * /assets/antd-HASH.css (hashed, so cached for good; the service worker keeps it) and links it in
 * index.html before the app's own styles, where Ant Design puts the styles it makes (the app's win at
 * equal specificity). After the boot script: a style sheet above it would hold it back until loaded.
 */
const antdStyles = (): Plugin => ({
  name: 'lo-trinh-antd-styles',
  apply: 'build',
  // After firstScreenBoot (both 'post', in the order of `plugins`).
  enforce: 'post',
  generateBundle(_options, bundle) {
    const source = antdStyleFile();
    const fileName = `assets/antd-${createHash('sha256').update(source).digest('hex').slice(0, 10)}.css`;
    this.emitFile({ type: 'asset', fileName, source });
    const html = bundle['index.html'];
    const stylesTag = '<link rel="stylesheet" crossorigin';
    if (html?.type !== 'asset' || !String(html.source).includes(stylesTag))
      throw new Error("antdStyles: no style sheet of the app's in index.html");
    html.source = String(html.source).replace(
      stylesTag,
      `<link rel="stylesheet" crossorigin href="/${fileName}">\n    ${stylesTag}`,
    );
  },
});

/** Static files of web/public the app uses offline (the service worker keeps them at install). */
const PUBLIC_SHELL_FILES = [
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon-maskable-512.png',
];
/**
 * The pages a unit officer needs offline (sign-in, the frame, "Việc của tôi", the report form): kept at
 * install with everything they import. Other pages are kept the first time they are opened.
 */
const OFFLINE_PAGES =
  /web\/src\/(components\/layout\/(AppLayout|NotFoundPage)|features\/auth\/(LoginPage|ChangePasswordPage)|features\/reporting\/(MyWorkPage|UnitReportPage))\.tsx$/;

/**
 * The built files the service worker keeps at install: the entry and the offline pages, with the chunks
 * and styles they import. Most of them the first visit has already loaded (from the browser's cache, the
 * hashed files being immutable), so installing costs little more on a slow link.
 */
const precacheOf = (bundle: Rollup.OutputBundle): string[] => {
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || files.has(fileName)) return;
    files.add(fileName);
    if (chunk.type !== 'chunk') return;
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const imported of chunk.imports) visit(imported);
  };
  // A page's module, not only a chunk's facade: Rollup may merge a small page into a chunk of another name
  // (experimentalMinChunkSize below).
  for (const chunk of Object.values(bundle))
    if (chunk.type === 'chunk' && (chunk.isEntry || chunk.moduleIds.some((id) => OFFLINE_PAGES.test(id))))
      visit(chunk.fileName);
  return [...files].map((name) => `/${name}`).sort();
};

/**
 * Writes the service worker (/sw.js, from web/pwa/service-worker.js) with the list of the files it keeps
 * at install and a version from that list and the public files' content, so each release that changes
 * any of them installs its own cache.
 */
const serviceWorker = (): Plugin => ({
  name: 'lo-trinh-service-worker',
  apply: 'build',
  // After firstScreenBoot and antdStyles (all 'post', in the order of `plugins`): their files are kept too.
  enforce: 'post',
  async generateBundle(_options, bundle) {
    const boot = Object.keys(bundle).filter((name) => /^assets\/boot-[\da-f]+\.js$/.test(name));
    if (boot.length !== 1) throw new Error('serviceWorker: the boot script is missing');
    const antd = Object.keys(bundle).filter((name) => ANTD_STYLES.test(name));
    if (antd.length !== 1) throw new Error("serviceWorker: Ant Design's styles are missing");
    const precache = [...precacheOf(bundle), `/${boot[0]}`, `/${antd[0]}`, ...PUBLIC_SHELL_FILES];
    const template = await readFile(
      fileURLToPath(new URL('./pwa/service-worker.js', import.meta.url)),
      'utf8',
    );
    // index.html and the public files keep their names from one release to the next: their content
    // makes the version too.
    const hash = createHash('sha256').update(template).update(precache.join('\n'));
    for (const file of ['/index.html', ...PUBLIC_SHELL_FILES.map((name) => `/public${name}`)])
      hash.update(await readFile(fileURLToPath(new URL(`.${file}`, import.meta.url))));
    const version = hash.digest('hex').slice(0, 12);
    this.emitFile({
      type: 'asset',
      fileName: 'sw.js',
      source: template
        .replace('__LO_TRINH_VERSION__', version)
        .replace('__LO_TRINH_PRECACHE__', JSON.stringify(precache)),
    });
  },
});

/**
 * The SPA lives in web/ and is built into web/dist (or WEB_DIST), which the server serves on the same port
 * as the API. Libraries are split into their own chunks so a release that changes only our code leaves
 * the browser's cached copies of React and Ant Design valid.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), firstScreenBoot(), antdStyles(), serviceWorker(), precompress()],
  resolve: { alias: { '@core': fileURLToPath(new URL('../core', import.meta.url)) } },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        experimentalMinChunkSize: 20_000,
        manualChunks: (id) => {
          if (!id.includes('node_modules')) return undefined;
          // The overview's map (map series, geo component and coordinates) only where the map is shown. Only
          // modules nothing else in ECharts imports (coord/geo's parser and registry stay with the core),
          // or the two chunks would import each other.
          if (
            /node_modules\/echarts\/lib\/(chart\/map\/|component\/geo\/|component\/helper\/MapDraw|coord\/geo\/(geoCreator|GeoModel|Geo)\.js)/.test(
              id,
            )
          )
            return 'vendor-echarts-map';
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'vendor-echarts';
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'vendor-react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
