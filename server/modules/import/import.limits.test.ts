/**
 * Per-job limits of the import service and the locality it proposes: a job that reads too long is cut
 * with a Vietnamese message that says how far it got (the pages read stay on the job), whether or not
 * its reader stops at once; a finished job carries the register's proposal for the plan's locality.
 */
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locality } from '../../db/schema';
import type { ImportDocumentOptions } from '../../documents/import/import-document';
import { findUserByUsername } from '../../shared/accounts';
import { buildTestApp, fixedClock, type TestApp } from '../../test/test-app';
import { loadActor } from '../auth/auth.service';
import { createCatalogService } from '../catalog/catalog.service';
import { createImportService } from './import.service';

const TEXT = new TextEncoder().encode('KẾ HOẠCH\nI. MỤC TIÊU\n');

const draftNaming = (name: string, level: 'xã' | 'phường', province: string | null): TImportedPlanDraft => ({
  plan: {
    number: '5/KH-UBND',
    issuer: `UBND ${level} ${name}`,
    issuerKind: 'government',
    locality: { name, level, province },
    issuedDate: null,
    title: 'Chuyển đổi số',
    signer: null,
    basis: [],
    replaces: [],
    standingAgency: null,
    reporting: [],
  },
  indicators: [],
  tasks: [],
  uncertain: [],
});

const waitFor = async <T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('import job limits and the proposed locality', () => {
  let t: TestApp;
  let context: Parameters<ReturnType<typeof createImportService>['start']>[0];

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    const user = (await findUserByUsername(t.handle.db, 'thanhdong.vhxh'))!;
    context = { actor: await loadActor(t.handle.db, user), ip: null, userAgent: null };
  });
  afterAll(() => t.close());

  const service = (readDocument: (bytes: Uint8Array, options: ImportDocumentOptions) => Promise<never>) =>
    createImportService({
      db: t.handle.db,
      clock: fixedClock,
      catalog: createCatalogService(),
      readDocument,
      pollMs: 50,
      timeLimitMs: 300,
    });

  it('should cut a job at its time limit with a Vietnamese message, keeping the pages read', async () => {
    // Reads two of five pages, then stops only when told to (as OCR does between pages).
    const imports = service(async (_bytes, { onProgress, signal }) => {
      onProgress?.({ stage: 'ocr', page: 1, pageCount: 5 });
      onProgress?.({ stage: 'ocr', page: 2, pageCount: 5 });
      onProgress?.({ stage: 'ocr', page: 3, pageCount: 5 });
      await new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
      throw new Error('unreachable');
    });

    const job = await imports.start(context, { bytes: TEXT, fileName: 'scan.pdf' });
    const ended = await waitFor(async () => {
      const row = await imports.get(context, job.id);
      return row.status === 'failed' ? row : undefined;
    });

    expect(ended.message).toBe(
      'Đã dừng đọc văn bản vì quá thời gian cho phép (0 phút cho một tệp), khi đã đọc 2/5 trang. Chưa có bản nháp nào được tạo. Hãy gửi bản Word hoặc PDF gốc (có lớp chữ), hoặc tách bản quét thành các tệp ít trang hơn rồi tải lên lại.',
    );
    expect({ done: ended.progressDone, total: ended.progressTotal }).toEqual({ done: 2, total: 5 });
    expect(ended.draft).toBeNull();
    await waitFor(async () => (imports.activeJobCount() === 0 ? true : undefined));
  });

  it('should end the job at the limit even when its reader ignores the signal', async () => {
    const imports = service(() => new Promise<never>(() => {}));

    const job = await imports.start(context, { bytes: TEXT, fileName: 'lon.docx' });
    const ended = await waitFor(async () => {
      const row = await imports.get(context, job.id);
      return row.status === 'failed' ? row : undefined;
    });

    expect(ended.message).toMatch(/^Đã dừng đọc văn bản vì quá thời gian cho phép \(0 phút cho một tệp\)\. /);
  });

  it('should propose the register locality the header names, with its id here', async () => {
    const imports = createImportService({
      db: t.handle.db,
      clock: fixedClock,
      catalog: createCatalogService(),
      readDocument: async () => ({ draft: draftNaming('Dan Tien', 'xã', null), text: '' }),
    });
    const [danTien] = await t.handle.db
      .select({ id: locality.id, code: locality.code })
      .from(locality)
      .where(eq(locality.name, 'Dân Tiến'));

    const job = await imports.start(context, { bytes: TEXT, fileName: 'ke-hoach.txt' });
    const done = await waitFor(async () => {
      const row = await imports.get(context, job.id);
      return row.status === 'done' ? row : undefined;
    });

    const draft = done.draft as TImportedPlanDraft;
    expect(draft.localityMatch).toMatchObject({
      code: '05755',
      name: 'Dân Tiến',
      kind: 'xã',
      province: 'Thái Nguyên',
      confidence: 'high',
      formerName: null,
      localityId: danTien?.code === '05755' ? danTien.id : null,
    });
  });
});
