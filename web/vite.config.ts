import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

/**
 * The SPA lives in web/ and is built into web/dist (or WEB_DIST), which the server serves on the same port
 * as the API. Libraries are split into their own chunks so a release that changes only our code leaves
 * the browser's cached copies of React and Ant Design valid.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  resolve: { alias: { '@core': fileURLToPath(new URL('../core', import.meta.url)) } },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
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
