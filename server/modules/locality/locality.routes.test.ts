/**
 * GET /localities over the national register of the demo (34 provinces, 3,321 communes): a page at a
 * time, searched without diacritics by name, kind or official code, and never beyond the caller's scope
 * (haiphong.admin administers Hải Phòng; Dân Tiến lies in Thái Nguyên; thanhdong.lanhdao leads one ward).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localityIdByCode } from '../../test/factories';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

type Row = { id: string; code: string; name: string; kind: string; level: string; parentId: string | null };
type Page = { data: Row[]; pagination: { total: number; limit: number; offset: number } };

describe('GET /api/v1/localities, a page at a time', () => {
  let t: TestApp;
  let provinceAdmin: Client;
  let wardLeader: Client;
  let haiPhong: string;
  const list = async (client: Client, query: string): Promise<Page> => {
    const response = await client.call('GET', `/api/v1/localities?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    provinceAdmin = await t.signIn('haiphong.admin');
    wardLeader = await t.signIn('thanhdong.lanhdao');
    haiPhong = await localityIdByCode(t, '31');
  });
  afterAll(() => t.close());

  it('should page through the communes of a province in a stable order and say how many there are', async () => {
    const pages: Row[][] = [];
    for (const offset of [0, 40, 80]) {
      const page = await list(t, `parentId=${haiPhong}&limit=40&offset=${offset}`);
      expect(page.pagination).toEqual({ total: 114, limit: 40, offset });
      pages.push(page.data);
    }
    expect(pages.map((page) => page.length)).toEqual([40, 40, 34]);
    const ids = pages.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(114);
    expect(pages.flat().every((row) => row.parentId === haiPhong && row.level === 'commune')).toBe(true);
    const whole = await list(t, `parentId=${haiPhong}&limit=200`);
    expect(whole.data.map((row) => row.id)).toEqual(ids);
    expect((await list(t, `parentId=${haiPhong}&offset=114`)).data).toEqual([]);
  });

  it('should give 50 rows by default, the nation and the provinces first', async () => {
    const page = await list(t, '');
    expect(page.pagination).toEqual({ total: 3356, limit: 50, offset: 0 });
    expect(page.data).toHaveLength(50);
    expect(page.data[0]).toMatchObject({ code: 'VN', level: 'nation' });
    expect(page.data.slice(1, 35).every((row) => row.level === 'province')).toBe(true);
    expect(page.data.slice(35).every((row) => row.level === 'commune')).toBe(true);
  });

  it('should find a locality without diacritics or case, by its kind too, and by its official code', async () => {
    const danTien = await list(t, `q=${encodeURIComponent('dan tien')}`);
    expect(danTien.data.map((row) => row.code)).toContain('05755');
    expect(danTien.data.every((row) => /dân tiến/i.test(row.name))).toBe(true);
    expect(danTien.pagination.total).toBe(danTien.data.length);
    const ward = await list(t, `q=${encodeURIComponent('PHUONG thanh dong')}`);
    expect(ward.data.map((row) => row.code)).toContain('10507');
    expect(ward.data.every((row) => row.kind === 'phường')).toBe(true);
    const byCode = await list(t, 'q=10507');
    expect(byCode.data.map((row) => [row.code, row.name])).toEqual([['10507', 'Thành Đông']]);
    expect(byCode.pagination.total).toBe(1);
    const nothing = await list(t, `q=${encodeURIComponent('không có nơi nào như thế')}`);
    expect(nothing).toEqual({ data: [], pagination: { total: 0, limit: 50, offset: 0 } });
  });

  it('should filter by level and by kind', async () => {
    const provinces = await list(t, 'level=province&limit=200');
    expect(provinces.pagination.total).toBe(34);
    const wards = await list(t, `parentId=${haiPhong}&kind=${encodeURIComponent('phường')}&limit=200`);
    expect(wards.data.length).toBe(wards.pagination.total);
    expect(wards.data.length).toBeGreaterThan(0);
    expect(wards.data.every((row) => row.kind === 'phường')).toBe(true);
    const communes = await list(t, `parentId=${haiPhong}&kind=${encodeURIComponent('xã')}&limit=1`);
    expect(communes.pagination.total + wards.pagination.total).toBeLessThanOrEqual(114);
  });

  it('should refuse a page size above 200, or one that is not a number, in Vietnamese', async () => {
    for (const [query, message] of [
      ['limit=201', 'Số dòng mỗi trang từ 1 đến 200'],
      ['limit=many', 'Số dòng mỗi trang phải là một số'],
      ['offset=-5', 'Vị trí bắt đầu không được âm'],
    ]) {
      const response = await t.call('GET', `/api/v1/localities?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.message, query).toBe(message);
    }
  });

  it('should show a province administrator only his province, its communes and the nation, through search too', async () => {
    const all = await list(provinceAdmin, 'limit=200');
    expect(all.pagination.total).toBe(116);
    const danTien = await list(provinceAdmin, `q=${encodeURIComponent('dan tien')}`);
    expect(danTien).toEqual({ data: [], pagination: { total: 0, limit: 50, offset: 0 } });
    expect((await list(provinceAdmin, 'q=05755')).pagination.total).toBe(0);
    const thaiNguyen = await localityIdByCode(t, '19');
    expect((await list(provinceAdmin, `parentId=${thaiNguyen}`)).pagination.total).toBe(0);
    const own = await list(provinceAdmin, 'q=10507');
    expect(own.data.map((row) => row.code)).toEqual(['10507']);
  });

  it('should show a ward leader his ward and its ancestors only', async () => {
    const all = await list(wardLeader, '');
    expect(all.data.map((row) => row.code)).toEqual(['VN', '31', '10507']);
    expect(all.pagination.total).toBe(3);
    expect((await list(wardLeader, `parentId=${haiPhong}&limit=200`)).data.map((row) => row.code)).toEqual([
      '10507',
    ]);
    expect((await list(wardLeader, `q=${encodeURIComponent('hai')}&limit=200`)).pagination.total).toBe(1);
  });
});
