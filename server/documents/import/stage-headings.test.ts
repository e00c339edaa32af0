import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocCell, cell as docCell } from './document-model';
import { importPlanFromDocument } from './import-plan';
import { stageDoubts, stageHeadingInside, stageHeadingYear } from './stage-headings';
import { planDocumentOf } from './test-documents';
import { isStageHeading } from './text-table-rows';

// Generated inputs only: stage runs of any years and steps, headings in every usual wording, case and
// OCR damage, and indicator names made of ordinary words (no seed plan's text).

const run = fc
  .record({
    start: fc.integer({ min: 2021, max: 2035 }),
    step: fc.constantFrom(1, 5, 10),
    count: fc.integer({ min: 3, max: 5 }),
  })
  .map(({ start, step, count }) => Array.from({ length: count }, (_, i) => start + i * step));

type Wording = (year: number, from: number) => string;
/** Stage headings that end in their year, with "đến"/"giai đoạn" (they can stand inside a text). */
const INSIDE_WORDINGS: Wording[] = [
  (y) => `Mục tiêu đến năm ${y}`,
  (y) => `Chỉ tiêu đến năm ${y}`,
  (y) => `Đến năm ${y}`,
  (y) => `Đến hết năm ${y}`,
  (y, from) => `Giai đoạn ${from}–${y}`,
  (y, from) => `Giai đoạn ${from} - ${y}`,
];
const WORDINGS: Wording[] = [
  ...INSIDE_WORDINGS,
  (y) => `Năm ${y}`,
  (y, from) => `Mục tiêu giai đoạn ${from}-${y}`,
];

const damageYear = (text: string, year: number, how: number): string => {
  const printed = String(year);
  const damaged = how === 1 ? printed.replace('0', 'O') : how === 2 ? printed.replace(/1/g, 'l') : printed;
  const at = text.lastIndexOf(printed);
  return at < 0 ? text : text.slice(0, at) + damaged + text.slice(at + printed.length);
};

/** A heading as printed and OCR'd: its case, a year with letters, words reordered, a speck. */
const printedHeading = (inside: boolean) =>
  fc
    .record({
      year: fc.integer({ min: 2031, max: 2059 }),
      span: fc.integer({ min: 1, max: 10 }),
      wording: fc.nat({ max: (inside ? INSIDE_WORDINGS : WORDINGS).length - 1 }),
      kase: fc.constantFrom('as', 'lower', 'upper'),
      yearDamage: fc.integer({ min: 0, max: 2 }),
      reorder: inside ? fc.constant(false) : fc.boolean(),
      speck: inside ? fc.constant('') : fc.constantFrom('', ' i', ' .', " '", ' ả'),
    })
    .map(({ year, span, wording, kase, yearDamage, reorder, speck }) => {
      let text = (inside ? INSIDE_WORDINGS : WORDINGS)[wording]?.(year, year - span) ?? '';
      text = kase === 'lower' ? text.toLowerCase() : kase === 'upper' ? text.toUpperCase() : text;
      text = damageYear(text, year, yearDamage);
      if (reorder) {
        const words = text.split(' ');
        text = [...words.slice(2), 'i', ...words.slice(0, 2)].join(' ');
      }
      return { year, text: `${text}${speck}` };
    });

const NAME_WORDS = [
  'Tỷ lệ',
  'hộ gia đình',
  'sử dụng',
  'dịch vụ công',
  'trực tuyến',
  'đạt chuẩn',
  'trên địa bàn',
  'được số hóa',
  'người dân',
  'cán bộ',
  'kỹ năng số',
  'thôn, tổ dân phố',
  'có điện thoại thông minh',
];
const indicatorName = fc
  .array(fc.constantFrom(...NAME_WORDS), { minLength: 2, maxLength: 7 })
  .map((words) => words.join(' ').replace(/^./, (c) => c.toUpperCase()));

