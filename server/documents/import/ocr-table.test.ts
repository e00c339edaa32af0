import { describe, expect, it } from 'vitest';
import { extractIndicatorsFromOcrTable, parseLine, readGluedPercent } from './ocr-table';

describe('readGluedPercent', () => {
  it.each([
    ['7005', 70],
    ['1000', 100],
    ['8506', 85],
    ['950', 95],
    ['85', 85],
    ['1997', null],
    ['4321', null],
  ])('%s → %s', (digits, value) => {
    expect(readGluedPercent(digits)).toBe(value);
  });
});

describe('parseLine', () => {
  it('separates the name slice, the value cells and the unit slice of an OCR line', () => {
    const line = parseLine('4 tiep can dich vu\t>75% 8o% 9005\tPhong Van hoa - Xa hoi', 0, '4');
    expect(line.name).toBe('tiep can dich vu');
    expect(
      line.cells.map((cell) => (cell.kind === 'number' ? `${cell.op}${cell.value}` : cell.kind)),
    ).toEqual(['>75', '80', '90']);
    expect(line.units).toBe('Phong Van hoa - Xa hoi');
  });

  it('reads "Duy tri" words as cells waiting for a figure', () => {
    const line = parseLine('noi mang 100% Duytri\tDuy tri Trung tam HCC', 0, null);
    expect(line.cells.map((cell) => cell.kind)).toEqual(['number', 'keep', 'keep']);
  });
});

describe('extractIndicatorsFromOcrTable', () => {
  // A made-up appendix whose OCR interleaves the columns line by line.
  const lines = [
    'PHU LUC 1',
    'Stt\tChi tiéu / Moc thoi gian 2027 2028\tDon vi chu tri Don vi phoi hop',
    '2026 quan thuc hién',
    '(Co s6)',
    'I [Chinh quyen so',
    'Ho so thu tuc hanh chinh Cong an xa;',
    '1 xu ly truc tuyén >70% 8005 1000\tTrung tdm HCC\tVan phong HDND',
    'Nguoi dan co tai khoan',
    '2 (dinh danh dién tir 60% Duytri\tDuytri\tCong an xa\tTrung tam HCC',
    '(VNelD) 70% 70%',
    'Il [Kinh te so',
    'Khuyén khich doanh nghiép Phong Kinh té,',
    '1 ung dung cong nghé so Tang cuong Mo rong Ha tang va Do thi',
  ];
  const indicators = extractIndicatorsFromOcrTable(lines, 0);

  it('finds every row under its roman group, with catalog names', () => {
    expect(indicators.map((indicator) => [indicator.code, indicator.name])).toEqual([
      ['I.1', 'Hồ sơ thủ tục hành chính xử lý trực tuyến'],
      ['I.2', 'Người dân có tài khoản định danh điện tử (VNeID)'],
      ['II.1', 'Doanh nghiệp ứng dụng công nghệ số'],
    ]);
  });

  it('reads the targets, filling "Duy trì" cells from the figures printed below them', () => {
    const targets = indicators.map((indicator) =>
      indicator.targets.map((target) => `${target.year}:${target.op}${target.value ?? ''}`),
    );
    expect(targets[0]).toEqual(['2026:>=70', '2027:>=80', '2028:>=100']);
    expect(targets[1]).toEqual(['2026:>=60', '2027:>=70', '2028:>=70']);
    expect(targets[2]).toEqual(['2026:qualitative', '2027:qualitative', '2028:qualitative']);
    expect(indicators[0]?.baselineYear).toBe(2026);
  });

  it('matches the leads against generic unit names and flags every row for review', () => {
    expect(indicators.map((indicator) => indicator.lead)).toEqual([
      'Trung tâm HCC',
      'Công an xã',
      'Phòng Kinh tế, Hạ tầng và Đô thị',
    ]);
    expect(indicators.every((indicator) => indicator.review?.confident === false)).toBe(true);
  });

  it('finds nothing without an indicator table header', () => {
    expect(extractIndicatorsFromOcrTable(['PHU LUC 1', 'Noi dung khac'], 0)).toEqual([]);
  });
});
