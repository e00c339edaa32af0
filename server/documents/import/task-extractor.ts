/**
 * Builds the draft's tasks: from the task table (Phụ lục nhiệm vụ) when the plan has one, otherwise
 * from the bullets of the "Nhiệm vụ và giải pháp" section.
 *
 * Bullet rules (SCHEMA.md): each "-" or "+" item is a task under the numbered heading above it; a
 * "Thời gian hoàn thành: …" / "Thời gian thực hiện: …" line gives the deadline of the items above it,
 * back to the previous such line (within the same heading); words after the date ("đạt trên 40%") are
 * the expected result. Lead and coordinating units are filled only when the item names them.
 */
import { parseDeadline } from '@core/domain/deadlines';
import { foldText, normalizeText } from '@core/domain/text';
import type { TImportedDeadline, TImportedTask } from '@core/schemas/import.schemas';
import { isAgency } from './header-roles';
import { isFragment } from './indicator-extractor';
import { repairText } from './ocr-repair';
import { foldOcr } from './structure';
import type { Column, Table, TableRow } from './table-reader';
import { joinWrapped } from './text-reader';
import { foldKeepingPositions } from './text-table-labels';
import { cleanUnit, splitUnits, startsWithUnit } from './units';

export type TaskOptions = {
  /** The text lost its diacritics (OCR): repair names and OCR'd roman numerals in deadlines. */
  ocr: boolean;
};

/**
 * Reads an OCR'd quarter ("Quy 1V/2025" → "Quý IV/2025", "Quy 11112030" → "Quý III/2030"), also when
 * the word itself is damaged ("Cuý 1/2030", "Qu;; IV/2025"): left as it is, "1/2030" would read as a month.
 * A quarter read from a damaged word, or from a numeral with a stroke too many, is a guess: the stroke
 * OCR lost or merged into the damage ("Qu! II" for "Quý III") may be the numeral's own.
 *
 * @param text - a deadline as printed
 * @returns the text with the quarter numeral read, and whether any quarter was read by guess
 */