describe('stage headings read whatever their wording, case or OCR damage', () => {
  it('gives the year of every generated heading (any years, "Giai đoạn a–b", lower case, "2O30", words reordered, specks)', () => {
    fc.assert(
      fc.property(printedHeading(false), ({ year, text }) => {
        expect(stageHeadingYear(text)).toBe(year);
        expect(isStageHeading(text)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never takes an indicator name for a heading, even one that names a year', () => {
    fc.assert(
      fc.property(indicatorName, printedHeading(true), fc.boolean(), (name, heading, after) => {
        const text = after ? `${name} ${heading.text.toLowerCase()}` : name;
        expect(stageHeadingYear(text)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('finds a heading glued onto the end of a name, and tells it from a name that goes on after a year', () => {
    fc.assert(
      fc.property(indicatorName, printedHeading(true), indicatorName, (name, heading, more) => {
        const glued = stageHeadingInside(`${name} ${heading.text}`);
        expect(glued).toEqual({ index: name.length + 1, year: heading.year, tailOnly: true });
        const inName = stageHeadingInside(`${name} ${heading.text} ${more.toLowerCase()}`);
        expect(inName?.tailOnly).toBe(false);
        expect(stageHeadingInside(heading.text)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('stage headings seen against the stage rows read', () => {
  it('finds no doubt in an even run of headings, each seen once', () => {
    fc.assert(
      fc.property(run, (years) => {
        expect(stageDoubts(years, new Set()).size).toBe(0);
      }),
    );
  });

  it('doubts the stage before a heading missing from the run, not a far last stage', () => {
    fc.assert(
      fc.property(
        run.filter((years) => years.length >= 4),
        fc.nat(),
        (years, pick) => {
          const lost = 1 + (pick % (years.length - 3));
          const seen = years.filter((_, i) => i !== lost);
          const doubts = stageDoubts(seen, new Set());
          expect([...doubts.keys()]).toEqual([years[lost - 1]]);
          expect(doubts.get(years[lost - 1] as number)).toContain(String(years[lost]));
          // The last step alone longer (2025, 2030, 2045: a far vision year) is no doubt.
          const vision = [...years.slice(0, -1), (years.at(-1) as number) + 10];
          expect(stageDoubts(vision, new Set()).size).toBe(0);
        },
      ),
    );
  });

  it('doubts a stage in which an indicator had two rows, and a heading seen twice or out of order', () => {
    fc.assert(
      fc.property(run, fc.nat(), (years, pick) => {
        const year = years[pick % years.length] as number;
        expect([...stageDoubts(years, new Set([year])).keys()]).toEqual([year]);
        const again = [...years, year];
        expect(stageDoubts(again, new Set()).has(year)).toBe(true);
      }),
    );
  });
});

const PREAMBLE = ['ỦY BAN NHÂN DÂN XÃ AN PHÚ', 'Số: 12/KH-UBND', 'KẾ HOẠCH', 'Thực hiện chuyển đổi số'];
const recognised = (rows: DocCell[][]) => planDocumentOf('ocr', [{ kind: 'table', rows }], PREAMBLE);
const row = (...texts: string[]) => texts.map((text) => docCell(text));
const HEADER = row('TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì');
const LEAD = 'Văn phòng HĐND và UBND xã';

/** Two distinct generated names. */
const twoNames = fc
  .tuple(indicatorName, indicatorName)
  .filter(([a, b]) => a.toLowerCase() !== b.toLowerCase() && !a.includes(b) && !b.includes(a));

describe('a recognised stage table whose stage heading OCR damaged or glued into the row above', () => {
  it('opens the stage at a heading OCR printed in lower case or reordered, instead of gluing it to the row above', () => {
    fc.assert(
      fc.property(twoNames, printedHeading(false), ([a, b], heading) => {
        const first = heading.year - 5;
        const draft = importPlanFromDocument(
          recognised([
            HEADER,
            [docCell(`Mục tiêu đến năm ${first}`, 5)],
            row('1', a, '%', '60', LEAD),
            row('2', b, '%', '70', LEAD),
            [docCell(heading.text.toLowerCase(), 5)],
            row('3', a, '%', '80', LEAD),
            row('4', b, '%', '90', LEAD),
          ]),
        );
        expect(draft.indicators.map((i) => [i.name, i.targets.map((t) => [t.year, t.value])])).toEqual([
          [
            a,
            [
              [first, 60],
              [heading.year, 80],
            ],
          ],
          [
            b,
            [
              [first, 70],
              [heading.year, 90],
            ],
          ],
        ]);
      }),
      { numRuns: 25 },
    );
  });

  it("cuts a heading glued onto a row's name and value, opens its stage after that row, and never calls that row certain", () => {
    fc.assert(
      fc.property(twoNames, printedHeading(true), ([a, b], heading) => {
        const first = heading.year - 5;
        const draft = importPlanFromDocument(
          recognised([
            HEADER,
            [docCell(`Mục tiêu đến năm ${first}`, 5)],
            row('1', a, '%', '60', LEAD),
            row('2', `${b} ${heading.text}`, '%', `70 ${heading.text}`, LEAD),
            row('3', a, '%', '80', LEAD),
            row('4', b, '%', '90', LEAD),
          ]),
        );
        expect(draft.indicators.map((i) => [i.name, i.targets.map((t) => [t.year, t.value])])).toEqual([
          [
            a,
            [
              [first, 60],
              [heading.year, 80],
            ],
          ],
          [
            b,
            [
              [first, 70],
              [heading.year, 90],
            ],
          ],
        ]);
        expect(draft.indicators[1]?.review?.confident).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it('certifies no value of a stage whose rows show a heading was lost (an indicator twice in one stage)', () => {
    fc.assert(
      fc.property(twoNames, indicatorName, ([a, b], c) => {
        fc.pre(![a, b].some((name) => name.toLowerCase() === c.toLowerCase()));
        const draft = importPlanFromDocument(
          recognised([
            HEADER,
            [docCell('Mục tiêu đến năm 2025', 5)],
            row('1', a, '%', '60', LEAD),
            row('2', b, '%', '70', LEAD),
            // "Mục tiêu đến năm 2030" not read: its rows stay in 2025.
            row('3', a, '%', '80', LEAD),
            row('4', c, '%', '90', LEAD),
          ]),
        );
        for (const indicator of draft.indicators)
          if (indicator.targets.some((t) => t.year === 2025)) expect(indicator.review?.confident).toBe(false);
      }),
      { numRuns: 25 },
    );
  });
});
