import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndicator, buildLocality, buildPlan, buildUnit, countAllRows } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';

describe('locality and unit routes', () => {
  let t: TestApp;
  let localityId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    localityId = (await buildLocality(t)).id;
  });
  afterAll(() => t.close());

  it('should list the children of a locality and refuse a duplicate code', async () => {
    const commune = await t.call('GET', `/api/v1/localities/${localityId}`);
    const children = await t.call('GET', `/api/v1/localities?parentId=${commune.body.data.parentId}`);
    expect(children.body.data.map((row: { id: string }) => row.id)).toEqual([localityId]);
    const duplicate = await t.call('POST', '/api/v1/localities', {
      code: commune.body.data.code,
      parentId: commune.body.data.parentId,
      name: 'Khác',
      level: 'commune',
      kind: 'xã',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toBe('Mã địa phương đã được dùng.');
    expect((await t.call('GET', '/api/v1/localities/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('should create, rename and list units in name order, external partners last', async () => {
    const other = await buildLocality(t);
    const partner = await t.call('POST', `/api/v1/localities/${other.id}/units`, {
      name: 'Doanh nghiệp viễn thông',
      isExternal: true,
    });
    expect(partner.status).toBe(201);
    const office = await buildUnit(t, other.id, 'Trạm Y tế');
    const renamed = await t.call('PATCH', `/api/v1/units/${office.id}`, { name: 'Trạm Y tế xã' });
    const partnerRenamed = await t.call('PATCH', `/api/v1/units/${partner.body.data.id}`, {
      name: 'Doanh nghiệp viễn thông',
    });
    expect(partnerRenamed.body.data.isExternal).toBe(true);
    expect(renamed.body.data).toMatchObject({ name: 'Trạm Y tế xã', isExternal: false });
    const list = await t.call('GET', `/api/v1/localities/${other.id}/units`);
    expect(list.body.data.map((unit: { name: string }) => unit.name)).toEqual([
      'Trạm Y tế xã',
      'Doanh nghiệp viễn thông',
    ]);
  });

  it('should refuse a second unit with the same name in one locality', async () => {
    await buildUnit(t, localityId, 'Công an xã');
    const before = await countAllRows(t);
    const response = await t.call('POST', `/api/v1/localities/${localityId}/units`, { name: 'Công an xã' });
    expect(response.status).toBe(409);
    expect(response.body.message).toContain('Địa phương đã có đơn vị cùng tên');
    expect(await countAllRows(t)).toEqual(before);
  });

  it('should refuse to delete a unit that leads an indicator, and delete it once free', async () => {
    const unit = await buildUnit(t, localityId, 'Phòng Văn hóa - Xã hội');
    const plan = await buildPlan(t, localityId);
    const indicator = await buildIndicator(t, plan.id, { leadUnitId: unit.id });
    const refused = await t.call('DELETE', `/api/v1/units/${unit.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'Đơn vị "Phòng Văn hóa - Xã hội" đang được nêu ở 1 chỉ tiêu, nhiệm vụ, kế hoạch hoặc vai trò người dùng nên không xóa được.',
    );
    await t.call('PATCH', `/api/v1/indicators/${indicator.id}`, { leadUnitId: null });
    expect((await t.call('DELETE', `/api/v1/units/${unit.id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/api/v1/units/${unit.id}`)).status).toBe(404);
  });

  it('should answer 404 for the units of a missing locality', async () => {
    const response = await t.call('GET', '/api/v1/localities/00000000-0000-4000-8000-000000000000/units');
    expect(response.status).toBe(404);
    expect(response.body.message).toBe('Không tìm thấy địa phương.');
  });
});
