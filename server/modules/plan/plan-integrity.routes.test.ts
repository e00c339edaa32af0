/**
 * What a plan edit must not break, on the demo: one plan number per locality, and nothing that units have
 * reported disappears with a deleted plan, indicator or task (Dân Tiến 2026 has an accepted report).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAllRows } from '../../test/factories';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

type PlanRow = { id: string; number: string | null; localityId: string; localityName: string };

describe('plan integrity', () => {
  let t: TestApp;
  let standing: Client;
  let danTien: PlanRow;
  let thanhDong: PlanRow;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    standing = await t.signIn('thanhdong.vhxh');
    const plans: PlanRow[] = (await t.call('GET', '/api/v1/plans')).body.data;
    danTien = plans.find((row) => row.localityName === 'Dân Tiến')!;
    thanhDong = plans.find((row) => row.localityName === 'Thành Đông')!;
  }, 60_000);
  afterAll(() => t.close());

  const planBody = (localityId: string, number: string) => ({
    localityId,
    issuerKind: 'government',
    issuer: 'UBND xã',
    number,
    title: 'Kế hoạch thử nghiệm',
  });

  describe('plan numbers', () => {
    it('should refuse a second plan with the same number in a locality, ignoring case and spaces, and write nothing', async () => {
      expect(danTien.number).toBe('54/KH-UBND');
      const before = await countAllRows(t);
      for (const number of ['54/KH-UBND', '54 / kh-ubnd']) {
        const response = await t.call('POST', '/api/v1/plans', planBody(danTien.localityId, number));
        expect(response.status, number).toBe(409);
        expect(response.body).toMatchObject({
          error: 'plan_number_taken',
          details: [{ field: 'number', message: `Địa phương đã có kế hoạch số ${number}` }],
        });
      }
      expect(await countAllRows(t)).toEqual(before);
    });

    it('should accept the same number in another locality, and a plan keeping its own number', async () => {
      const created = await t.call('POST', '/api/v1/plans', planBody(thanhDong.localityId, '54/KH-UBND'));
      expect(created.status).toBe(201);
      const own = await t.call('PATCH', `/api/v1/plans/${created.body.data.id}`, { number: '54/KH-UBND' });
      expect(own.status).toBe(200);
      const taken = await t.call('PATCH', `/api/v1/plans/${created.body.data.id}`, {
        number: thanhDong.number,
      });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toBe('plan_number_taken');
      expect((await t.call('DELETE', `/api/v1/plans/${created.body.data.id}`)).status).toBe(204);
    });
  });

  describe('deleting what units reported on', () => {
    it('should refuse to delete a plan with unit reports, and keep everything', async () => {
      const before = await countAllRows(t);
      const response = await t.call('DELETE', `/api/v1/plans/${danTien.id}`);
      expect(response.status).toBe(409);
      expect(response.body.error).toBe('plan_has_reports');
      expect(response.body.message).toContain('Đã kết thúc');
      expect(await countAllRows(t)).toEqual(before);
    });

    it('should refuse to delete an indicator with a reported figure, and delete one nobody reported on', async () => {
      const indicators: Array<{ id: string; code: string }> = (
        await t.call('GET', `/api/v1/plans/${danTien.id}`)
      ).body.data.indicators;
      const reported = indicators.find((row) => row.code === 'I.5')!;
      const before = await countAllRows(t);
      const refused = await t.call('DELETE', `/api/v1/indicators/${reported.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('indicator_has_reports');
      expect(await countAllRows(t)).toEqual(before);

      const fresh = await t.call('POST', `/api/v1/plans/${danTien.id}/indicators`, {
        name: 'Chỉ tiêu thêm để thử xóa',
        unit: '%',
      });
      expect(fresh.status).toBe(201);
      expect((await t.call('DELETE', `/api/v1/indicators/${fresh.body.data.id}`)).status).toBe(204);
    });

    it('should refuse to delete a task with reported progress, and delete one with none', async () => {
      const units: Array<{ id: string; name: string }> = (
        await t.call('GET', `/api/v1/localities/${thanhDong.localityId}/units`)
      ).body.data;
      const hccUnit = units.find((row) => row.name === 'Trung tâm HCC')!;
      const createTask = async (name: string) => {
        const response = await standing.call('POST', `/api/v1/plans/${thanhDong.id}/tasks`, {
          name,
          leadUnitId: hccUnit.id,
          deadlineText: 'Quý IV/2026',
        });
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        return response.body.data.id as string;
      };
      const reportedTask = await createTask('Số hóa hồ sơ lưu trữ năm 2024');
      const untouchedTask = await createTask('Rà soát quy trình nội bộ');

      const period = (
        await standing.call('GET', `/api/v1/plans/${thanhDong.id}/reporting-periods`)
      ).body.data.find((row: { key: string }) => row.key === '2026');
      const hcc = await t.signIn('thanhdong.hcc');
      const saved = await hcc.call(
        'PUT',
        `/api/v1/reporting-periods/${period.id}/units/${hccUnit.id}/report`,
        {
          revision: 0,
          taskUpdates: [
            { taskId: reportedTask, status: 'in_progress', progress: 40 },
            { taskId: untouchedTask, status: 'not_started' },
          ],
        },
      );
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);

      const before = await countAllRows(t);
      const refused = await standing.call('DELETE', `/api/v1/tasks/${reportedTask}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('task_has_reports');
      expect(await countAllRows(t)).toEqual(before);
      // "Not started" with nothing else is no reported progress: the task can go.
      expect((await standing.call('DELETE', `/api/v1/tasks/${untouchedTask}`)).status).toBe(204);
    });
  });
});
