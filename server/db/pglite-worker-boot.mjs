/**
 * Starts the PGlite worker (pglite-worker.ts) on its thread. Node 20 does not carry `--import tsx` into
 * worker threads, so the worker's TypeScript is loaded through tsx's API here.
 */
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
