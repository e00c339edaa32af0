import { matchesFolded } from '@core/domain/text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app';

describe('search and catalog on the demo plans', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
  });
  afterAll(() => t.close());

  const search = async (q: string) =>
    (await t.call('GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).body.data as Array<{
      type: string;
      title: string;
      planId: string;
      context: string;
    }>;

  it('should find "Hồ sơ thủ tục hành chính xử lý trực tuyến" from "ho so truc tuyen"', async () => {
    const hits = await search('ho so truc tuyen');
    expect(hits.filter((hit) => hit.type === 'indicator').map((hit) => hit.title)).toContain(
      'Hồ sơ thủ tục hành chính xử lý trực tuyến',
    );
    // Tokens match word starts: every hit names "hồ sơ" and "trực tuyến" (a task may say it in its output).
    for (const hit of hits)
      expect(matchesFolded(hit.title, 'ho so') || hit.type === 'task', hit.title).toBe(true);
  });

  it('should find the 5G indicator from "phu song 5g", with its plan', async () => {
    const hits = await search('phu song 5g');
    const indicator = hits.find((hit) => hit.type === 'indicator');
    expect(indicator?.title).toBe('Tỷ lệ phủ sóng 5G trên địa bàn');
    expect(indicator?.context).toBe('95/KH-UBND – Thành Đông');
  });

  it('should find plans by number and nothing for an empty or unknown query', async () => {
    expect((await search('54/KH-UBND')).some((hit) => hit.type === 'plan')).toBe(true);
    expect(await search('   ')).toEqual([]);
    expect(await search('zzzz khong ton tai')).toEqual([]);
  });

  it('should refuse a search query over 200 characters', async () => {
    const response = await t.call('GET', `/api/v1/search?q=${'a'.repeat(201)}`);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('Từ khóa tìm kiếm dài quá 200 ký tự');
  });

  it('should list the 45 catalog indicators and search them without diacritics', async () => {
    expect((await t.call('GET', '/api/v1/catalog')).body.data).toHaveLength(45);
    const found = (await t.call('GET', `/api/v1/catalog?q=${encodeURIComponent('phu song 5g')}`)).body.data;
    expect(found.map((entry: { code: string }) => entry.code)).toEqual(['HT.DI_DONG.PHU_SONG_5G']);
    const entry = await t.call('GET', '/api/v1/catalog/HT.DI_DONG.PHU_SONG_5G');
    expect(entry.body.data).toMatchObject({ unit: '%', direction: 'increase', measure: 'cumulative' });
    expect((await t.call('GET', '/api/v1/catalog/KHONG_CO')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/catalog/bad code')).status).toBe(400);
  });
});
