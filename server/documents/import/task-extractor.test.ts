import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell as docCell } from './document-model';
import { importPlanFromDocument } from './import-plan';
import {
  cutDoubts,
  extractTasksFromBullets,
  findLead,
  findPartners,
  readQuarter,
  repairQuarter,
  splitItemFields,
  toDeadline,
} from './task-extractor';
import { planDocumentOf } from './test-documents';

describe('repairQuarter', () => {
  it.each([
    ['Trong Quy 1V/2025', 'Trong Quý IV/2025'],
    ['Quy 11/2028', 'Quý II/2028'],
    ['Trong Quy I11/2028', 'Trong Quý III/2028'],
    ['Trong Quy 11112030 dat 10%', 'Trong Quý III/2030 dat 10%'],
    ['Quý I/2030', 'Quý I/2030'],
    ['Cuý 1/2030', 'Quý I/2030'],
    ['Trong Qu;; IV/2025', 'Trong Quý IV/2025'],
    ["Trong Qu'? 1/2028", 'Trong Quý I/2028'],
    ['QUÝ II/2027', 'QUÝ II/2027'],
    // Not a quarter: a month written with a date, and a word that only ends like one.
    ['Tháng 1/2030', 'Tháng 1/2030'],
    ['Cúp 1/2030', 'Cúp 1/2030'],
  ])('%s → %s', (raw, expected) => {
    expect(repairQuarter(raw)).toBe(expected);
  });
});

describe('readQuarter: a quarter read from damaged letters is a guess', () => {
  it.each([
    // OCR's usual readings: a lost mark, "1" for "I", as many strokes as printed.
    ['Trong Quy 1V/2025', 'Trong Quý IV/2025', false],
    ['Quy 11/2028', 'Quý II/2028', false],
    ['Quý I/2030', 'Quý I/2030', false],
    // The word damaged beside the numeral: a stroke may have gone into the damage ("Quý III").
    ['Trong Qu! II/2028', 'Trong Quý II/2028', true],
    ['Cuý 1/2030', 'Quý I/2030', true],
    // A stroke too many (the slash read as "1"): one was dropped by guess.
    ['Trong Quy 11112030 dat 10%', 'Trong Quý III/2030 dat 10%', true],
    ['Tháng 1/2030', 'Tháng 1/2030', false],
  ])('%s → %s (guessed: %s)', (raw, text, guessed) => {
    expect(readQuarter(raw)).toEqual({ text, guessed });
  });

  it('leaves a recognised task whose quarter was read by guess uncertain, saying what was printed', () => {
    const row = (...texts: string[]) => texts.map((text) => docCell(text));
    const draft = importPlanFromDocument(
      planDocumentOf('ocr', [
        {
          kind: 'table',
          rows: [
            row('STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'),
            row('1', 'Rà soát thủ tục hành chính', 'Phòng Văn hóa - Xã hội', 'Trong Qu! II/2028'),
            row('2', 'Tập huấn kỹ năng số', 'Công an xã', 'Trong Quý II/2028'),
          ],
        },
      ]),
    );
    expect(draft.tasks.map((task) => [task.deadlineRaw, task.review?.confident])).toEqual([
      ['Trong Quý II/2028', false],
      ['Trong Quý II/2028', true],
    ]);
    expect(draft.tasks[0]?.review?.reasons).toContain(
      'Thời hạn đọc lại từ chữ in không rõ ("Trong Qu! II/2028"), cần đối chiếu bản gốc',
    );
  });
});

describe('toDeadline', () => {
  it.each([
    ['Trong Quý IV/2025', { kind: 'by', date: '2025-12-31' }],
    ['Hàng quý', { kind: 'recurring', every: 'quarter' }],
    ['Hằng năm', { kind: 'recurring', every: 'year' }],
    ['Thường xuyên', { kind: 'ongoing' }],
    ['Theo lộ trình tại Phụ lục I', { kind: 'schedule' }],
    [null, null],
  ])('%s', (raw, expected) => {
    expect(toDeadline(raw)).toEqual(expected);
  });
});

describe('findPartners', () => {
  it.each([
    ['Rà soát. Phối hợp doanh nghiệp viễn thông rà soát, lắp đặt cáp quang', ['Doanh nghiệp viễn thông']],
    [
      'Phối hợp thực hiện với các trường học trên địa bàn xã giải pháp tăng cường',
      ['Các trường học trên địa bàn xã'],
    ],
    [
      'Phối hợp với các cơ quan Đảng, Mặt trận Tổ quốc để đảm bảo liên thông',
      ['Các cơ quan Đảng', 'Mặt trận Tổ quốc'],
    ],
    ['Phối hợp rà soát, tháo gỡ các điểm nghẽn', []],
    ['Phối hợp tổ chức thực hiện chương trình đào tạo', []],
  ])('%s', (text, expected) => {
    expect(findPartners(text)).toEqual(expected);
  });
});

describe('findLead', () => {
  it.each([
    ['Phòng Kinh tế chủ trì xây dựng kế hoạch', 'Phòng Kinh tế'],
    [
      'Căn cứ chức năng của xã: Công an xã; phòng Văn hóa - Xã hội; Trạm y tế … xây dựng kế hoạch',
      'Công an xã; phòng Văn hóa - Xã hội; Trạm y tế',
    ],
    ['Tuyên truyền về chuyển đổi số', null],
  ])('%s', (text, expected) => {
    expect(findLead(text)).toBe(expected);
  });
});

