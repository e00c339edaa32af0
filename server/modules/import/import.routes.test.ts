import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlanDocx, renderTextPng } from '../../documents/import/test-documents';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

/** Sends a file as the raw body, the way the web app uploads it. */
const upload = async (t: TestApp, client: Client, bytes: Uint8Array, fileName = 'ke-hoach.docx') => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
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

describe('POST /api/v1/imports', () => {
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

  it('should answer the draft of a DOCX to a standing officer, saving nothing', async () => {
    const plansBefore = (await t.call('GET', '/api/v1/plans')).body.data.length;

    const response = await upload(t, officer, docx, 'Kế hoạch 99.docx');

    expect(response.status).toBe(200);
    expect(response.body.data.source).toBe('Kế hoạch 99.docx');
    expect(response.body.data.plan.number).toBe('99/KH-UBND');
    expect(response.body.data.indicators.map((indicator: { code: string }) => indicator.code)).toEqual([
      'I.1',
      'I.2',
      'I.3',
    ]);
    expect((await t.call('GET', '/api/v1/plans')).body.data.length).toBe(plansBefore);
  });

  it('should fail with 422 and a Vietnamese reason for a corrupt DOCX, then keep serving', async () => {
    const response = await upload(t, officer, docx.slice(0, 2000));

    expect(response.status).toBe(422);
    expect(response.body.error).toBe('unreadable_document');
    expect(response.body.message).toMatch(/Word \(\.docx\) bị hỏng/);
    expect((await t.call('GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('should fail with 413 and a Vietnamese message above 20 MB, then keep serving', async () => {
    const response = await upload(t, officer, new Uint8Array(21 * 1024 * 1024));

    expect(response.status).toBe(413);
    expect(response.body.message).toMatch(/Tệp quá lớn/);
    expect((await t.call('GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('should keep answering other requests while a scan is being OCR-ed', async () => {
    const png = await renderTextPng([
      'KẾ HOẠCH',
      'Thực hiện chuyển đổi số năm 2026',
      'I. MỤC ĐÍCH',
      'II. NHIỆM VỤ',
    ]);
    let importDone = false;
    const importing = upload(t, officer, png, 'scan.png').then((response) => {
      importDone = true;
      return response;
    });

    // While the tesseract worker thread reads the image, the event loop is free to answer.
    const me = await t.call('GET', '/api/v1/auth/me');
    const wasImporting = !importDone;
    const response = await importing;

    expect(me.status).toBe(200);
    expect(wasImporting).toBe(true);
    expect(response.status).toBe(200);
    expect(response.body.data.plan.title).toContain('chuyển đổi số');
  });
});
