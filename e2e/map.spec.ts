/**
 * [MAP] The overview's "Bản đồ xếp loại": a province's communes (only that province's boundaries are
 * fetched, cached by the browser) painted with the ranking's colours, a legend in words, a tooltip, a
 * click that opens the commune's dashboard like its ranking row; the filter greys the others out; the
 * nation's provinces, a click opening the province; a 390 px phone; axe-core on the page with the map.
 * With MAP_SCREENSHOTS=<folder> the screens are saved there.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OverviewPage } from './page-models/overview-page';
import { axeViolations, describeViolations } from './support/axe';
import { useAppInBrowser } from './support/suite';

const SCREENSHOTS = process.env.MAP_SCREENSHOTS;
const DAN_TIEN = '05755';
const THAI_NGUYEN = '19';

/** The map's container, once drawn (its click points written). */
const mapOf = async (page: Page) => {
  const map = page.getByTestId('locality-map');
  await map.waitFor();
  await expect.poll(() => map.getAttribute('data-click-points')).not.toBeNull();
  return map;
};

/** Where (page pixels) a click on a unit lands, from the map's click points. */
const pointOf = async (page: Page, code: string): Promise<{ x: number; y: number }> => {
  const map = await mapOf(page);
  const points = JSON.parse((await map.getAttribute('data-click-points')) ?? '{}') as Record<
    string,
    [number, number]
  >;
  const point = points[code];
  expect(point, `no click point for ${code} in ${JSON.stringify(points)}`).toBeDefined();
  // The mouse reaches only what is on screen: on a phone the map is below the ranking's summary.
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  return { x: box.x + point![0], y: box.y + point![1] };
};