describe('extractTasksFromBullets', () => {
  it('applies each deadline line to the bullets above it and keeps the result words as output', () => {
    const tasks = extractTasksFromBullets(
      [
        '1. Hạ tầng số',
        '- Rà soát hạ tầng mạng của các',
        'thôn.',
        'Thời gian hoàn thành: Quý II/2026.',
        '- Lắp đặt trạm phát sóng.',
        '+ Tuyên truyền người dân.',
        'Thời gian thực hiện: Trong Quý IV/2027 đạt trên 60%',
        '2. Nhân lực số',
        '- Hằng năm tổ chức tập huấn kỹ năng số.',
        '- Bồi dưỡng cán bộ.',
      ],
      { ocr: false },
    );
    expect(
      tasks.map(({ group, name, deadlineRaw, deadline, output }) => ({
        group,
        name,
        deadlineRaw,
        deadline,
        output,
      })),
    ).toEqual([
      {
        group: 'Hạ tầng số',
        name: 'Rà soát hạ tầng mạng của các thôn',
        deadlineRaw: 'Quý II/2026',
        deadline: { kind: 'by', date: '2026-06-30' },
        output: null,
      },
      {
        group: 'Hạ tầng số',
        name: 'Lắp đặt trạm phát sóng',
        deadlineRaw: 'Trong Quý IV/2027 đạt trên 60%',
        deadline: { kind: 'by', date: '2027-12-31' },
        output: 'đạt trên 60%',
      },
      {
        group: 'Hạ tầng số',
        name: 'Tuyên truyền người dân',
        deadlineRaw: 'Trong Quý IV/2027 đạt trên 60%',
        deadline: { kind: 'by', date: '2027-12-31' },
        output: 'đạt trên 60%',
      },
      {
        group: 'Nhân lực số',
        name: 'Hằng năm tổ chức tập huấn kỹ năng số',
        deadlineRaw: 'Hằng năm',
        deadline: { kind: 'recurring', every: 'year' },
        output: null,
      },
      { group: 'Nhân lực số', name: 'Bồi dưỡng cán bộ', deadlineRaw: null, deadline: null, output: null },
    ]);
  });
});

describe('labelled fields inside a bullet', () => {
  it('reads the lead, partners and deadline written after the task, on its line or the next', () => {
    const tasks = extractTasksFromBullets(
      [
        'a) Hạ tầng số',
        '- Rà soát hạ tầng viễn thông. Đơn vị chủ trì: Phòng Kinh tế, Hạ tầng và Đô thị. Đơn vị phối hợp: Doanh nghiệp viễn thông; Công an xã. Thời gian hoàn thành: Quý IV/2025.',
        '- Lắp đặt trạm phát sóng 5G.',
        'Cơ quan chủ trì: Văn phòng Đảng ủy. Thời hạn: Hằng năm.',
        '- Tuyên truyền chuyển đổi số.',
        'Thời gian hoàn thành: Năm 2026',
      ],
      { ocr: false },
    );
    expect(tasks.map((t) => [t.group, t.name, t.lead, t.coordinating, t.deadlineRaw])).toEqual([
      [
        'Hạ tầng số',
        'Rà soát hạ tầng viễn thông',
        'Phòng Kinh tế, Hạ tầng và Đô thị',
        ['Doanh nghiệp viễn thông', 'Công an xã'],
        'Quý IV/2025',
      ],
      ['Hạ tầng số', 'Lắp đặt trạm phát sóng 5G', 'Văn phòng Đảng ủy', [], 'Hằng năm'],
      ['Hạ tầng số', 'Tuyên truyền chuyển đổi số', null, [], 'Năm 2026'],
    ]);
    expect(splitItemFields('Số hóa hồ sơ').fields).toEqual({});
  });
});

describe('a task or lead cut where a line broke', () => {
  const AGENCIES = ['Phòng Văn hóa', 'Phòng Kinh tế, Hạ tầng', 'Văn phòng HĐND', 'Công an xã'];
  it('flags a lead ending in a dash, a comma, "&" or "và", and a name of two words or fewer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AGENCIES),
        fc.constantFrom(' -', ' –', ',', ' &', ' và'),
        (lead, cut) => {
          expect(cutDoubts('Tuyên truyền kỹ năng số cho người dân', `${lead}${cut}`)).toHaveLength(1);
          expect(cutDoubts('Tuyên truyền kỹ năng số cho người dân', lead)).toEqual([]);
        },
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom('Xã hội', 'Đô thị', 'hội', 'Hạ tầng'), (rest) => {
        expect(cutDoubts(rest, null)).toHaveLength(1);
      }),
    );
  });

  it('flags a name that opens a bracket it never closes, not one that closes it', () => {
    const cut = 'Hỗ trợ doanh nghiệp chuyển đổi số (ứng dụng hóa đơn điện tử, phần mềm bán hàng, thương';
    expect(cutDoubts(cut, 'Phòng Kinh tế')).toEqual([
      'Tên nhiệm vụ mở ngoặc mà không đóng (có thể bị cắt mất phần cuối), cần kiểm tra lại',
    ]);
    expect(cutDoubts(`${cut} mại điện tử)`, 'Phòng Kinh tế')).toEqual([]);
    expect(cutDoubts('Chuẩn hóa thủ tục (mức độ 3, 4) lên cổng dịch vụ công', 'Phòng Kinh tế')).toEqual([]);
  });
});
