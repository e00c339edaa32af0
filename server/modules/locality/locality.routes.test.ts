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

describe('PATCH /api/v1/localities/:id and POST /api/v1/localities: what an administrator keeps', () => {
  let t: TestApp;
  let provinceAdmin: Client;
  let thanhDong: string;
  let haiPhong: string;
  let danTien: string;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    provinceAdmin = await t.signIn('haiphong.admin');
    thanhDong = await localityIdByCode(t, '10507');
    haiPhong = await localityIdByCode(t, '31');
    danTien = await localityIdByCode(t, '05755');
  });
  afterAll(() => t.close());

  it("should set a ward's thresholds and English name, audited, and put the defaults back with null", async () => {
    const changed = await provinceAdmin.call('PATCH', `/api/v1/localities/${thanhDong}`, {
      scoreGreen: 85,
      scoreYellow: 60,
      nameEn: 'Thanh Dong Ward',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.data).toMatchObject({ scoreGreen: 85, scoreYellow: 60, nameEn: 'Thanh Dong Ward' });
    const audit = await provinceAdmin.call('GET', `/api/v1/audit-events?entityType=locality&limit=5`);
    expect(JSON.stringify(audit.body)).toContain('"scoreGreen":85');
    const reset = await provinceAdmin.call('PATCH', `/api/v1/localities/${thanhDong}`, {
      scoreGreen: null,
      scoreYellow: null,
    });
    expect(reset.body.data).toMatchObject({ scoreGreen: null, scoreYellow: null, nameEn: 'Thanh Dong Ward' });
  });

  it('should refuse in Vietnamese a yellow threshold not below green (the stored one counts), a value out of 0–100, a name', async () => {
    const order = await provinceAdmin.call('PATCH', `/api/v1/localities/${thanhDong}`, { scoreYellow: 80 });
    expect(order.status).toBe(400);
    expect(order.body.message).toBe('Ngưỡng Vàng (80) phải nhỏ hơn ngưỡng Xanh (80).');
    const range = await provinceAdmin.call('PATCH', `/api/v1/localities/${thanhDong}`, { scoreGreen: 120 });
    expect(range.status).toBe(400);
    expect(JSON.stringify(range.body)).toContain('Ngưỡng xếp loại Xanh phải là một số từ 0 đến 100');
    // The name is the register's: it changes by a dated decision, and a request naming it is refused.
    const renamed = await provinceAdmin.call('PATCH', `/api/v1/localities/${thanhDong}`, {
      name: 'Tên khác',
    });
    expect(renamed.status).toBe(400);
    expect(JSON.stringify(renamed.body)).toContain('thay đổi theo quyết định có ngày hiệu lực');
    const empty = await provinceAdmin.call('PATCH', `/api/v1/localities/${thanhDong}`, {});
    expect(empty.status).toBe(400);
  });

  it("should refuse another province's locality (404) and a ward's own leader (403)", async () => {
    expect(
      (await provinceAdmin.call('PATCH', `/api/v1/localities/${danTien}`, { scoreGreen: 90 })).status,
    ).toBe(404);
    const leader = await t.signIn('thanhdong.lanhdao');
    expect((await leader.call('PATCH', `/api/v1/localities/${thanhDong}`, { scoreGreen: 90 })).status).toBe(
      403,
    );
  });

  it('should create a commune under a province only, refusing one under a commune in Vietnamese', async () => {
    const created = await provinceAdmin.call('POST', '/api/v1/localities', {
      code: 'HP-MOI-1',
      name: 'Xã Thử Nghiệm',
      level: 'commune',
      kind: 'xã',
      parentId: haiPhong,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const nested = await provinceAdmin.call('POST', '/api/v1/localities', {
      code: 'HP-MOI-2',
      name: 'Xã Lồng Nhau',
      level: 'commune',
      kind: 'xã',
      parentId: thanhDong,
    });
    expect(nested.status).toBe(400);
    expect(nested.body.message).toBe('Xã, phường, đặc khu phải thuộc một tỉnh, thành phố.');
    const taken = await provinceAdmin.call('POST', '/api/v1/localities', {
      code: 'HP-MOI-1',
      name: 'Xã Trùng Mã',
      level: 'commune',
      kind: 'xã',
      parentId: haiPhong,
    });
    expect(taken.status).toBe(409);
  });
});
