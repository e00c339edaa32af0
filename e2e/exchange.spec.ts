import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth';
import { useAppInBrowser } from './support/suite';

describe('[EXCHANGE] submission package, province import, API keys, signing keys', () => {
  const env = useAppInBrowser();
  let officer: Page;
  let admin: Page;
  let periodId: string;
  let packagePath: string;
  const localityIds = {} as Record<'thaiNguyen' | 'danTien', string>;

  beforeAll(async () => {
    officer = await env.pageAs('dantien.vhxh');
    admin = await env.pageAs(null);
    // The administrator brings Dân Tiến's report of the current period to "approved" through the API.
    const request = admin.context().request;
    const csrf = await signIn(admin.context(), 'admin');
    const headers = { 'x-csrf-token': csrf };
    const plans = (await (await request.get('/api/v1/plans')).json()).data as Array<{
      id: string;
      localityName: string;
    }>;
    const planId = plans.find((row) => row.localityName === 'Dân Tiến')!.id;
    periodId = (await (await request.get(`/api/v1/plans/${planId}/dashboard`)).json()).data.period.id;
    const saved = (
      await (
        await request.put(`/api/v1/reporting-periods/${periodId}/consolidated-report`, {
          data: { revision: 0, narrative: 'Đánh giá chung' },
          headers,
        })
      ).json()
    ).data;
    const sent = (
      await (
        await request.post(`/api/v1/consolidated-reports/${saved.id}/send`, {
          data: { revision: saved.revision },
          headers,
        })
      ).json()
    ).data;
    const approved = await request.post(`/api/v1/consolidated-reports/${saved.id}/approve`, {
      data: { revision: sent.revision },
      headers,
    });
    expect(approved.ok()).toBe(true);
    // Found by official code through the list's search, as the list is paged.
    const byCode = async (code: string) =>
      (
        (await (await request.get(`/api/v1/localities?q=${code}`)).json()).data as Array<{
          id: string;
          code: string;
        }>
      ).find((row) => row.code === code)!.id;
    localityIds.thaiNguyen = await byCode('19');
    localityIds.danTien = await byCode('05755');
  });

  it('[EXCHANGE]: the commune downloads the package of its approved report', async () => {
    await officer.goto(`/reporting-periods/${periodId}/consolidated`);
    const button = officer.getByRole('button', { name: 'Tải gói gửi cấp trên' });
    // The package holds the PDF: LibreOffice converts the report for real, slowly the first time.
    const [response, download] = await Promise.all([
      officer.waitForResponse((answer) => answer.url().includes('/submission-package.zip'), {
        timeout: 80_000,
      }),
      officer.waitForEvent('download', { timeout: 80_000 }),
      button.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(download.suggestedFilename()).toMatch(/^goi-bao-cao-05755-.*-v1\.zip$/);
    packagePath = (await download.path())!;
    const entries = unzipSync(new Uint8Array(await readFile(packagePath)));
    expect(JSON.parse(strFromU8(entries['figures.json']!)).locality.code).toBe('05755');
    expect(strFromU8(entries['bao-cao-tong-hop.pdf']!.subarray(0, 5))).toBe('%PDF-');
    // Signed with this system's key, whose fingerprint the commune sends to the province.
    const signature = JSON.parse(strFromU8(entries['signature.json']!));
    await officer.getByRole('button', { name: 'Khóa ký gói' }).click();
    const fingerprint = officer.getByTestId('instance-key-fingerprint');
    await fingerprint.filter({ hasText: signature.keyFingerprint.slice(0, 4) }).waitFor();
    expect(((await fingerprint.textContent()) ?? '').replace(/\s/g, '')).toBe(signature.keyFingerprint);
    await officer.getByText('-----BEGIN PUBLIC KEY-----', { exact: false }).waitFor();
  });

  it('[EXCHANGE]: the province imports it once, sees the figures, and is told when it comes again', async () => {
    await admin.goto(`/localities/${localityIds.thaiNguyen}/overview`);
    const card = admin.locator('.ant-card').filter({ hasText: 'Gói báo cáo nhận từ xã, phường' });
    await card.waitFor();
    await card.locator('input[type=file]').setInputFiles(packagePath);
    await admin.getByText(/Đã nhận gói báo cáo của xã Dân Tiến/).waitFor();
    const row = card.getByRole('row').filter({ hasText: 'Dân Tiến (05755)' });
    await row.waitFor();
    await row.getByRole('button').first().click();
    await card.getByRole('columnheader', { name: 'Mã chỉ tiêu' }).waitFor();
    await card.locator('input[type=file]').setInputFiles(packagePath);
    await admin.getByText(/đã được nhận trước đó; không có gì thay đổi/).waitFor();
    // The ranking of the province's communes says which sent their package for the year; Dân Tiến now
    // counts once, from the approved figures it sent, instead of its plan on this instance.
    await admin.reload();
    const ranked = admin
      .getByRole('row')
      .filter({ hasText: 'Dân Tiến' })
      .filter({ hasText: 'Số liệu từ gói báo cáo Năm 2026' });
    await ranked.getByText('Đã nhận gói: Năm 2026').waitFor();
    await ranked.getByText(/thay cho 1 kế hoạch của xã trên hệ thống này/).waitFor();
  });

  it('[EXCHANGE]: an administrator issues an API key, shown once', async () => {
    await admin.goto(`/localities/${localityIds.danTien}/units`);
    const card = admin.locator('.ant-card').filter({ hasText: 'Khóa API cho hệ thống kết nối' });
    await card.getByLabel('Tên kết nối').fill('Hệ thống của xã');
    await card.getByRole('button', { name: 'Cấp khóa' }).click();
    await card.getByText('Hãy sao chép khóa này ngay').waitFor();
    expect(await card.getByText(/^ltk_/).count()).toBeGreaterThan(0);
    await card.getByRole('row').filter({ hasText: 'Hệ thống của xã' }).waitFor();
  });

  it("[EXCHANGE]: the province's administrator registers a commune system's public key", async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const fingerprint = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');
    await admin.goto(`/localities/${localityIds.danTien}/units`);
    const card = admin.locator('.ant-card').filter({ hasText: 'Khóa ký gói của hệ thống xã' });
    await card.getByLabel('Tên hệ thống của xã').fill('Hệ thống xã Dân Tiến');
    await card.getByLabel('Khóa công khai (PEM)').fill(pem);
    await card.getByRole('button', { name: 'Đăng ký khóa' }).click();
    const row = card.getByRole('row').filter({ hasText: 'Hệ thống xã Dân Tiến' });
    await row.getByText(fingerprint.slice(0, 4), { exact: false }).waitFor();
    expect(((await row.locator('code').textContent()) ?? '').replace(/\s/g, '')).toBe(fingerprint);
    // Not a key: refused, the field named.
    await card.getByLabel('Tên hệ thống của xã').fill('Khóa hỏng');
    await card.getByLabel('Khóa công khai (PEM)').fill('không phải khóa');
    await card.getByRole('button', { name: 'Đăng ký khóa' }).click();
    await card
      .getByText(/BEGIN PUBLIC KEY/)
      .first()
      .waitFor();
  });
});
