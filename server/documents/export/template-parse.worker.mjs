/**
 * The worker thread of guarded-template-reader.ts: loads the TypeScript importer through tsx (the server
 * runs from its sources) and reads one template, then posts back the result or the error's parts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { bytes, expected, reader } = workerData;
try {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result =
    reader === 'sheetRows'
      ? await (await tsImport('./sheet-rows.ts', import.meta.url)).readFirstSheetRows(file)
      : await (await tsImport('./excel-importer.ts', import.meta.url)).readTemplateXlsx(file, expected);
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
