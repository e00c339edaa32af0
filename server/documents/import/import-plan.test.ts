import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ZImportedPlanDraft } from '@core/schemas/import.schemas';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestFolder } from '../../test/test-folder';
import { importPlanFromText, UnreadableDocumentError } from './import-plan';

const SEEDS = resolve(import.meta.dirname, '../../test/fixtures/seeds');
const folder = createTestFolder('import-plan-test-');
const work = folder.path;
afterAll(folder.remove);

/** Scores a draft with the project's scorer, exactly as the benchmark does, and returns "import score". */
const score = (stem: string, draft: unknown): number => {
  const draftPath = join(work, `${stem}.json`);
  writeFileSync(draftPath, JSON.stringify(draft));
  const output = execFileSync(
    process.execPath,
    [join(SEEDS, 'score.mjs'), join(SEEDS, `${stem}.gold.json`), draftPath],
    {
      encoding: 'utf8',
    },
  );
  return Number(/import score:\s*([\d.]+)/.exec(output.trim().split('\n').at(-1) ?? '')?.[1]);
};

describe('importPlanFromText on the seed documents', () => {
  // Targets from the task brief. 000 is the OCR copy of 002 without diacritics; its appendix table
  // comes out with the columns interleaved line by line and is rebuilt by `ocr-table.ts`.
  it.each([
    ['002_fd7da9144eb7c425', 95],
    ['004_f65c0da7dbd96e8d', 95],
    ['000_bd3d5bbc84b55fc1', 90],
  ])('%s scores at least %i', (stem, threshold) => {
    const draft = importPlanFromText(readFileSync(join(SEEDS, `${stem}.txt`)), `${stem}.txt`);
    expect(ZImportedPlanDraft.safeParse(draft).success).toBe(true);
    expect(score(stem, draft)).toBeGreaterThanOrEqual(threshold);
  });
});

describe('importPlanFromText on a party-committee plan with delimited tables', () => {
  const draft = importPlanFromText(
    readFileSync(join(import.meta.dirname, '__fixtures__/dang-uy-tan-lap.txt')),
  );

  it('matches the draft schema', () => {
    expect(ZImportedPlanDraft.parse(draft)).toEqual(draft);
  });

  it('reads the header', () => {
    expect(draft.plan).toEqual({
      number: '15-KH/ĐU',
      issuer: 'Đảng ủy xã Tân Lập',
      issuerKind: 'party',
      locality: { name: 'Tân Lập', level: 'xã', province: 'Lâm Hà' },
      issuedDate: '2026-03-12',
      title:
        'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
      signer: { name: 'Lê Văn Hùng', position: 'Bí thư' },
      basis: [
        { number: '57-NQ/TW', date: '2024-12-22', issuer: 'Bộ Chính trị' },
        { number: '20-CTr/TU', date: '2025-02-05', issuer: 'Ban Thường vụ Tỉnh ủy' },
      ],
      replaces: [{ number: '03-KH/ĐU', date: '2025-04-10' }],
      standingAgency: 'Văn phòng Đảng ủy',
      reporting: [{ frequency: 'quarterly', due: null, to: 'Đảng ủy xã (qua Văn phòng Đảng ủy)' }],
    });
  });

  it('reads the indicator table whose columns are in another order', () => {
    expect(draft.indicators.map(({ review: _review, ...indicator }) => indicator)).toEqual([
      {
        code: 'I.1',
        group: 'Chính quyền số',
        name: 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến',
        unit: '%',
        targets: [
          { year: 2026, raw: '80% - 90%', op: 'range', value: [80, 90] },
          { year: 2027, raw: '≥ 92%', op: '>=', value: 92 },
          { year: 2028, raw: '95%', op: '>=', value: 95 },
        ],
        baselineYear: null,
        lead: 'Trung tâm Phục vụ hành chính công',
        executor: null,
        coordinating: ['Công an xã', 'Văn phòng HĐND và UBND'],
        leader: null,
        evidence: null,
        catalogCode: 'CDS.TTHC.HO_SO_TRUC_TUYEN',
      },
      {
        code: 'I.2',
        group: 'Chính quyền số',
        name: 'Xếp hạng chỉ số chuyển đổi số của xã trong tỉnh',
        unit: 'thứ bậc',
        targets: [
          { year: 2026, raw: '≤ 10', op: '<=', value: 10 },
          { year: 2027, raw: '≤ 8', op: '<=', value: 8 },
          { year: 2028, raw: 'Duy trì', op: 'qualitative', value: null },
        ],
        baselineYear: null,
        lead: 'Văn phòng Đảng ủy',
        executor: null,
        coordinating: ['Phòng Văn hóa - Xã hội'],
        leader: null,
        evidence: null,
        catalogCode: 'CDS.CQS.XEP_HANG_DTI',
      },
      {
        code: 'II.1',
        group: 'Xã hội số',
        name: 'Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)',
        unit: '%',
        targets: [
          { year: 2026, raw: '85%', op: '>=', value: 85 },
          { year: 2027, raw: '90%', op: '>=', value: 90 },
        ],
        baselineYear: null,
        lead: 'Công an xã',
        executor: null,
        coordinating: ['Tổ công nghệ số cộng đồng'],
        leader: null,
        evidence: null,
        catalogCode: 'CDS.XHS.TAI_KHOAN_DINH_DANH_DIEN_TU',
      },
    ]);
  });

  it('reads the task table, including a "Hàng quý" deadline', () => {
    expect(draft.tasks.map(({ review: _review, ...task }) => task)).toEqual([
      {
        code: 'I.1',
        group: 'Nâng cao nhận thức',
        name: 'Tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW',
        lead: 'Ban Tuyên giáo Đảng ủy',
        coordinating: ['Các chi bộ'],
        leader: null,
        output: 'Hội nghị',
        deadlineRaw: 'Tháng 4/2026',
        deadline: { kind: 'by', date: '2026-04-30' },
      },
      {
        code: 'I.2',
        group: 'Nâng cao nhận thức',
        name: 'Kiểm tra, đánh giá việc thực hiện Kế hoạch',
        lead: 'Ủy ban kiểm tra Đảng ủy',
        coordinating: ['Văn phòng Đảng ủy'],
        leader: null,
        output: 'Báo cáo',
        deadlineRaw: 'Hàng quý',
        deadline: { kind: 'recurring', every: 'quarter' },
      },
      {
        code: 'II.1',
        group: 'Chuyển đổi số trong cơ quan Đảng',
        name: 'Triển khai phần mềm quản lý văn bản, hồ sơ công việc',
        lead: 'Văn phòng Đảng ủy',
        coordinating: ['UBND xã'],
        leader: null,
        output: 'Phần mềm được đưa vào sử dụng',
        deadlineRaw: 'Quý III/2026',
        deadline: { kind: 'by', date: '2026-09-30' },
      },
    ]);
  });
});

describe('importPlanFromText refuses what is not a plan', () => {
  it.each([
    ['an empty text', ''],
    ['binary bytes', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])],
    ['a text that is not a plan', 'Danh sách mua sắm\nGạo\nMuối\nNước mắm'],
  ])('throws UnreadableDocumentError for %s', (_label, input) => {
    expect(() => importPlanFromText(input)).toThrow(UnreadableDocumentError);
  });
});
