/**
 * The worker thread of guarded-template-reader.ts: loads the TypeScript importer through tsx (the server
 * runs from its sources) and reads one template, then posts back the result or the error's parts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { readTemplateXlsx } = await tsImport('./excel-importer.ts', import.meta.url);
const { bytes, expected } = workerData;
try {
  const result = await readTemplateXlsx(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    expected,
  );
  parentPort.postMessage({ ok: true, result });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    error:
      error?.name === 'AppError'
        ? { code: error.code, message: error.message, details: error.details }
        : { message: String(error?.stack ?? error) },
  });
}
