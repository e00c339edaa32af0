import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from './support/suite';

/** Hải Phòng's administrator renames Phường Thành Đông (10507) from 01/11/2026; the app's day is 25/11/2026. */
describe('[LOCALITY-CHANGES] dated changes entered, previewed, then applied by an administrator', () => {
  const env = useAppInBrowser();
  let admin: Page;

  beforeAll(async () => {
    admin = await env.pageAs('haiphong.admin');
  });

  it('[LOCALITY-CHANGES]: a refused list names its change; a rename is previewed, confirmed and shown on the page', async () => {
    await admin.goto('/admin/locality-changes');
    const list = admin.getByLabel('Danh sách thay đổi (JSON)');
    await list.fill(
      JSON.stringify([
        { type: 'rename', code: '10507', name: 'Thành Đông Mới', effectiveDate: '2026-11-01' },
        { type: 'rename', code: 'KHONGCO', name: 'X', effectiveDate: '2026-11-01' },
      ]),
    );
    await admin.getByRole('button', { name: 'Xem trước' }).click();
    await admin
      .getByTestId('changes-refusal')
      .getByText('Thay đổi thứ 2: Không có địa phương mã "KHONGCO"', { exact: false })
      .waitFor();

    // The form writes a simple change into the list.
    await list.fill('');
    await admin.getByLabel('Mã địa phương').fill('10507');
    await admin.getByLabel('Tên mới').fill('Thành Đông Mới');
    const date = admin.getByLabel('Ngày hiệu lực');
    await date.click();
    await date.fill('01/11/2026');
    await date.press('Enter');
    await admin.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    expect(JSON.parse(await list.inputValue())).toEqual({
      changes: [{ type: 'rename', code: '10507', name: 'Thành Đông Mới', effectiveDate: '2026-11-01' }],
    });
    const apply = admin.getByRole('button', { name: 'Ghi các thay đổi' });
    expect(await apply.isDisabled()).toBe(true);
    await admin.getByRole('button', { name: 'Xem trước' }).click();
    const result = admin.getByTestId('change-result');
    await result.getByText('Từ 01/11/2026, phường Thành Đông (mã 10507) là phường Thành Đông Mới').waitFor();
    // Nothing is written by a preview.
    const before = await (await admin.context().request.get('/api/v1/localities?q=10507')).json();
    expect(before.data[0].name).toBe('Thành Đông');

    await apply.click();
    await admin.getByRole('tooltip').getByRole('button', { name: 'Ghi các thay đổi' }).click();
    await admin.getByText('Đã ghi các thay đổi.').waitFor();

    await admin.goto(`/localities/${before.data[0].id}/units`);
    await admin.getByRole('heading', { name: /Thành Đông Mới/ }).waitFor();
    expect(await admin.getByTestId('former-name').allTextContents()).toEqual([
      'Phường Thành Đông (đến 31/10/2026)',
    ]);
  });
});
