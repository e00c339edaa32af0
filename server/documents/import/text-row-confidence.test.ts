/**
 * Rows of tables known only from text: a row's cells come back whole (a name's line is not glued to
 * the row below, a wrapped line not cut off), and a row one of whose cells failed a check is not
 * certain. Small synthetic tables, one per rule.
 */
import { describe, expect, it } from 'vitest';
import { importedIndicator, importedTask } from '../../test/imported-rows';
import { type DocTable, textDocument } from './document-model';
import { splitItemFields } from './task-extractor';
import { assignCells, tokensOf } from './text-cell-split';
import { reviewTextIndicators, reviewTextTasks } from './text-review';
import { readDamagedYears } from './text-row-markers';
import { FEWER_CELLS } from './text-table-rows';
import { detectTextTables } from './text-tables';
import { catalogSuspects, documentVocabulary, suspectWords } from './word-context';

const tablesOf = (text: string): DocTable[] =>
  detectTextTables(textDocument(text, 'text')).blocks.filter(
    (block): block is DocTable => block.kind === 'table',
  );
const rowsOf = (text: string): string[][] =>
  (tablesOf(text)[0]?.rows ?? []).slice(1).map((row) => row.map((cell) => cell.text));

describe('aligned tables whose numbers sit centred in tall cells', () => {
  it('keeps a name\'s last line ("(VNeID)") with its row when the next row\'s other cells start above its number', () => {
    const grid = [
      'STT   Chỉ tiêu                    Đơn vị tính   Chủ trì          Phối hợp',
      '      Người dân có tài khoản                                     Phòng Văn',
      '1     định danh điện tử           %             Công an xã       hóa - Xã hội;',
      '      (VNeID)                                                    Tổ công nghệ',
      '                                                                 số cộng đồng',
      '                                                Công chức',
      '2     Tỷ lệ người dân sử dụng     %             phụ trách        Công an xã',
      '      chữ ký số                                 lĩnh vực',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const rows = rowsOf(grid);
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['1', 'Người dân có tài khoản định danh điện tử (VNeID)', '%'],
      ['2', 'Tỷ lệ người dân sử dụng chữ ký số', '%'],
    ]);
    expect(rows[1]?.[3]).toBe('Công chức phụ trách lĩnh vực');
  });

  it('keeps a line whose name opens in lower case with the row above, not the row whose number follows', () => {
    const grid = [
      'STT   Chỉ tiêu                    Đơn vị tính   Năm 2025   Năm 2030   Chủ trì',
      '      Dân số trưởng thành tiếp',
      '1     cận dịch vụ số trong y      %             80         100        Phòng Văn hóa -',
      '      tế, giáo dục, bảo                                               Xã hội',
      '      hiểm, giao thông',
      '2     Giao dịch hành chính        %             70         100        Trung tâm HCC',
      '      “phi tiếp xúc”',
      '3     Hồ sơ được số hóa           %             80         100        Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    expect(rowsOf(grid).map((row) => row[1])).toEqual([
      'Dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông',
      'Giao dịch hành chính “phi tiếp xúc”',
      'Hồ sơ được số hóa',
    ]);
  });

  it('keeps a line whose pieces all open in lower case ("tổ dân phố") with the cell above', () => {
    const grid = [
      'STT   Nhiệm vụ                    Cơ quan chủ trì     Thời hạn',
      '      Xây dựng kế hoạch truyền',
      '1     thông của từng ngành, cơ    Phòng Văn hóa;      Thường xuyên',
      '      quan, đơn vị                Các',
      '                                  tổ dân phố',
      '2     Hỗ trợ các trường nâng      Ủy ban MTTQ Việt    Quý II/2028',
      '      cấp hạ tầng mạng            Nam xã',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    expect(rowsOf(grid).map((row) => row[2])).toEqual([
      'Phòng Văn hóa; Các tổ dân phố',
      'Ủy ban MTTQ Việt Nam xã',
    ]);
  });

  it("starts a row above its number when its name goes on in lower case on the number's line", () => {
    // Numbers mostly on their row's first line; row 3's name is centred around its number.
    const grid = [
      'STT   Nhiệm vụ                    Cơ quan chủ trì     Thời hạn',
      '1     Đảm bảo lãnh đạo sử dụng    Văn phòng UBND      Quý I/2028',
      '      chứng thư số cá nhân',
      '2     Đẩy mạnh cấp tài khoản      Công an xã          Quý I/2030',
      '      VNeID cho toàn dân',
      '      Tuyên truyền về tính pháp   Phòng Văn hóa -     Quý III/2030',
      '3     lý và lợi ích của chữ ký    Xã hội',
      '      số cá nhân',
      '4     Giám sát văn bản ký số      Văn phòng UBND      Quý I/2028',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    expect(rowsOf(grid).map((row) => [row[1], row[2]])).toEqual([
      ['Đảm bảo lãnh đạo sử dụng chứng thư số cá nhân', 'Văn phòng UBND'],
      ['Đẩy mạnh cấp tài khoản VNeID cho toàn dân', 'Công an xã'],
      ['Tuyên truyền về tính pháp lý và lợi ích của chữ ký số cá nhân', 'Phòng Văn hóa - Xã hội'],
      ['Giám sát văn bản ký số', 'Văn phòng UBND'],
    ]);
  });
});

