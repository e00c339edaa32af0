import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJob } from '../../db/schema';
import { buildPlanDocx } from '../../documents/import/test-documents';
import { findUserByUsername } from '../../shared/accounts';
import { localityIdByName } from '../../test/factories';
import { buildTestApp, type Client, fixedClock, type TestApp } from '../../test/test-app';
import { loadActor } from '../auth/auth.service';
import { createCatalogService } from '../catalog/catalog.service';
import { createImportService } from './import.service';

const SCAN = new URL('../../test/fixtures/import/seed-002-scan.pdf', import.meta.url);

/** Sends a file as the raw body, the way the web app uploads it. */
const upload = async (
  t: TestApp,
  client: Client,
  bytes: Uint8Array,
  fileName = 'ke-hoach.docx',
  query = '',
) => {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/imports${query}`,
    payload: Buffer.from(bytes),
    headers: {
      ...client.headers,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(fileName),
    },
    cookies: client.cookies,
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
};

/** How many import jobs the database holds. */
const jobCount = async (t: TestApp) =>
  Number((await t.handle.db.select({ n: count() }).from(importJob))[0]!.n);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` answers something, or fails after `timeoutMs`. */
const waitFor = async <T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(100);
  }
};

type Job = { id: string; status: string; progress: { done: number; total: number }; [key: string]: unknown };

/** Polls a job until it has finished, collecting the statuses seen on the way. */
const untilFinished = async (client: Client, id: string, seen: string[] = [], timeoutMs = 20_000) =>
  waitFor(async () => {
    const job: Job = (await client.call('GET', `/api/v1/imports/${id}`)).body.data;
    if (seen.at(-1) !== job.status) seen.push(job.status);
    return ['done', 'failed', 'cancelled'].includes(job.status) ? job : undefined;
  }, timeoutMs);

