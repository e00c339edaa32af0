/**
 * Builds the draft's indicators from the indicator table (Phụ lục chỉ tiêu), or, when the plan has no
 * table, from the quantified bullets of its "Mục tiêu" section.
 *
 * Table rules: the code is the section roman + the printed row number ("II.3"); the group is the
 * section heading (or the "-" group row inside a stage); year columns give one target each (an empty
 * cell or "Chưa có chỉ tiêu" gives none); a stage table ("I. Đến năm 2025" … with one "Kết quả" column)
 * gives one target per row for its stage, and rows with the same name in several stages are one
 * indicator. In an OCR'd copy a ">" before a figure is a "≥" the OCR could not print.
 */
import { parseTarget } from '@core/domain/targets';
import { foldText, normalizeText } from '@core/domain/text';
import type { TImportedIndicator, TImportedTarget } from '@core/schemas/import.schemas';
import { CONFIDENT_MATCH, catalogDifference, matchCatalog } from './catalog-matcher';
import { isAgency, NO_VALUE } from './header-roles';
import { repairText } from './ocr-repair';
import { stageDoubts, stageHeadingInside } from './stage-headings';
import { editDistance, foldOcr } from './structure';
import { type Column, stageYearOf, type Table, type TableRow } from './table-reader';
import { cleanUnit, splitUnits } from './units';

export type IndicatorOptions = {
  /** The text lost its diacritics (OCR): restore names from the catalog, read ">" as "≥". */
  ocr: boolean;
  /**
   * The words were recognised from an image (with their diacritics): read ">" as "≥" (OCR's reading of
   * "≥"), but keep the names as printed — a catalog name is a different indicator when one word differs.
   */
  recognised?: boolean;
  /** The tables are known only from text (flattened lines): a year cell may have been lost. */
  fromText?: boolean;
};

/**
 * Tells whether a table is an indicator table: as decided from its header and rows (grid tables), else
 * from its header (it has year, stage-result or unit columns).
 */
export const isIndicatorTable = (table: Table): boolean =>
  table.kind
    ? table.kind === 'indicators'
    : table.header.columns.some(
        (column) => column.role === 'year' || column.role === 'result' || column.role === 'unit',
      );

