/**
 * Two refusals that read badly (issue #14): a plan sent without its title said "Trích yếu (tên kế hoạch):
 * phải là chuỗi ký tự", and an unknown locality said "không tồn tại" twice. Each is now one plain
 * sentence, as a civil servant reads it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app';

describe('plain refusal messages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('should say a missing text was not entered, and a wrong kind of value that it must be text', async () => {
    const missing = await t.call('POST', '/api/v1/plans', { localityId: t.rootLocalityId });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('Trích yếu (tên kế hoạch) chưa được nhập');
    expect(missing.body.message).not.toContain('chuỗi ký tự');
    const number = await t.call('POST', '/api/v1/plans', { localityId: t.rootLocalityId, title: 42 });
    expect(number.body.message).toContain('Trích yếu (tên kế hoạch) phải được ghi bằng chữ (văn bản)');
  });

  it('should say once that a locality does not exist', async () => {
    const plan = await t.call('POST', '/api/v1/plans', {
      localityId: randomUUID(),
      issuerKind: 'government',
      issuer: 'UBND xã Thử',
      number: '1/KH-UBND',
      issuedDate: '2025-08-30',
      title: 'Kế hoạch thử',
    });
    expect(plan.status).toBe(400);
    expect(plan.body.message).toBe('Địa phương được chọn không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    const user = await t.call('POST', '/api/v1/users', {
      username: 'nguoi.thu',
      displayName: 'Người thử',
      password: 'mat-khau-du-dai-1',
      roles: [{ role: 'leader', localityId: randomUUID() }],
    });
    expect(user.status).toBe(400);
    expect(user.body.message).toBe(
      'Địa phương của vai trò không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.',
    );
    const locality = await t.call('POST', '/api/v1/localities', {
      code: '99001',
      name: 'Xã Thử',
      level: 'commune',
      kind: 'xã',
      parentId: randomUUID(),
    });
    expect(locality.status).toBe(400);
    expect(locality.body.message.match(/không tồn tại/g)).toHaveLength(1);
  });
});