describe('import jobs', () => {
  let t: TestApp;
  let officer: Client;
  let docx: Uint8Array;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    officer = await t.signIn('thanhdong.vhxh');
    docx = await buildPlanDocx();
  });
  afterAll(() => t.close());

  it('should fail with 401 without a session', async () => {
    expect((await upload(t, t.anonymous, docx)).status).toBe(401);
  });

  it('should fail with 403 for a leader and for a unit officer', async () => {
    expect((await upload(t, await t.signIn('thanhdong.lanhdao'), docx)).status).toBe(403);
    expect((await upload(t, await t.signIn('thanhdong.hcc'), docx)).status).toBe(403);
  });

  it('should answer a queued job at once, then run it to done with the draft and the text, saving no plan', async () => {
    const plansBefore = (await t.call('GET', '/api/v1/plans')).body.data.length;

    const response = await upload(t, officer, docx, 'Kế hoạch 99.docx');

    expect(response.status).toBe(202);
    expect(response.body.data).toMatchObject({
      status: 'queued',
      fileName: 'Kế hoạch 99.docx',
      localityId: null,
      draft: null,
      sourceText: null,
      finishedAt: null,
    });
    const seen = ['queued'];
    const job = await untilFinished(officer, response.body.data.id, seen);
    expect(job.status).toBe('done');
    expect(seen.every((status) => ['queued', 'running', 'done'].includes(status))).toBe(true);
    const draft = job.draft as {
      source: string;
      plan: { number: string };
      indicators: Array<{ code: string }>;
    };
    expect(draft.source).toBe('Kế hoạch 99.docx');
    expect(draft.plan.number).toBe('99/KH-UBND');
    expect(draft.indicators.map((indicator) => indicator.code)).toEqual(['I.1', 'I.2', 'I.3']);
    expect(job.sourceText).toContain('Số: 99/KH-UBND');
    expect(job.finishedAt).toEqual(expect.any(String));
    expect((await t.call('GET', '/api/v1/plans')).body.data.length).toBe(plansBefore);
  });

  it('should record the chosen locality, and answer 404 for a locality out of scope', async () => {
    const thanhDong = await localityIdByName(t, 'Thành Đông');
    const danTien = await localityIdByName(t, 'Dân Tiến');

    const own = await upload(t, officer, docx, 'a.docx', `?localityId=${thanhDong}`);
    const other = await upload(t, officer, docx, 'a.docx', `?localityId=${danTien}`);

    expect(own.status).toBe(202);
    expect(own.body.data.localityId).toBe(thanhDong);
    expect(other.status).toBe(404);
    await untilFinished(officer, own.body.data.id);
  });

  it('should refuse a corrupt DOCX, an old .doc and random bytes at once with 422 and a Vietnamese reason, starting no job', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const random = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 256);
    const jobsBefore = await jobCount(t);

    const corrupt = await upload(t, officer, docx.slice(0, 2000));
    const oldWord = await upload(t, officer, ole, 'ke-hoach.doc');
    const noise = await upload(t, officer, random, 'ke-hoach.pdf');

    expect(corrupt.status).toBe(422);
    expect(corrupt.body.message).toMatch(/Word \(\.docx\) bị hỏng/);
    expect(oldWord.status).toBe(422);
    expect(oldWord.body.message).toMatch(/Tệp Word cũ \(\.doc\)/);
    expect(noise.status).toBe(422);
    expect(noise.body.message).toMatch(/Định dạng tệp không được hỗ trợ/);
    expect(await jobCount(t)).toBe(jobsBefore);
    expect((await t.call('GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('should end as failed with a Vietnamese reason for a readable file that is not a plan', async () => {
    const letter = new TextEncoder().encode('Giấy mời họp chi bộ lúc 8 giờ sáng thứ Hai.');
    const response = await upload(t, officer, letter, 'giay-moi.txt');

    expect(response.status).toBe(202);
    const job = await untilFinished(officer, response.body.data.id);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/Không nhận ra văn bản kế hoạch/);
    expect(job.draft).toBeNull();
  });

  it('should fail with 413 and a Vietnamese message above 20 MB, then keep serving', async () => {
    const response = await upload(t, officer, new Uint8Array(21 * 1024 * 1024));

    expect(response.status).toBe(413);
    expect(response.body.message).toMatch(/Tệp quá lớn/);
    expect((await t.call('GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('should hide a job from everyone but its creator and the system administrator (404)', async () => {
    const { id } = (await upload(t, officer, docx)).body.data;
    await untilFinished(officer, id);

    for (const username of ['dantien.vhxh', 'thanhdong.hcc']) {
      const other = await t.signIn(username);
      expect((await other.call('GET', `/api/v1/imports/${id}`)).status, username).toBe(404);
      expect((await other.call('POST', `/api/v1/imports/${id}/cancel`)).status, username).toBe(404);
    }
    expect((await t.call('GET', `/api/v1/imports/${id}`)).status).toBe(200);
    expect((await officer.call('GET', '/api/v1/imports/00000000-0000-4000-8000-000000000001')).status).toBe(
      404,
    );
  });

  it('should report the pages of a scan as OCR reads them, and stop reading when cancelled', async () => {
    const response = await upload(t, officer, readFileSync(SCAN), 'scan.pdf');
    expect(response.status).toBe(202);
    const id = response.body.data.id;

    const reading = await waitFor(async () => {
      const job: Job = (await officer.call('GET', `/api/v1/imports/${id}`)).body.data;
      return job.progress.done >= 1 ? job : undefined;
    }, 60_000);
    expect(reading.status).toBe('running');
    expect(reading.progress.total).toBe(23);

    const cancelled = await officer.call('POST', `/api/v1/imports/${id}/cancel`);

    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ status: 'cancelled', draft: null });
    expect(cancelled.body.data.message).toMatch(/hủy/);
    // The reader stopped: no page is recorded after the cancel, and the row is never overwritten.
    const pagesAtCancel = cancelled.body.data.progress.done;
    await sleep(6000);
    const later: Job = (await officer.call('GET', `/api/v1/imports/${id}`)).body.data;
    expect(later.status).toBe('cancelled');
    expect(later.progress.done).toBe(pagesAtCancel);
    // Cancelling a finished job answers it as it is.
    expect((await officer.call('POST', `/api/v1/imports/${id}/cancel`)).body.data.status).toBe('cancelled');
  }, 90_000);

  it('should stop a job run by one process when another process cancels it', async () => {
    // Two services on one database stand for two app processes behind a load balancer.
    const catalog = createCatalogService();
    const runner = createImportService({ db: t.handle.db, clock: fixedClock, catalog, pollMs: 200 });
    const other = createImportService({ db: t.handle.db, clock: fixedClock, catalog });
    const user = (await findUserByUsername(t.handle.db, 'thanhdong.vhxh'))!;
    const context = { actor: await loadActor(t.handle.db, user), ip: null, userAgent: null };

    const job = await runner.start(context, { bytes: readFileSync(SCAN), fileName: 'scan.pdf' });
    await waitFor(async () => {
      const row = await other.get(context, job.id);
      return row.status === 'running' && row.progressTotal === 23 ? row : undefined;
    }, 60_000);

    expect((await other.cancel(context, job.id)).status).toBe('cancelled');

    // The running process notices at its next poll and its OCR worker ends.
    await waitFor(async () => (runner.activeJobCount() === 0 ? true : undefined), 10_000);
    expect((await runner.get(context, job.id)).status).toBe('cancelled');
  }, 90_000);
});