export const readQuarter = (text: string): { text: string; guessed: boolean } => {
  let guessed = false;
  const read = text.replace(
    /(?<![\p{L}\d])([QqCcOo0][Uu](?:[YyÝýỳỷ]|[;:'"?!,.]{1,3})|QU[YÝ])\s*([1Il|V]{1,5})\s*(\/)?\s*(\d{4})\b/gu,
    (whole, word: string, numeral: string, slash, year: string) => {
      let roman = numeral.replace(/[1l|]/g, 'I');
      const strokes = roman.length;
      if (!slash && roman.length > 1 && !/^(I{1,3}|IV)$/.test(roman)) roman = roman.slice(0, -1);
      if (!/^(I{1,3}|IV)$/.test(roman)) return whole;
      if (!/^qu[yý]$/iu.test(word) || roman.length !== strokes) guessed = true;
      return `${/^[QCO0]U/.test(word) ? 'QUÝ' : 'Quý'} ${roman}/${year}`;
    },
  );
  return { text: read, guessed };
};

/** `readQuarter`'s text: the deadline with its OCR'd quarter read. */
export const repairQuarter = (text: string): string => readQuarter(text).text;

/** Reads a deadline and drops the date of a recurring one (SCHEMA.md compares kind and every only). */
export const toDeadline = (raw: string | null): TImportedDeadline | null => {
  if (!raw) return null;
  const parsed = parseDeadline(raw);
  if (!parsed) return null;
  if (parsed.kind === 'recurring') return { kind: 'recurring', every: parsed.every };
  return parsed;
};

/** "Thời gian hoàn thành: …", "Thời gian thực hiện: …", "Thời hạn: …" (also OCR'd). */
const DEADLINE_LINE = /^(thoi|thoti|thoj|thdi)\s+(gian|han)\b(\s+(hoan thanh|thuc hien|hoan thien))?\s*/;

/** Splits a deadline line into the printed deadline and the result after it ("đạt trên 40%"). */
const splitDeadline = (text: string): { deadlineRaw: string; output: string | null } => {
  const raw = text
    .replace(/^[^:]*:\s*/, '')
    .replace(/[.;]+$/, '')
    .trim();
  const result = /\s+((?:đạt|dat|đat)\s+.*)$/iu.exec(raw);
  return { deadlineRaw: raw, output: result?.[1] ?? null };
};

/** Words that end a partner's name after "phối hợp (với) …". */
const PARTNER_END =
  /\s+(?:để|nhằm|rà soát|lắp đặt|triển khai|thực hiện|tổ chức|xây dựng|giải pháp|tuyên truyền|hướng dẫn|trong việc|về việc|đảm bảo|bảo đảm)(?=[\s,.;]|$)|[.;:]/u;

/**
 * Finds the partners an item names: "Phối hợp doanh nghiệp viễn thông rà soát…", "Phối hợp thực hiện
 * với các trường học…", "Phối hợp với các cơ quan Đảng, Mặt trận Tổ quốc để…".
 *
 * @param text - the item text
 * @returns the coordinating units, empty when none is named
 */
export const findPartners = (text: string): string[] => {
  const match = /phối hợp\s+(?:thực hiện\s+)?(với\s+)?(.*)$/iu.exec(text);
  if (!match?.[2]) return [];
  const rest = match[2];
  if (!match[1] && !startsWithUnit(rest) && !/^các\s/iu.test(rest)) return [];
  const end = PARTNER_END.exec(rest);
  const phrase = (end ? rest.slice(0, end.index) : rest).trim();
  if (!phrase || phrase.split(/\s+/).length > 14) return [];
  const pieces = phrase.split(/\s*,\s*/);
  const units =
    pieces.length > 1 && pieces.every((piece) => startsWithUnit(piece) || /^\p{Lu}/u.test(piece))
      ? pieces
      : [phrase];
  return units.map((unit) => cleanUnit(unit)).filter((unit): unit is string => Boolean(unit));
};

/**
 * Finds the lead an item names: "<Unit> chủ trì …", or a list of units after a colon that the item
 * then tells to act ("Căn cứ …: MTTQ …; phòng Văn hóa – Xã hội; … xây dựng …").
 *
 * @param text - the item text
 * @returns the lead as printed, or null
 */
export const findLead = (text: string): string | null => {
  const chair = /^(.{3,80}?)\s+(?:chủ trì|chịu trách nhiệm chính)(?=[\s,.;]|$)/u.exec(text);
  if (chair?.[1] && startsWithUnit(chair[1])) return cleanUnit(chair[1]);
  const colon = text.indexOf(':');
  if (colon > 0) {
    const after = text.slice(colon + 1);
    const stop = /\s*(?:…|\.{3})\s*|\s+(?:xây dựng|tổ chức|triển khai|thực hiện|chủ động)\s/u.exec(after);
    const list = (stop ? after.slice(0, stop.index) : after).trim();
    const parts = list.split(/\s*;\s*/).filter(Boolean);
    if (
      parts.length >= 2 &&
      parts.filter((part) => startsWithUnit(part)).length >= Math.ceil(parts.length / 2)
    ) {
      return list.replace(/[;,.\s]+$/, '');
    }
  }
  return null;
};

type Item = { text: string; group: string | null };

/** Recurring wording at the start of an item ("Hằng năm đánh giá…") when no deadline line applies. */
const LEADING_RECURRENCE = /^((?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng))\b/iu;

/**
 * Builds tasks from the lines of the "Nhiệm vụ và giải pháp" section.
 *
 * @param lines - the section's lines (heading excluded)
 * @param options - OCR handling
 * @returns the tasks in printed order
 */
export const extractTasksFromBullets = (lines: readonly string[], options: TaskOptions): TImportedTask[] => {
  const tasks: TImportedTask[] = [];
  let group: string | null = null;
  let groupParts: string[] | null = null;
  let current: string[] | null = null;
  let items: Item[] = [];
  let open: TImportedTask[] = [];

  const closeItem = () => {
    if (current?.length) items.push({ text: joinWrapped(current), group });
    current = null;
    for (const item of items) {
      const task = toTask(item, options);
      // A task too short to be one is the rest of the task before it: that one is not sure either.
      const before = tasks.at(-1);
      if (before?.review && task.review?.reasons.some((reason) => reason.startsWith('Tên nhiệm vụ quá ngắn')))
        before.review = {
          confident: false,
          reasons: [
            ...before.review.reasons,
            'Phần sau của nhiệm vụ này có thể đã bị tách thành dòng riêng, cần kiểm tra lại',
          ],
        };
      if (splitItemFields(item.text).fields.deadline) ownDeadline.add(task);
      tasks.push(task);
      open.push(task);
    }
    items = [];
  };
  const closeGroup = () => {
    if (groupParts) group = cleanHeading(joinWrapped(groupParts));
    groupParts = null;
  };

  for (const raw of lines) {
    const line = raw.replace(/\t/g, ' ').trim();
    const folded = foldOcr(line);
    const heading = /^(\d{1,2}|[a-zđ])[.)]\s+(\p{Lu}.*)$/u.exec(line) ?? /^(\d{1,2})[.)]\s+(.*)$/.exec(line);
    if (heading?.[2]) {
      closeItem();
      open = [];
      groupParts = [heading[2]];
      group = cleanHeading(heading[2]);
      continue;
    }
    if (DEADLINE_LINE.test(folded) && line.includes(':')) {
      closeItem();
      closeGroup();
      const text = options.ocr ? repairQuarter(line) : line;
      const { deadlineRaw, output } = splitDeadline(text);
      const deadline = toDeadline(deadlineRaw);
      for (const task of open) {
        if (ownDeadline.has(task)) continue;
        task.deadlineRaw = deadlineRaw;
        task.deadline = deadline;
        task.output = output;
        if (!deadline) task.review = { confident: false, reasons: ['Không đọc được thời hạn'] };
      }
      open = [];
      continue;
    }
    if (/^[-+•–]\s*\S/.test(line) && !/^[-–]\s*\d/.test(line)) {
      closeItem();
      closeGroup();
      current = [line.replace(/^[-+•–]\s*/, '')];
      continue;
    }
    if (groupParts && !/[.:]$/.test(groupParts.at(-1) ?? '') && !/^\p{Lu}/u.test(line)) {
      groupParts.push(line);
      group = cleanHeading(joinWrapped(groupParts));
      continue;
    }
    if (groupParts) closeGroup();
    if (current) current.push(line);
    else current = [line];
  }
  closeItem();
  return tasks;
};

/** Restores the diacritics of a unit name read from an OCR'd text. */
const repairUnit = (unit: string | null, ocr: boolean): string | null =>
  unit && ocr ? repairText(unit).text : unit;

const cleanHeading = (text: string): string => normalizeText(text).replace(/[.:;]+$/, '');

/**
 * A labelled field written inside an item: "Đơn vị chủ trì: …", "Thời gian hoàn thành: …"; matched on the
 * text folded letter for letter, so that a label OCR printed without or with other marks ("Thoi gian
 * hoàn thạnh:", "Đơn vị chu trì:") is still a label.
 */
const ITEM_FIELD =
  /(?:^|[\s.;])((?:don vi|co quan)(?:,? (?:don vi|co quan))? (?:chu tri|phoi hop|thuc hien)|chu tri|phoi hop|thoi gian (?:hoan thanh|thuc hien)|thoi han(?: hoan thanh)?|tien do(?: thuc hien)?|ket qua|san pham|lanh dao (?:chi dao|phu trach))\s*:\s*/g;

type ItemFields = {
  lead?: string;
  coordinating?: string;
  deadline?: string;
  output?: string;
  leader?: string;
};

/**
 * Splits an item into its name and the labelled fields written after it ("… . Đơn vị chủ trì: Phòng
 * Văn hóa - Xã hội. Đơn vị phối hợp: … . Thời gian hoàn thành: Quý IV/2025.").
 *
 * @param text - the item as printed
 * @returns the name (the text before the first field) and the fields by meaning
 */
export const splitItemFields = (printed: string): { name: string; fields: ItemFields } => {
  // Folding keeps each composed letter in its place: the labels found in the folded text cut the printed.
  const text = printed.normalize('NFC');
  const matches = [...foldKeepingPositions(text).matchAll(ITEM_FIELD)];
  if (!matches.length) return { name: text, fields: {} };
  const fields: ItemFields = {};
  const labelStart = (match: RegExpMatchArray) => (match.index ?? 0) + match[0].indexOf(match[1] ?? '');
  matches.forEach((match, i) => {
    const next = matches[i + 1];
    const value = text
      .slice((match.index ?? 0) + match[0].length, next ? labelStart(next) : text.length)
      .replace(/[\s.;,]+$/, '')
      .trim();
    const label = foldText(match[1] ?? '');
    const key: keyof ItemFields = /phoi hop/.test(label)
      ? 'coordinating'
      : /chu tri|thuc hien$/.test(label) && !/thoi gian|tien do/.test(label)
        ? 'lead'
        : /thoi gian|thoi han|tien do/.test(label)
          ? 'deadline'
          : /lanh dao/.test(label)
            ? 'leader'
            : 'output';
    if (value && !fields[key]) fields[key] = value;
  });
  const first = matches[0] as RegExpMatchArray;
  return {
    name: text
      .slice(0, labelStart(first))
      .replace(/[\s.;,:]+$/, '')
      .trim(),
    fields,
  };
};

/**
 * A task cut where a line broke: a lead that ends in a dash, a comma or "và" ("Phòng Văn hóa -", its
 * "Xã hội" on the next line), a name of two words or fewer (the rest of the line above taken for a
 * task), or a name that opens a bracket it never closes (its end lost: "… (ứng dụng hóa đơn, thương").
 */
export const cutDoubts = (name: string, lead: string | null | undefined): string[] => [
  ...(lead && /(?:[-–—,&]|\bvà)\s*$/u.test(lead)
    ? ['Đơn vị chủ trì có vẻ bị cắt ở cuối dòng, cần kiểm tra lại']
    : []),
  ...(name.trim().split(/\s+/).length <= 2
    ? ['Tên nhiệm vụ quá ngắn (có thể là phần còn lại của dòng trên), cần kiểm tra lại']
    : []),
  ...(/\([^()]*$/.test(name)
    ? ['Tên nhiệm vụ mở ngoặc mà không đóng (có thể bị cắt mất phần cuối), cần kiểm tra lại']
    : []),
];

const toTask = (item: Item, options: TaskOptions): TImportedTask => {
  const whole = item.text.replace(/[.;]+$/, '').trim();
  const { name: printedName, fields } = splitItemFields(whole);
  const printed = printedName || whole;
  const name = options.ocr ? repairText(printed).text : printed;
  const leading = LEADING_RECURRENCE.exec(printed);
  const printedDeadline = fields.deadline
    ? options.ocr
      ? repairQuarter(fields.deadline)
      : fields.deadline
    : null;
  const deadlineRaw =
    printedDeadline ?? (leading?.[1] ? leading[1].charAt(0).toUpperCase() + leading[1].slice(1) : null);
  const deadline = toDeadline(deadlineRaw);
  const reasons = options.ocr ? ['Nội dung lấy từ bản OCR, cần đối chiếu bản gốc'] : [];
  if (printedDeadline && !deadline) reasons.push('Không đọc được thời hạn');
  const lead = fields.lead ? cleanUnit(fields.lead) : findLead(printed);
  if (lead && !isAgency(lead)) reasons.push('Đơn vị chủ trì không rõ là cơ quan nào');
  reasons.push(...cutDoubts(name, lead));
  return {
    code: null,
    group: item.group ? (options.ocr ? repairText(item.group).text : item.group) : null,
    name,
    lead: repairUnit(lead, options.ocr),
    coordinating: (fields.coordinating ? splitUnits(fields.coordinating) : findPartners(printed)).map(
      (unit) => repairUnit(unit, options.ocr) ?? unit,
    ),
    leader: cleanUnit(fields.leader),
    output: fields.output ?? null,
    deadlineRaw,
    deadline,
    review: { confident: reasons.length === 0, reasons },
  };
};

/** Tasks that carry their own deadline ("Thời gian hoàn thành: …" inside the item) keep it. */
const ownDeadline = new WeakSet<TImportedTask>();

/**
 * Tells whether a table is a task table: as decided from its header and rows (grid tables), else from
 * its header (a name column, no year or result columns, and task columns).
 */
export const isTaskTable = (table: Table): boolean => {
  if (table.kind) return table.kind === 'tasks';
  const roles = new Set(table.header.columns.map((column) => column.role));
  return (
    roles.has('name') &&
    !roles.has('year') &&
    !roles.has('result') &&
    !roles.has('unit') &&
    (roles.has('deadline') || roles.has('output') || roles.has('lead'))
  );
};

const cell = (row: Extract<TableRow, { kind: 'row' }>, columns: readonly Column[], role: Column['role']) => {
  const index = columns.findIndex((column) => column.role === role);
  const text = index >= 0 ? (row.cells[index] ?? '').trim() : '';
  return text || null;
};

/**
 * Builds tasks from task tables.
 *
 * @param tables - the document's tables (others are skipped)
 * @param options - OCR handling
 * @returns the tasks, coded by section roman + row number
 */
export const extractTasksFromTables = (tables: readonly Table[], options: TaskOptions): TImportedTask[] => {
  const tasks: TImportedTask[] = [];
  for (const table of tables.filter(isTaskTable)) {
    const { columns } = table.header;
    let roman: string | null = null;
    let group: string | null = null;
    for (const row of table.rows) {
      if (row.kind === 'section') {
        roman = row.roman;
        group = row.text;
        continue;
      }
      if (row.kind === 'group') {
        group = row.text;
        continue;
      }
      const name = (cell(row, columns, 'name') ?? '').replace(/[.;]+$/, '');
      if (!name) continue;
      const printedDeadline = cell(row, columns, 'deadline');
      const quarter = printedDeadline && options.ocr ? readQuarter(printedDeadline) : null;
      const deadlineRaw = quarter ? quarter.text : printedDeadline;
      const deadline = toDeadline(deadlineRaw);
      const reasons: string[] = [...(row.reasons ?? [])];
      if (quarter?.guessed && deadline)
        reasons.push(`Thời hạn đọc lại từ chữ in không rõ ("${printedDeadline}"), cần đối chiếu bản gốc`);
      if (row.guessed) reasons.push('Không chắc cách tách các ô của dòng này trong bảng');
      if (deadlineRaw && !deadline) reasons.push('Không đọc được thời hạn');
      if (isFragment(name)) reasons.push('Tên nhiệm vụ có vẻ chưa đủ (bị cắt hoặc lẫn ô khác)');
      reasons.push(...cutDoubts(name, cell(row, columns, 'lead')));
      const lead = cell(row, columns, 'lead');
      if (lead && !isAgency(lead)) reasons.push('Đơn vị chủ trì không rõ là cơ quan nào');
      if (table.kindClear === false) reasons.push('Không chắc bảng này là bảng nhiệm vụ');
      tasks.push({
        code: row.number ? (roman ? `${roman}.${row.number}` : row.number) : null,
        group,
        name: options.ocr ? repairText(name).text : name,
        lead: cleanUnit(cell(row, columns, 'lead')),
        coordinating: splitUnits(cell(row, columns, 'coordinating')),
        leader: cleanUnit(cell(row, columns, 'leader')),
        output: cell(row, columns, 'output') ?? cell(row, columns, 'evidence'),
        deadlineRaw,
        deadline,
        review: { confident: reasons.length === 0, reasons },
      });
    }
  }
  return tasks;
};

/** Folded form used to compare task names (exported for tests). */
export const taskKey = (name: string): string => foldText(name);
