/**
 * Documents out, as a unit officer meets them: the plan's Excel download, the unit's Excel template filled
 * offline and sent back (a wrong cell refused and named, then the right file taken into the draft), and the
 * period status from the dashboard.
 */
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInBrowser } from './support/suite';

const DIGITISED = 'Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa';

/** Opens the "Tải xuống" menu and picks `testId`; @returns the browser's download */
const downloadFromMenu = async (page: Page, testId: string): Promise<Download> => {
  await page.getByRole('button', { name: 'Tải xuống' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return download;
};

const workbookOf = async (download: Download) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return workbook;
};

/** Every cell text of a sheet, row by row, for "does it list X" checks. */
const textsOf = (sheet: ExcelJS.Worksheet) => {
  const texts: string[] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      texts.push(String(cell.text));
    });
  });
  return texts;
};

describe('[DOCUMENTS] downloads and the Excel template', () => {
  const env = useAppInBrowser();
  let officer: Page;
  let planId: string;
  let periodId: string;
  let unitId: string;

  beforeAll(async () => {
    officer = await env.pageAs('thanhdong.hcc');
    const plans = (await (await officer.request.get('/api/v1/plans')).json()).data as Array<{
      id: string;
      localityId: string;
      localityName: string;
    }>;
    const plan = plans.find((row) => row.localityName === 'Thành Đông');
    if (!plan) throw new Error('The demo plan of Thành Đông is missing');
    planId = plan.id;
    const periods = (await (await officer.request.get(`/api/v1/plans/${planId}/reporting-periods`)).json())
      .data as Array<{ id: string; key: string }>;
    periodId = periods.find((row) => row.key === '2026')?.id ?? '';
    const units = (await (await officer.request.get(`/api/v1/localities/${plan.localityId}/units`)).json())
      .data as Array<{ id: string; name: string }>;
    unitId = units.find((row) => row.name === 'Trung tâm HCC')?.id ?? '';
  });

  it('[DOCUMENTS]: the plan page downloads the indicator table as Excel', async () => {
    await officer.goto(`/plans/${planId}`);
    const download = await downloadFromMenu(officer, 'download-indicators-xlsx');
    expect(download.suggestedFilename()).toMatch(/^chi-tieu-.+\.xlsx$/);
    const texts = textsOf((await workbookOf(download)).worksheets[0]!);
    expect(texts).toContain(DIGITISED);
    expect(texts).toContain('Năm 2030');
  });

  it('[DOCUMENTS]: the unit fills the Excel template; a wrong cell is named and nothing written, the right file fills the draft', async () => {
    await officer.goto(`/reporting-periods/${periodId}/units/${unitId}`);
    const [templateDownload] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('button', { name: 'Tải biểu mẫu Excel' }).click(),
    ]);
    expect(templateDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = await workbookOf(templateDownload);
    const sheet = workbook.getWorksheet('Chỉ tiêu');
    if (!sheet) throw new Error('The template has no "Chỉ tiêu" sheet');
    let rowNumber = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(3).text === DIGITISED) rowNumber = number;
    });
    expect(rowNumber).toBeGreaterThan(0);

    const send = async (value: string | number) => {
      sheet.getCell(`F${rowNumber}`).value = value;
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const [chooser] = await Promise.all([
        officer.waitForEvent('filechooser'),
        officer.getByTestId('template-upload').click(),
      ]);
      await chooser.setFiles({
        name: 'bieu-mau-hcc.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
    };
    const savedValue = async () => {
      const report = (
        await (
          await officer.request.get(`/api/v1/reporting-periods/${periodId}/units/${unitId}/report`)
        ).json()
      ).data as { indicators: Array<{ name: string; value: number | null }> };
      return report.indicators.find((row) => row.name === DIGITISED)?.value ?? null;
    };

    // Text in a number cell: refused, the cell named, nothing written.
    await send('khoảng 80');
    const problems = officer.getByTestId('template-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain(`ô F${rowNumber}`);
    expect(await savedValue()).toBeNull();

    // The right value: taken into the draft and shown on the form.
    await send(87.5);
    await officer.getByText('Đã nhập số liệu từ biểu mẫu vào bản nháp').waitFor();
    expect(await savedValue()).toBe(87.5);
    expect(await problems.count()).toBe(0);
    const row = officer.getByRole('row').filter({ hasText: DIGITISED }).first();
    await expect.poll(() => row.locator('input').first().inputValue()).toMatch(/^87[,.]5$/);
  });

  it('[DOCUMENTS]: the dashboard downloads the report status of the period', async () => {
    await officer.goto(`/plans/${planId}/dashboard?period=${periodId}`);
    const download = await downloadFromMenu(officer, 'download-status-xlsx');
    const texts = textsOf((await workbookOf(download)).worksheets[0]!);
    expect(texts).toContain('Trung tâm HCC');
    expect(texts.some((text) => text.includes('Đang soạn'))).toBe(true);
  });
});