/** A cell that says there is no target ("(Chưa có chỉ tiêu 2025)", "-", "—", "x"), folded. */
const NO_TARGET_WORDS = /^\(?\s*(chua co|khong co|khong)\b|^[-–x/]$/;

/** Tells whether a cell says there is no target: empty, a dash of any kind, "x", "Chưa có chỉ tiêu". */
export const isNoTarget = (cell: string): boolean =>
  !cell.trim() || NO_VALUE.test(cell) || NO_TARGET_WORDS.test(foldText(cell));

/** Words a cut name ends with ("Tỷ lệ hộ gia đình có", "… của các"). */
const DANGLING =
  /(^|\s)(và|của|các|cho|trong|được|với|về|tại|theo|từ|để|là|có|những|trên|dưới|đến|hoặc)$|[,;&\-–(]$/iu;

/**
 * Tells whether a name looks cut off (a fragment of a cell read apart from the rest): one word, a
 * lower-case start or a dangling last word.
 *
 * @param name - the name as read
 * @returns true when the name needs a person's eye
 */
export const isFragment = (name: string): boolean => {
  const trimmed = name.trim();
  return trimmed.split(/\s+/).length < 2 || /^\p{Ll}/u.test(trimmed) || DANGLING.test(trimmed);
};

/** Checks every cell of an indicator row; each failed check is a reason to review it. */
const indicatorChecks = (indicator: TImportedIndicator, table: Table, hasStage: boolean): string[] => {
  const reasons: string[] = [];
  if (isFragment(indicator.name)) reasons.push('Tên chỉ tiêu có vẻ chưa đủ (bị cắt hoặc lẫn ô khác)');
  if (indicator.lead && /(?:[-–—,&]|\bvà)\s*$/u.test(indicator.lead))
    reasons.push('Đơn vị chủ trì có vẻ bị cắt ở cuối dòng, cần kiểm tra lại');
  if (!indicator.unit) reasons.push('Không đọc được đơn vị tính');
  for (const target of indicator.targets) {
    if (target.op === 'qualitative' && target.raw && /\d/.test(target.raw))
      reasons.push(`Không đọc được giá trị chỉ tiêu năm ${target.year}`);
  }
  if (!indicator.targets.length && !hasStage) reasons.push('Dòng không có giá trị chỉ tiêu nào');
  if (indicator.lead && !isAgency(indicator.lead)) reasons.push('Đơn vị chủ trì không rõ là cơ quan nào');
  if (table.kindClear === false) reasons.push('Không chắc bảng này là bảng chỉ tiêu');
  return reasons;
};

/**
 * Reads one target cell.
 *
 * @param year - the column's year
 * @param raw - the cell text, null for an empty cell
 * @param ocr - read a leading ">" as "≥"
 * @returns the target in draft shape
 */
export const toTarget = (year: number, raw: string | null, ocr: boolean): TImportedTarget => {
  const printed = raw == null ? null : normalizeText(raw);
  const reading = printed && ocr ? printed.replace(/^>\s*(?=\d)/, '≥ ') : printed;
  const parsed = parseTarget(reading);
  const value =
    parsed.op === 'range' && parsed.value != null && parsed.valueHigh != null
      ? ([parsed.value, parsed.valueHigh] as [number, number])
      : parsed.value;
  return { year, raw: reading || null, op: parsed.op, value };
};

const cellOf = (
  row: Extract<TableRow, { kind: 'row' }>,
  columns: readonly Column[],
  role: Column['role'],
) => {
  const index = columns.findIndex((column) => column.role === role);
  const text = index >= 0 ? (row.cells[index] ?? '').trim() : '';
  return text || null;
};

/** Restores an OCR'd name from the catalog when the match is confident, else from the vocabulary. */
const resolveName = (
  printed: string,
  ocr: boolean,
): { name: string; catalogCode: string | null; reasons: string[]; confident: boolean } => {
  const match = matchCatalog(printed);
  const catalogCode = match && match.score >= CONFIDENT_MATCH ? match.code : null;
  // A name that differs from the catalog text it matched in words of its own may be another indicator
  // the catalog lacks: the code is then only offered, never certain.
  const difference = match && catalogCode ? catalogDifference(printed, match.text) : null;
  const doubt = difference
    ? [
        `Tên chỉ tiêu gần với chỉ tiêu danh mục "${match?.text}" nhưng khác ở ${[...difference.name, ...difference.catalog].map((w) => `"${w}"`).join(', ')}: mã danh mục cần kiểm tra lại`,
      ]
    : [];
  if (!ocr) {
    return {
      name: printed,
      catalogCode,
      confident: !difference,
      reasons: catalogCode ? doubt : ['Chưa khớp với chỉ tiêu chuẩn nào trong danh mục'],
    };
  }
  if (match && match.score >= CONFIDENT_MATCH && !difference) {
    return {
      name: match.text,
      catalogCode: match.code,
      confident: true,
      reasons: ['Tên được khôi phục từ danh mục chỉ tiêu (bản OCR)'],
    };
  }
  const repaired = repairText(printed);
  return {
    name: repaired.text,
    catalogCode,
    confident: false,
    reasons: [...doubt, 'Tên chỉ tiêu bị lỗi nhận dạng (OCR), cần kiểm tra lại'],
  };
};

/**
 * Turns indicator tables into indicators.
 *
 * @param tables - the tables of the document (non-indicator tables are skipped)
 * @param options - OCR handling
 * @returns the indicators in table order
 */
export const extractIndicatorsFromTables = (
  tables: readonly Table[],
  options: IndicatorOptions,
): TImportedIndicator[] => {
  const out: TImportedIndicator[] = [];
  // A stage table runs over pages, and a page whose header OCR damaged is read as a table of its own:
  // the indicators of every stage table are one set (rows with the same name in several stages are one
  // indicator), and a stage table that opens with no stage heading goes on with the stage before it.
  const stageIndicators = new Map<string, TImportedIndicator>();
  let lastStageYear: number | null = null;
  // The stage years as their headings were read, and those in which an indicator had two rows.
  const headingYears: number[] = [];
  const duplicated = new Set<number>();
  for (const table of tables.filter(isIndicatorTable)) {
    const { columns } = table.header;
    const yearColumns = columns.flatMap((column, index) =>
      column.role === 'year' && column.year ? [{ index, year: column.year }] : [],
    );
    const baselineYear = columns.find((column) => column.role === 'year' && column.baseline)?.year ?? null;
    const hasResult = columns.some((column) => column.role === 'result');
    let roman: string | null = null;
    let sectionText: string | null = null;
    let stageYear: number | null = hasResult ? lastStageYear : null;
    let group: string | null = null;
    const byName = hasResult ? stageIndicators : new Map<string, TImportedIndicator>();

    for (const row of table.rows) {
      if (row.kind === 'section') {
        roman = row.roman;
        sectionText = row.text;
        // A section that names a stage opens it; one that does not ("I. Phát triển hạ tầng") is a part of
        // the stage it follows, which keeps its year.
        const year = hasResult ? stageYearOf(row.text) : null;
        if (year) {
          stageYear = year;
          headingYears.push(year);
        }
        group = year ? null : row.text;
        continue;
      }
      if (row.kind === 'group') {
        group = row.text;
        continue;
      }
      let printedName = (cellOf(row, columns, 'name') ?? '').replace(/[.;:]+$/, '').trim();
      if (!printedName) continue;
      // A stage heading glued into the row above it (the rule between them not seen): the row is cut
      // before it when all after it is the heading, and the stage opens after the row; never certain.
      const glued = hasResult ? stageHeadingInside(printedName) : null;
      let nextStageYear: number | null = null;
      if (glued?.tailOnly && glued.year !== stageYear) {
        printedName = printedName.slice(0, glued.index).trim();
        nextStageYear = glued.year;
      }
      const targets: TImportedTarget[] = [];
      for (const { index, year } of yearColumns) {
        const cell = (row.cells[index] ?? '').trim();
        if (isNoTarget(cell)) continue;
        targets.push(toTarget(year, cell, options.ocr || options.recognised === true));
      }
      if (hasResult && stageYear) {
        const printedCell = cellOf(row, columns, 'result');
        const cut = nextStageYear && printedCell ? stageHeadingInside(printedCell) : null;
        const cell = cut?.tailOnly && printedCell ? printedCell.slice(0, cut.index).trim() : printedCell;
        // An empty stage cell read from a grid is no target; from text it may be a value the text lost.
        const empty = cell ? isNoTarget(cell) : table.header.layout === 'grid';
        if (!empty) targets.push(toTarget(stageYear, cell, options.ocr || options.recognised === true));
      }
      // From text, a row with fewer filled year cells than the header has years lost or merged a cell.
      const filledYears = yearColumns.filter(({ index }) => (row.cells[index] ?? '').trim()).length;
      const lostCell = options.fromText === true && filledYears > 0 && filledYears < yearColumns.length;
      const printedUnit = cellOf(row, columns, 'unit');
      const unit = printedUnit ?? (targets.some((target) => target.raw?.includes('%')) ? '%' : null);
      const resolved = resolveName(printedName, options.ocr);
      const reasons = [...resolved.reasons, ...(row.reasons ?? [])];
      if (row.guessed) reasons.push('Không chắc cách tách các ô của dòng này trong bảng');
      if (lostCell) reasons.push('Số ô giá trị không khớp với các cột năm của bảng, cần kiểm tra lại');
      if (hasResult && !stageYear) reasons.push('Không xác định được năm của giai đoạn');
      if (glued)
        reasons.push(
          `Tên chỉ tiêu có chứa tiêu đề giai đoạn năm ${glued.year}: có thể hai dòng của bảng bị dính vào nhau, cần kiểm tra lại`,
        );
      if (nextStageYear) {
        stageYear = nextStageYear;
        headingYears.push(nextStageYear);
      }

      const key = foldOcr(resolved.name);
      const exact = hasResult ? byName.get(key) : undefined;
      const near =
        hasResult && !exact && (options.ocr || options.recognised) ? nearName(byName, key) : undefined;
      const existing = exact ?? near;
      if (existing) {
        const clashes: number[] = [];
        const repeats: number[] = [];
        for (const target of targets) {
          const same = existing.targets.find((t) => t.year === target.year);
          if (!same) existing.targets.push(target);
          else if (same.raw !== target.raw) clashes.push(target.year);
          else repeats.push(target.year);
        }
        for (const year of [...clashes, ...repeats]) duplicated.add(year);
        // A doubt about this stage's row is a doubt about the indicator it joins; so are two values
        // for one year (a stage heading not read, its rows taken for the stage above).
        const doubts = [
          ...clashes.map((year) => `Hai giá trị khác nhau cho năm ${year}, cần kiểm tra lại`),
          // The same value twice: a stage's heading not read all the same, that stage's value lost.
          ...repeats.map(
            (year) =>
              `Chỉ tiêu có hai dòng cho năm ${year} (có thể một dòng tiêu đề giai đoạn không đọc được), cần kiểm tra lại`,
          ),
          // A stage's value that did not read is flagged as it is on the indicator's first row.
          ...targets
            .filter((target) => target.op === 'qualitative' && target.raw && /\d/.test(target.raw))
            .map((target) => `Không đọc được giá trị chỉ tiêu năm ${target.year}`),
          ...reasons.filter((reason) => !existing.review?.reasons.includes(reason)),
          // The name read otherwise in another stage: OCR damaged one of them, and which is unknown.
          ...(near
            ? [`Tên chỉ tiêu đọc khác nhau ở hai giai đoạn ("${resolved.name}"), cần kiểm tra lại`]
            : []),
          ...(row.guessed || !resolved.confident
            ? ['Một dòng của chỉ tiêu này ở giai đoạn khác cần kiểm tra lại']
            : []),
        ];
        if (doubts.length && existing.review) {
          existing.review = {
            confident: false,
            reasons: [...existing.review.reasons, ...doubts].filter((r, i, all) => all.indexOf(r) === i),
          };
        }
        continue;
      }
      const indicator: TImportedIndicator = {
        code: row.number ? (roman ? `${roman}.${row.number}` : row.number) : null,
        group: normalizeGroup(group ?? sectionText, out),
        name: resolved.name,
        unit,
        targets,
        baselineYear,
        lead: cleanUnit(cellOf(row, columns, 'lead')),
        executor: cleanUnit(cellOf(row, columns, 'executor')),
        coordinating: splitUnits(cellOf(row, columns, 'coordinating')),
        leader: cleanUnit(cellOf(row, columns, 'leader')),
        evidence: cellOf(row, columns, 'evidence') ?? cellOf(row, columns, 'output'),
        catalogCode: resolved.catalogCode,
        review: { confident: false, reasons },
      };
      const checks = indicatorChecks(indicator, table, hasResult && stageYear !== null);
      reasons.push(...checks);
      indicator.review = {
        confident:
          resolved.confident &&
          !row.guessed &&
          !lostCell &&
          !(hasResult && !stageYear) &&
          !glued &&
          !checks.length &&
          !(row.reasons ?? []).length,
        reasons,
      };
      if (hasResult) byName.set(key, indicator);
      out.push(indicator);
    }
    if (hasResult) lastStageYear = stageYear;
  }
  // The stage headings seen and the stage rows read disagree: the values of the stages in doubt are not sure.
  const doubts = stageDoubts(headingYears, duplicated);
  for (const indicator of stageIndicators.values())
    for (const target of indicator.targets) {
      const reason = doubts.get(target.year);
      if (!reason || !indicator.review || indicator.review.reasons.includes(reason)) continue;
      indicator.review = { confident: false, reasons: [...indicator.review.reasons, reason] };
    }
  // A stage table known only from text or recognised from an image: an indicator with no value in a
  // stage the tables have lost that stage's row (or read its name otherwise, or the stage's heading, its
  // rows then taken for the stage above), so it is not sure.
  if (options.fromText || options.recognised) {
    const indicators = [...stageIndicators.values()];
    const stages = [...new Set(indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort(
      (a, b) => a - b,
    );
    for (const indicator of indicators) {
      const missing = stages.filter((year) => !indicator.targets.some((t) => t.year === year));
      const reason = `Không đọc được giá trị của giai đoạn năm ${missing.join(', ')}, cần kiểm tra lại`;
      if (!missing.length || !indicator.review || indicator.review.reasons.includes(reason)) continue;
      indicator.review = { confident: false, reasons: [...indicator.review.reasons, reason] };
    }
  }
  return out;
};

/**
 * The stage indicator whose name differs from a recognised one by at most two letters ("thủ tự" for "thủ
 * tục"): OCR damages a name differently in each stage. Names that differ in a digit ("mức 2", "mức 3")
 * are different indicators.
 */
const nearName = (
  byName: ReadonlyMap<string, TImportedIndicator>,
  key: string,
): TImportedIndicator | undefined => {
  if (key.length < 15) return undefined;
  const digits = key.replace(/\D/g, '');
  for (const [other, indicator] of byName)
    if (
      other.replace(/\D/g, '') === digits &&
      Math.abs(other.length - key.length) <= 2 &&
      editDistance(other, key) <= 2
    )
      return indicator;
  return undefined;
};

/** Spells a group heading like an earlier heading that differs only by a typo ("chuyên đổi số"). */
const normalizeGroup = (group: string | null, earlier: readonly TImportedIndicator[]): string | null => {
  if (!group) return null;
  const folded = foldText(group);
  for (const indicator of earlier) {
    const other = indicator.group;
    if (!other || other === group) continue;
    const otherFolded = foldText(other);
    if (
      otherFolded.length === folded.length &&
      [...folded].filter((ch, i) => ch !== otherFolded[i]).length <= 1
    )
      return other;
  }
  return group;
};

/** A bullet of the "Mục tiêu" section that carries a figure: "- Tỷ lệ phủ sóng 5G trên địa bàn 100%." */
const QUANTIFIED = /(≥|>=|>|≤|<=|<)?\s*(\d+(?:[.,]\d+)?)\s*%/;

/**
 * Builds indicators from the quantified bullets of the "Mục tiêu" section, one target year per stage
 * heading ("Mục tiêu đến hết năm 2025", "giai đoạn 2026 - 2030" → 2030).
 *
 * @param lines - the lines of the objectives section (heading excluded)
 * @param options - OCR handling
 * @returns the indicators, without codes
 */
export const extractIndicatorsFromObjectives = (
  lines: readonly string[],
  options: IndicatorOptions,
): TImportedIndicator[] => {
  const out: TImportedIndicator[] = [];
  let year: number | null = null;
  let group: string | null = null;
  const items: Array<{ text: string; year: number | null; group: string | null }> = [];
  let current: string[] | null = null;
  const flush = () => {
    if (current?.length) items.push({ text: current.join(' '), year, group });
    current = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/\t/g, ' ').trim();
    const heading = /^(\d+)\.\s+(.*)$/.exec(line);
    if (heading?.[2] && /\b(muc tieu|giai doan|den nam|den het nam)\b/.test(foldOcr(heading[2]))) {
      flush();
      const years = [...heading[2].matchAll(/\b(20[2-5]\d)\b/g)].map((m) => Number(m[1]));
      year = years.length ? (years.at(-1) ?? null) : year;
      group = null;
      continue;
    }
    const sub = /^[a-zđ]\)\s+(.*)$/.exec(line);
    if (sub?.[1]) {
      flush();
      group = sub[1].trim();
      continue;
    }
    if (/^[-+•]\s+/.test(line)) {
      flush();
      current = [line.replace(/^[-+•]\s+/, '')];
    } else if (current) current.push(line);
  }
  flush();
  for (const item of items) {
    const text = item.text.replace(/[.;]+$/, '').trim();
    const figure = QUANTIFIED.exec(text);
    if (!figure || !item.year) continue;
    const before = text.slice(0, figure.index).trim();
    const name = (
      /^(có|co|c6|đạt|phấn đấu)\s*$/i.test(before) || !before
        ? text.slice(figure.index + figure[0].length)
        : text
    )
      .replace(/^[\s,:]+/, '')
      .trim();
    const raw = `${figure[1] ? `${figure[1] === '>' && (options.ocr || options.recognised) ? '≥' : figure[1]} ` : ''}${figure[2]}%`;
    const resolved = resolveName(name, options.ocr);
    out.push({
      code: null,
      group: item.group,
      name: resolved.name,
      unit: '%',
      targets: [toTarget(item.year, raw, options.ocr || options.recognised === true)],
      baselineYear: null,
      lead: null,
      executor: null,
      coordinating: [],
      leader: null,
      evidence: null,
      catalogCode: resolved.catalogCode,
      review: {
        confident: false,
        reasons: ['Chỉ tiêu lấy từ phần Mục tiêu (không có bảng chỉ tiêu)', ...resolved.reasons],
      },
    });
  }
  return out;
};
