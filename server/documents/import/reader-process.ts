/**
 * The child process that reads one uploaded plan document (see `isolated-reader.ts`). It receives the
 * file once over IPC, sends progress while OCR reads pages, sends the draft or the Vietnamese reason it
 * could not be read, and exits. It exits too when its parent goes away, so no reader outlives the server.
 *
 * Message in: `{ bytes: Uint8Array, fileName?: string }` (advanced serialization).
 * Messages out: `{ type: 'progress', progress }`, then `{ type: 'done', result }` or
 * `{ type: 'unreadable', message }` or `{ type: 'error', message }`.
 */
import { UnreadableDocumentError } from './errors';
import { readPlanDocument } from './import-document';

export type ReaderRequest = { bytes: Uint8Array; fileName?: string };

const send = (message: unknown): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });

process.on('disconnect', () => process.exit(1));

process.once('message', async ({ bytes, fileName }: ReaderRequest) => {
  try {
    const result = await readPlanDocument(bytes, {
      fileName,
      onProgress: (progress) => {
        void send({ type: 'progress', progress });
      },
    });
    await send({ type: 'done', result });
  } catch (error) {
    await send(
      error instanceof UnreadableDocumentError
        ? { type: 'unreadable', message: error.message }
        : { type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    );
  }
  // OCR worker threads would keep the process alive: the answer is sent, so end here.
  process.exit(0);
});