const save = async (page: Page, name: string) => {
  if (!SCREENSHOTS) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.getByTestId('locality-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
};

describe('[MAP] overview map coloured by rating', () => {
  const env = useAppInBrowser();
  let admin: Page;
  /** Paths of the boundary files the page asked for, and the headers of their answers. */
  const fetched: string[] = [];
  const responseHeaders = new Map<string, Record<string, string>>();
  let thaiNguyenId = '';

  beforeAll(async () => {
    admin = await env.pageAs('admin');
    admin.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/v1/boundaries')) fetched.push(url.pathname);
    });
    admin.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/v1/boundaries'))
        responseHeaders.set(url.pathname, response.headers());
    });
  });

  it("[MAP]: Thái Nguyên's map paints Dân Tiến with its ranking colour, and a click on it opens its dashboard", async () => {
    const overview = new OverviewPage(admin);
    fetched.length = 0;
    await overview.openFromDashboards('Thái Nguyên');
    thaiNguyenId = overview.localityId();
    await mapOf(admin);
    // Only the province looked at: not the nation's file, not another province's; cacheable.
    expect([...new Set(fetched)]).toEqual([`/api/v1/boundaries/provinces/${THAI_NGUYEN}/communes`]);
    const headers = responseHeaders.get(`/api/v1/boundaries/provinces/${THAI_NGUYEN}/communes`)!;
    expect(headers['cache-control']).toMatch(/^public, max-age=\d{6,}$/);
    expect(headers.etag).toMatch(/^"[\w-]+"$/);

    // The legend names each colour in words and counts it: the ranking's rating of Dân Tiến is among them.
    const rating = (await overview.communeCells('Dân Tiến'))[2]!;
    expect(['Xanh', 'Vàng', 'Đỏ']).toContain(rating);
    const legend = admin.getByTestId('locality-map-legend');
    expect(await legend.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Xanh \(\d+\)$/),
      expect.stringMatching(/^Vàng \(\d+\)$/),
      expect.stringMatching(/^Đỏ \(\d+\)$/),
      expect.stringMatching(/^Chờ duyệt \(\d+\)$/),
      expect.stringMatching(/^Chưa đánh giá \(\d+\)$/),
    ]);
    const ratedCount = Number(
      /\((\d+)\)/.exec((await legend.getByText(new RegExp(`^${rating} \\(`)).textContent()) ?? '')![1],
    );
    expect(ratedCount).toBeGreaterThanOrEqual(1);
    // Every commune of the register has its boundary: nothing listed as missing.
    expect(await admin.getByTestId('locality-map-unjoined').count()).toBe(0);
    const label = await admin.getByTestId('locality-map').getAttribute('aria-label');
    expect(label).toMatch(/^Bản đồ xếp loại 92 địa phương của Thái Nguyên: /);

    // The map's pixel at Dân Tiến has the rating's colour.
    const point = await pointOf(admin, DAN_TIEN);
    const expectedFill = { Xanh: [0x52, 0xc4, 0x1a], Vàng: [0xfa, 0xdb, 0x14], Đỏ: [0xf5, 0x22, 0x2d] }[
      rating
    ]!;
    const shot = await admin.screenshot({ clip: { x: point.x - 6, y: point.y - 6, width: 13, height: 13 } });
    expect(await hasColourNear(admin, shot, expectedFill)).toBe(true);

    // Hovering shows its name, rating and what a click does.
    await admin.mouse.move(point.x, point.y);
    const tooltip = admin.getByText('Bấm để mở bảng điều hành');
    await tooltip.waitFor();
    const tip = await tooltip.locator('..').textContent();
    expect(tip).toContain('Dân Tiến');
    expect(tip).toContain(rating);
    await save(admin, 'map-province');

    await admin.mouse.click(point.x, point.y);
    await admin.getByRole('heading', { name: 'Bảng điều hành · Dân Tiến' }).waitFor();
    expect(new URL(admin.url()).pathname).toMatch(/^\/plans\/[0-9a-f-]{36}\/dashboard$/);
  });

  it('[MAP]: the filter greys out the communes it leaves out, and the page with the map passes axe-core', async () => {
    const overview = new OverviewPage(admin);
    await overview.openFromDashboards('Thái Nguyên');
    const rating = (await overview.communeCells('Dân Tiến'))[2]!;
    await overview.filterColour(rating);
    await admin.getByTestId('overview-shown').getByText('Đang hiện 1/92 địa phương').waitFor();
    const legend = admin.getByTestId('locality-map-legend');
    await legend.getByText('Ngoài bộ lọc (91)').waitFor();
    await legend.getByText(`${rating} (1)`).waitFor();
    await mapOf(admin);
    const violations = await axeViolations(admin);
    expect(violations.length, `\n${describeViolations('overview with the map', violations)}\n`).toBe(0);
  });

  it("[MAP]: the nation's map shows the provinces, and a click on Thái Nguyên opens its overview", async () => {
    const overview = new OverviewPage(admin);
    fetched.length = 0;
    await overview.openFromDashboards('Việt Nam');
    await mapOf(admin);
    expect([...new Set(fetched)]).toEqual(['/api/v1/boundaries/provinces']);
    expect(await admin.getByTestId('locality-map').getAttribute('aria-label')).toMatch(
      /^Bản đồ xếp loại 34 địa phương của Việt Nam: /,
    );
    const point = await pointOf(admin, THAI_NGUYEN);
    await admin.mouse.move(point.x, point.y);
    await admin.getByText('Bấm để mở tổng quan tỉnh, thành phố').waitFor();
    await save(admin, 'map-nation');
    await admin.mouse.click(point.x, point.y);
    await overview.heading('Thái Nguyên').waitFor();
  });

  it('[MAP]: on a 390 px phone the map fits the width', async () => {
    const phone = await env.pageAs('admin', { phone: true });
    phone.setDefaultTimeout(30_000);
    await phone.goto(`/localities/${thaiNguyenId}/overview`);
    await phone.getByRole('heading', { level: 1, name: 'Tổng quan địa bàn · Thái Nguyên' }).waitFor();
    const map = await mapOf(phone);
    const box = (await map.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A tap on Dân Tiến still opens it.
    await save(phone, 'map-phone');
    const point = await pointOf(phone, DAN_TIEN);
    await phone.mouse.click(point.x, point.y);
    await phone.getByRole('heading', { name: 'Bảng điều hành · Dân Tiến' }).waitFor();
    await phone.context().close();
  });
});

/** Whether a small PNG holds a pixel close to the colour (the decal pattern darkens some pixels). */
const hasColourNear = async (page: Page, png: Buffer, rgb: number[]): Promise<boolean> =>
  page.evaluate(
    async ({ data, rgb }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      for (let i = 0; i < pixels.length; i += 4) {
        if (rgb.every((value, k) => Math.abs(pixels[i + k]! - value) <= 12)) return true;
      }
      return false;
    },
    { data: png.toString('base64'), rgb },
  );
