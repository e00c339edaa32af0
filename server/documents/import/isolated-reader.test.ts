import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnreadableDocumentError } from './errors';
import { readPlanDocument } from './import-document';
import { createIsolatedReader, readPlanDocumentIsolated } from './isolated-reader';
import { buildPlanDocx, buildPlanPdf } from './test-documents';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('reading a plan document in a child process', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lotrinh-reader-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should give the same draft and text as reading in this process, a PDF in a child, Word here', async () => {
    for (const bytes of [await buildPlanPdf(), await buildPlanDocx()]) {
      const here = await readPlanDocument(bytes, { fileName: 'ke-hoach' });
      const there = await readPlanDocumentIsolated(bytes, { fileName: 'ke-hoach' });
      expect(there).toEqual(here);
      expect(there.draft.indicators.length).toBeGreaterThan(0);
    }
    // A Word file never reaches the child: a reader whose child would crash still reads it.
    const crashing = join(dir, 'never.mjs');
    await writeFile(crashing, "process.kill(process.pid, 'SIGSEGV');\n");
    const docx = await createIsolatedReader({ entry: crashing })(await buildPlanDocx());
    expect(docx.draft.indicators.length).toBeGreaterThan(0);
  }, 120_000);

  it("should pass on the reader's Vietnamese refusal of a file that is no plan", async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nnot really a pdf');
    const error = await readPlanDocumentIsolated(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as Error).message).toMatch(/PDF bị hỏng/);
  }, 60_000);

  it('should refuse in Vietnamese a document that needs more memory than the reader may use', async () => {
    // A heap this small is exhausted while the reader loads: V8 aborts the child, as for a huge file.
    const error = await createIsolatedReader({ heapMb: 8 })(await buildPlanPdf()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as Error).message).toMatch(/vượt giới hạn bộ nhớ/);
  }, 60_000);

  it('should survive a reader that crashes, with an error that is no refusal of the file', async () => {
    const entry = join(dir, 'crash.mjs');
    await writeFile(entry, "process.once('message', () => process.kill(process.pid, 'SIGSEGV'));\n");
    const error = await createIsolatedReader({ entry })(await buildPlanPdf()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UnreadableDocumentError);
    expect((error as Error).message).toMatch(/SIGSEGV/);
  }, 60_000);

  it('should stop the child at once when the reading is cancelled', async () => {
    const entry = join(dir, 'slow.mjs');
    const pidFile = join(dir, 'slow.pid');
    await writeFile(
      entry,
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nprocess.once('message', () => setInterval(() => {}, 1000));\n`,
    );
    const controller = new AbortController();
    const reading = createIsolatedReader({ entry })(await buildPlanPdf(), { signal: controller.signal });
    let pid = 0;
    while (!pid) {
      pid = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
      if (!pid) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(isAlive(pid)).toBe(true);
    controller.abort(new Error('cancelled by the officer'));
    await expect(reading).rejects.toThrow('cancelled by the officer');
    let tries = 0;
    while (isAlive(pid) && tries++ < 100) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(isAlive(pid)).toBe(false);
  }, 60_000);
});