describe('a task table printed one cell per line', () => {
  it('keeps figures in a task\'s name ("100% thủ tục … mức độ 3, 4") and reads the deadline from its own line', () => {
    const text = [
      'STT',
      'Nhiệm vụ',
      'Thời gian',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Sản phẩm',
      '1',
      'Rà soát, chuẩn hóa 100% thủ tục hành chính đủ điều kiện lên mức độ 3, 4 (toàn trình)',
      'Trong Quý III/2028',
      'Ủy ban MTTQ Việt Nam xã',
      'Quyết định phê duyệt',
      '2',
      'Tăng cường hướng dẫn người dân nộp hồ sơ trực tuyến',
      'Trong Quý III/2028',
      'Trung tâm HCC',
      'Công an xã',
      'Văn bản hướng dẫn',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const rows = rowsOf(text);
    expect(rows[0]?.slice(1, 4)).toEqual([
      'Rà soát, chuẩn hóa 100% thủ tục hành chính đủ điều kiện lên mức độ 3, 4 (toàn trình)',
      'Trong Quý III/2028',
      'Ủy ban MTTQ Việt Nam xã',
    ]);
  });
});

describe('a row of a "|" table with fewer cells than the header has columns', () => {
  it('is said: where the empty cell was left out cannot be told', () => {
    const text = [
      'STT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2030 | Đơn vị chủ trì | Đơn vị phối hợp',
      '1 | Hồ sơ được số hóa | % | 80% | 100% | Trung tâm HCC | Công an xã',
      '2 | Sử dụng phần mềm quản trị thống nhất | Kịp thời | Duy trì | Văn phòng UBND | Phòng Văn hóa',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const table = tablesOf(text)[0];
    expect(table?.rowReasons?.[1]).toBeUndefined();
    expect(table?.rowReasons?.[2]).toEqual([FEWER_CELLS]);
  });

  it('places each printed cell whole in the column its words fit: the agency in the lead column, the deadline last', () => {
    const text = [
      'STT | Chỉ tiêu | ĐVT | Năm 2025 | Năm 2030 | Năm 2035 | Đơn vị chủ trì | Đơn vị phối hợp',
      '1 | Hồ sơ được số hóa | % | 80 | 90 | 100 | Trung tâm HCC | Công an xã',
      '2 | Giao dịch không dùng tiền mặt | % | ≥ 70 | 100 | Phòng Kinh tế',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const table = tablesOf(text)[0];
    const row = table?.rows[2]?.map((cell) => cell.text);
    // The agency is the lead, never a target; which years the two figures are for cannot be told.
    expect(row?.[6]).toBe('Phòng Kinh tế');
    expect(row?.slice(3, 6).filter(Boolean)).toEqual(['≥ 70', '100']);
    expect(row?.[7]).toBe('');
    expect(table?.rowReasons?.[2]).toEqual([FEWER_CELLS]);

    const tasks = [
      'STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Kết quả đầu ra | Thời hạn hoàn thành',
      '1 | Xây dựng kho dữ liệu dùng chung | Văn phòng UBND | Công an xã | Hệ thống được vận hành | Quý IV/2026',
      '2 | Triển khai nền tảng số đo lường mức độ hoàn thành | Trung tâm phục vụ hành chính công | Hệ thống được vận hành | Quý III/2028',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const taskRow = tablesOf(tasks)[0]?.rows[2]?.map((cell) => cell.text);
    expect(taskRow?.slice(1)).toEqual([
      'Triển khai nền tảng số đo lường mức độ hoàn thành',
      'Trung tâm phục vụ hành chính công',
      '',
      'Hệ thống được vận hành',
      'Quý III/2028',
    ]);
  });
});

describe('dashes in a flowed row', () => {
  const roles = ['name', 'unit', 'value', 'value', 'value', 'lead', 'coordinating'] as const;
  const split = (line: string) => assignCells(tokensOf(line), roles).cells;

  it('reads a lone dash as an empty target, never as the bullet of the agency after it', () => {
    expect(
      split(
        'Giao dịch hành chính thuộc diện phi tiếp xúc   %  ≥ 70  100 -   Trung tâm phục vụ hành chính công',
      ),
    ).toEqual([
      'Giao dịch hành chính thuộc diện phi tiếp xúc',
      '%',
      '≥ 70',
      '100',
      '-',
      'Trung tâm phục vụ hành chính công',
      '',
    ]);
  });

  it('reads a dash after the unit and before more targets as a cell of its own, and keeps a hyphen between words', () => {
    expect(split('Các đô thị vận hành dựa trên dữ liệu  Báo cáo -  - -  Phòng Văn hóa - Xã hội')).toEqual([
      'Các đô thị vận hành dựa trên dữ liệu',
      'Báo cáo',
      '-',
      '-',
      '-',
      'Phòng Văn hóa - Xã hội',
      '',
    ]);
  });
});

describe('a name line that ends in a colon', () => {
  it('goes on with the next line, even when that line opens like an agency', () => {
    const text = [
      'TT',
      'Nhiệm vụ',
      'Đơn vị chủ trì',
      'Thời gian thực hiện',
      '1',
      'Xây dựng kế hoạch truyền thông của các đơn vị thuộc phường:',
      'MTTQ và các đoàn thể của phường; Trung tâm Văn hóa, Thể thao và Truyền thông',
      'theo chức năng, nhiệm vụ được giao',
      'Phòng Văn hóa - Xã hội',
      'Thường xuyên',
      '2',
      'Rà soát hạ tầng nhà văn hóa các tổ dân phố',
      'Phòng Kinh tế',
      'Quý IV/2025',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const rows = rowsOf(text);
    expect(rows[0]?.slice(1)).toEqual([
      'Xây dựng kế hoạch truyền thông của các đơn vị thuộc phường: MTTQ và các đoàn thể của phường; Trung tâm Văn hóa, Thể thao và Truyền thông theo chức năng, nhiệm vụ được giao',
      'Phòng Văn hóa - Xã hội',
      'Thường xuyên',
    ]);
  });
});

describe('readDamagedYears', () => {
  it.each([
    ['Mục tiêu đến năm 2O30', 'Mục tiêu đến năm 2030'],
    ['Đến hết năm 2O3O', 'Đến hết năm 2030'],
    ['Giai đoạn 2O26 - 2O3l', 'Giai đoạn 2026 - 2031'],
    // Not a year once read: left as printed.
    ['Mã 2OOO', 'Mã 2OOO'],
    ['Ô 2O3', 'Ô 2O3'],
    ['Kế hoạch 2Oab', 'Kế hoạch 2Oab'],
  ])('%s → %s', (text, expected) => {
    expect(readDamagedYears(text)).toBe(expected);
  });
});

describe('labelled fields of a task item whose labels OCR damaged', () => {
  it('reads "Thoi gian hoàn thạnh:" and "Đơn vị chu trì:" as labels', () => {
    expect(
      splitItemFields(
        'Vận hành phần mềm quản trị. Đơn vị chu trì: Ủy ban MTTQ Việt Nam xã. Đơn vị phối hợp: Văn phòng UBND. Thoi gian hoàn thạnh: Trong Quý I/2028.',
      ),
    ).toEqual({
      name: 'Vận hành phần mềm quản trị',
      fields: {
        lead: 'Ủy ban MTTQ Việt Nam xã',
        coordinating: 'Văn phòng UBND',
        deadline: 'Trong Quý I/2028',
      },
    });
  });

  it("cuts the printed text where the label stands, whatever the text's normalisation", () => {
    const decomposed = 'Số hóa hồ sơ. Thời hạn: Quý IV/2025'.normalize('NFD');
    expect(splitItemFields(decomposed)).toEqual({
      name: 'Số hóa hồ sơ',
      fields: { deadline: 'Quý IV/2025' },
    });
  });
});

describe('honest confidence of rows read from text', () => {
  const vocabulary = documentVocabulary([
    'Tỷ lệ hồ sơ được số hóa; Trung tâm HCC; Văn phòng UBND; Vận hành phần mềm quản trị.',
  ]);

  it('flags a task whose partner runs on into another field, and keeps a clean one certain', () => {
    const tasks = [
      importedTask({ coordinating: ['Văn phòng UBND. Thoi gian hoàn thạnh: Trong Quý I/2028'] }),
      importedTask({ coordinating: ['Văn phòng UBND'] }),
    ];
    reviewTextTasks(tasks, vocabulary);
    expect(tasks.map((row) => row.review?.confident)).toEqual([false, true]);
    expect(tasks[0]?.review?.reasons.join(' ')).toMatch(/Đơn vị phối hợp/);
  });

  it('flags a word with a mark left over once composed ("cà̂n")', () => {
    expect(suspectWords('Dân số tiếp cà̂n dịch vụ số', vocabulary).map((s) => s.word)).toEqual(['cà̂n']);
  });

  it('flags a name spelt unlike the catalog indicator it matched, beside the same neighbours', () => {
    const catalog = [
      'Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số',
      'Dân số trưởng thành tiếp cận dịch vụ số',
    ];
    expect(catalogSuspects('Dan số trưởng thành tiếp cận dịch vụ số', catalog)).toEqual([
      { word: 'dan', likely: null, maybe: 'dân' },
    ]);
    // The catalog's own spelling, or the same word with its tone placed otherwise: nothing to say.
    expect(catalogSuspects('Dân số trưởng thành tiếp cận dịch vụ số', catalog)).toEqual([]);
    expect(catalogSuspects('Tỷ lệ hộ có hoá đơn', ['Tỷ lệ hộ có hóa đơn'])).toEqual([]);
    // Same letters, other neighbours: another word, not a damaged copy.
    expect(catalogSuspects('Dan ca truyền thống', catalog)).toEqual([]);
  });

  it('flags an indicator row whose name is spelt unlike its catalog indicator', () => {
    const rows = [
      importedIndicator({
        name: 'Người dân co tài khoản định danh điện tử (VNeID)',
        catalogCode: 'CDS.XHS.TAI_KHOAN_DINH_DANH_DIEN_TU',
      }),
      importedIndicator({
        name: 'Người dân có tài khoản định danh điện tử (VNeID)',
        catalogCode: 'CDS.XHS.TAI_KHOAN_DINH_DANH_DIEN_TU',
      }),
    ];
    // Each word printed once in the document: it has no other spelling to compare with.
    reviewTextIndicators(rows, vocabulary);
    expect(rows.map((row) => row.review?.confident)).toEqual([false, true]);
    expect(rows[0]?.review?.reasons.join(' ')).toContain('"co" (có thể là "có")');
    // Only offered: the plan's words are not changed.
    expect(rows[0]?.name).toBe('Người dân co tài khoản định danh điện tử (VNeID)');
  });
});

describe('an aligned table with unnumbered group headings', () => {
  it('reads a heading that opens in the number column and runs into the name column as a group row', () => {
    const text = [
      'STT    Chỉ tiêu                           ĐVT    2025     2030     Cơ quan chủ trì',
      'Phát triển nguồn lực',
      '       Dân số trưởng thành tiếp cận dịch                           Phòng Văn hóa -',
      '1      vụ số trong y tế, giáo dục         %      80       100      Xã hội',
      'Phát triển chuyển đổi số',
      '2      Giao dịch hành chính phi tiếp xúc  %      ≥ 70     100      Trung tâm HCC',
      '3      Hồ sơ được số hóa                  %      ≥ 98     100      Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const rows = tablesOf(text)[0]?.rows.slice(1) ?? [];
    expect(rows.map((row) => row.map((cell) => cell.text).filter(Boolean)[0])).toEqual([
      'Phát triển nguồn lực',
      '1',
      'Phát triển chuyển đổi số',
      '2',
      '3',
    ]);
    expect(rows[1]?.map((cell) => cell.text)).toEqual([
      '1',
      'Dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục',
      '%',
      '80',
      '100',
      'Phòng Văn hóa - Xã hội',
    ]);
  });
});

describe('an aligned table whose numbers sit centred in tall cells, across a page break', () => {
  it('takes a row number alone in its column whatever the name line opens with, and keeps "(3%)" under its value', () => {
    const grid = [
      'STT   Tên chỉ tiêu              ĐVT   2025   2026   Cơ quan chủ trì',
      '      Tỷ lệ chi NSNN cho KHCN                Duy    Phòng Kinh',
      'a     & CĐS (phấn đấu 3%)       %     (3%)   trì    tế, Hạ tầng',
      '- 3 -',
      '                                             (3%)   và Đô thị',
      'b     Cán bộ, công chức bồi     %     ≥ 80%  90%    Văn phòng',
      '      dưỡng kỹ năng số                              HĐND&UBND',
      '      Cán bộ làm chủ kỹ năng',
      'c     số cơ bản trong công      %     80%    90%    Văn phòng',
      '      việc hằng ngày                                HĐND&UBND',
      '      Dân số trưởng thành',
      'd     tiếp cận dịch vụ số       %     80%    85%    Phòng Văn hóa -',
      '      trong y tế                                    Xã hội',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const rows = rowsOf(grid);
    expect(rows.map((row) => row[0])).toEqual(['a', 'b', 'c', 'd']);
    expect(rows[0]).toEqual([
      'a',
      'Tỷ lệ chi NSNN cho KHCN & CĐS (phấn đấu 3%)',
      '%',
      '(3%)',
      'Duy trì (3%)',
      'Phòng Kinh tế, Hạ tầng và Đô thị',
    ]);
    expect(rows[1]).toEqual([
      'b',
      'Cán bộ, công chức bồi dưỡng kỹ năng số',
      '%',
      '≥ 80%',
      '90%',
      'Văn phòng HĐND&UBND',
    ]);
  });
});
