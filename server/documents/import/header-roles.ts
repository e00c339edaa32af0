/**
 * What each column of a plan table holds, decided from its header label AND its contents.
 *
 * Every label is scored against every field (name, unit, lead, executor, coordinating, leader,
 * evidence, output, deadline, note, result); the cells under it add evidence (a column of "Đồng chí …",
 * "Phó Chủ tịch …" names people, a column of "Phòng …", "Công an xã" names agencies, "Quý IV/2025",
 * "Hằng năm" are deadlines, "≥ 60%" are targets). Columns are then assigned as a whole, best score
 * first, each field to one column, so that two "chủ trì" columns share out between the leader and the
 * lead instead of the first one winning. Year columns are found separately, from header cells only.
 */
import { parseDeadline } from '@core/domain/deadlines';
import { foldOcr, repairOcrLabel, substringDistance } from './structure';
import type { ColumnRole } from './table-reader';
import { startsWithUnit } from './units';

/** Fields a column can be assigned (years are decided apart). */
export type FieldRole = Exclude<ColumnRole, 'year'> | 'ignore';

/**
 * A label pattern and its weight; with the key word it stands for (accent-free, no spaces) when OCR may
 * damage that word ("Nhi ìm vụ", "Đơ nv tín h"): see `DAMAGED_WORDS`.
 */
type Pattern = [RegExp, number, keyWord?: string];

/**
 * Label evidence per field: the best matching pattern's weight counts. Folded, accent-free text. Key
 * words are tried damaged in the order listed, the first found counts.
 */
const LABEL_PATTERNS: Record<FieldRole, Pattern[]> = {
  number: [
    [/^(stt|tt|so tt|so thu tu|thu tu)$/, 12],
    [/\b(stt|so tt)\b/, 6],
  ],
  name: [
    [/\bten (chi tieu|nhiem vu|cong viec|hoat dong)\b/, 10],
    [/\bnhiem vu\b/, 7, 'nhiemvu'],
    [/\bchi tieu\b/, 7, 'chitieu'],
    [/\bnoi dung\b/, 8, 'noidung'],
    [/\bcong viec\b/, 5, 'congviec'],
    [/\b(hoat dong|giai phap|de an|du an|mo hinh)\b/, 5],
    [/^ten\b/, 6],
  ],
  unit: [
    [/\bdon vi tinh\b/, 12, 'donvitinh'],
    [/\bdvt\b|\bdon vi do\b/, 12],
  ],
  lead: [
    [/\bchu tri\b/, 9, 'chutri'],
    [/\bchiu trach nhiem\b/, 6],
    [/\b(don vi|co quan) thuc hien\b/, 4],
  ],
  coordinating: [[/\bphoi hop\b/, 11, 'phoihop']],
  leader: [
    [/\bchi dao\b/, 8, 'chidao'],
    [/\blanh dao\b|\bdong chi\b/, 8],
    [/\bphu trach\b/, 6, 'phutrach'],
    [/\bca nhan\b|\bnguoi\b/, 3],
  ],
  executor: [[/\bthuc hien\b/, 6, 'thuchien']],
  deadline: [
    [/\bthoi han\b/, 10, 'thoihan'],
    [/\btien do\b/, 9, 'tiendo'],
    [/\bthoi gian\b/, 8, 'thoigian'],
    [/\bmoc\b|\bhoan thanh\b/, 3],
  ],
  output: [
    [/\bsan pham\b/, 10, 'sanpham'],
    [/\bket qua dau ra\b/, 10],
    [/\bket qua\b/, 5],
    [/\bhinh thuc\b/, 3],
  ],
  result: [
    [/\bket qua\b|\bmuc tieu\b|\bgia tri\b/, 5],
    [/\bchi tieu\b/, 2],
  ],
  evidence: [
    [/\bminh chung\b/, 10, 'minhchung'],
    [/\bcan cu\b/, 5],
  ],
  note: [[/\bghi chu\b/, 10, 'ghichu']],
  ignore: [[/\bkinh phi\b|\bnguon von\b|\bdu toan\b|\bnguon kinh phi\b/, 10]],
};

const FIELDS = Object.keys(LABEL_PATTERNS) as FieldRole[];

/** How far a damaged key word weighs below its clean pattern: a clean label elsewhere wins. */
const DAMAGED_DISCOUNT = 2;

/**
 * The key words of each field as OCR may damage them, for a field no pattern found: spaces ignored, and
 * one letter wrong allowed in words of seven letters or more (six-letter words must be whole: "chủ
 * tịch" is one letter from "chủ trì"). Taken from `LABEL_PATTERNS`, so each word is written once.
 */
const DAMAGED_WORDS: ReadonlyArray<[FieldRole, string, number]> = FIELDS.flatMap((field) =>
  LABEL_PATTERNS[field].flatMap(
    ([, weight, word]): Array<[FieldRole, string, number]> =>
      word ? [[field, word, weight - DAMAGED_DISCOUNT]] : [],
  ),
);

/**
 * Scores one header label against every field.
 *
 * @param label - the label as printed (all header texts above the column)
 * @returns a score per field, 0 when nothing in the label points to it
 */
export const scoreLabel = (label: string): Record<FieldRole, number> => {
  const folded = foldOcr(repairOcrLabel(label)).replace(/\s+/g, ' ').trim();
  const scores = {} as Record<FieldRole, number>;
  for (const field of FIELDS) {
    scores[field] = Math.max(0, ...LABEL_PATTERNS[field].map(([re, w]) => (re.test(folded) ? w : 0)));
  }
  const compact = folded.replace(/[^a-z]/g, '');
  // "ST T", "S TT": the number label split by OCR.
  if (!scores.number && /^(stt|tt|sott)$/.test(compact)) scores.number = 12;
  for (const [field, word, weight] of DAMAGED_WORDS)
    if (
      !scores[field] &&
      compact.length < 60 &&
      substringDistance(compact, word) <= (word.length >= 7 ? 1 : 0)
    )
      scores[field] = weight;
  // "Thời gian thực hiện", "Tiến độ thực hiện" say when, not who.
  if (scores.deadline >= 8) scores.executor = 0;
  return scores;
};

/** Leading words of a person or a position rather than an agency. */
const PERSON =
  /^(dong chi|d\/c|dc|ong|ba|chu tich|pho chu tich|bi thu|pho bi thu|giam doc|pho giam doc|lanh dao|thu truong|uy vien|chanh van phong|can bo phu trach|cong chuc phu trach)\b/;

/** "Trưởng …" is a position, "Trường …" a school: told apart by the accent, which folding loses. */
const HEAD_OF = /^(phó\s+)?trưởng\b/iu;

/** Tells whether a cell names a person or a position ("Đồng chí Nguyễn Văn A", "Phó Chủ tịch UBND xã"). */
export const isPerson = (text: string): boolean =>
  PERSON.test(foldOcr(text).trim()) || HEAD_OF.test(text.normalize('NFC').trim());

/** Tells whether a cell names an agency ("Phòng Văn hóa - Xã hội", "Trung tâm …", "Công an xã"). */
export const isAgency = (text: string): boolean => startsWithUnit(text) && !isPerson(text);

/** Tells whether a cell reads as a deadline ("Quý IV/2025", "Hằng năm", "Thường xuyên", "2026"). */
export const isDeadlineText = (text: string): boolean => {
  const folded = foldOcr(text).trim();
  if (!folded) return false;
  if (folded.length <= 60 && parseDeadline(text)) return true;
  return /^(quy|thang|nam \d|hang (nam|quy|thang)|hang nam|dinh ky|thuong xuyen|truoc ngay|trong (nam|quy|thang)|giai doan|theo (yeu cau|lo trinh|ke hoach))\b/.test(
    folded,
  );
};

/** Cells that mean "no target" in a target column: "-", "—", "–", "x", "…". */
export const NO_VALUE = /^\s*([-–—−_x×.…/]+|n\/a)\s*$/i;

/** Tells whether a cell reads as a target ("≥ 60%", "100%", "Duy trì 100%", "05", "-"). */
export const isTargetText = (text: string): boolean => {
  const trimmed = text.trim();
  if (NO_VALUE.test(trimmed)) return true;
  if (trimmed.length > 40) return false;
  return (
    /\d/.test(trimmed) && (/%|[≥≤><=]/.test(trimmed) || /^[\d.,\s]+$/.test(trimmed) || trimmed.length <= 25)
  );
};

/** Tells whether a cell reads as a unit of measure ("%", "Người", "Báo cáo", "Hộ"). */
const isUnitText = (text: string): boolean => {
  const trimmed = text.trim();
  return (
    trimmed.length > 0 && trimmed.length <= 20 && !/\d/.test(trimmed.replace(/%/g, '')) && !isAgency(trimmed)
  );
};

/** What the cells of one column look like. */
export type ColumnContents = {
  filled: number;
  person: number;
  agency: number;
  deadline: number;
  target: number;
  unit: number;
  averageLength: number;
};

/**
 * Describes a column's body cells as shares of the filled ones.
 *
 * @param cells - the column's body cells
 * @returns shares (0–1) of cells that look like people, agencies, deadlines, targets, units
 */
export const describeColumn = (cells: readonly string[]): ColumnContents => {
  const filled = cells.map((cell) => cell.trim()).filter(Boolean);
  const share = (test: (text: string) => boolean) =>
    filled.length ? filled.filter(test).length / filled.length : 0;
  const meaningful = filled.filter((cell) => !NO_VALUE.test(cell));
  return {
    filled: filled.length,
    person: share(isPerson),
    agency: share(isAgency),
    deadline: share(isDeadlineText),
    target: meaningful.length ? meaningful.filter(isTargetText).length / meaningful.length : 0,
    unit: share(isUnitText),
    averageLength: filled.length ? filled.reduce((sum, cell) => sum + cell.length, 0) / filled.length : 0,
  };
};

/** Adds what a column's contents say to its label scores. */
const addContentEvidence = (scores: Record<FieldRole, number>, contents: ColumnContents): void => {
  if (contents.filled === 0) return;
  if (contents.person >= 0.5) {
    scores.leader += 6;
    scores.lead -= 4;
    scores.executor -= 2;
    scores.coordinating -= 3;
  }
  if (contents.agency >= 0.5) {
    scores.lead += 2;
    scores.coordinating += 1;
    scores.executor += 1;
    scores.leader -= 6;
    scores.name -= 3;
  }
  if (contents.deadline >= 0.5) {
    scores.deadline += 6;
    scores.output -= 3;
    scores.result -= 4;
    scores.executor -= 4;
  } else if (contents.deadline < 0.2 && contents.filled >= 2) scores.deadline -= 3;
  if (contents.target >= 0.6) scores.result += 3;
  if (contents.averageLength > 40 && contents.agency < 0.5) scores.name += 2;
  if (contents.unit >= 0.6 && contents.averageLength <= 15) scores.unit += 2;
};

/** The kind of table, from its header and its rows. */
export type TableKind = 'indicators' | 'tasks' | 'other';

export type ColumnAssignment = {
  roles: Array<FieldRole | null>;
  kind: TableKind;
  /** False when header and rows point both ways (or nowhere): every row is then flagged. */
  kindClear: boolean;
};

/** The average length of the cells of a column of names (indicators, tasks), when no label says so. */
const NAME_LENGTH = 25;

/** Fields that may be given to several columns. */
const SHARED: ReadonlySet<FieldRole> = new Set(['note', 'ignore']);

/**
 * Assigns fields to columns as a whole: every (column, field) pair is scored from the label and the
 * contents, and the best pairs are taken first, each field once.
 *
 * @param labels - one label per column ("" for a column without one)
 * @param columns - each column's body cells, in the same order
 * @param yearColumns - indices of the columns already read as years (left out)
 * @param stageRows - how many section rows name a stage ("Đến năm 2030"), a sign of an indicator table
 * @returns the field of each column (null when none fits), the table kind and whether it is clear
 */
export const assignColumns = (
  labels: readonly string[],
  columns: ReadonlyArray<readonly string[]>,
  yearColumns: ReadonlySet<number>,
  stageRows = 0,
): ColumnAssignment => {
  const scored = labels.map((label, index) => {
    const scores = scoreLabel(label);
    const contents = describeColumn(columns[index] ?? []);
    addContentEvidence(scores, contents);
    return { scores, contents };
  });
  const roles: Array<FieldRole | null> = labels.map(() => null);
  const taken = new Set<FieldRole>();
  const pairs: Array<[number, number, FieldRole]> = [];
  scored.forEach(({ scores }, index) => {
    if (yearColumns.has(index)) return;
    for (const field of FIELDS) if (scores[field] >= 3) pairs.push([scores[field], index, field]);
  });
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, index, field] of pairs) {
    if (roles[index] || (taken.has(field) && !SHARED.has(field))) continue;
    roles[index] = field;
    taken.add(field);
  }

  if (!roles.includes('name')) {
    // A name label OCR damaged past reading ("Nụ dung"): in a table that has other plan columns (years,
    // a lead, a deadline), the unlabelled column of long texts that are no agencies, targets or
    // deadlines holds the names.
    const planColumns =
      yearColumns.size >= 2 ||
      roles.includes('lead') ||
      roles.includes('deadline') ||
      roles.includes('leader');
    let best = -1;
    scored.forEach(({ contents }, index) => {
      if (!planColumns || roles[index] || yearColumns.has(index) || contents.filled < 2) return;
      if (contents.averageLength < NAME_LENGTH || contents.agency >= 0.5) return;
      if (contents.target >= 0.5 || contents.deadline >= 0.5 || contents.person >= 0.5) return;
      if (best < 0 || contents.averageLength > (scored[best]?.contents.averageLength ?? 0)) best = index;
    });
    if (best >= 0) roles[best] = 'name';
  }

  // The kind, from the header and the rows together.
  let indicatorEvidence = yearColumns.size * 3 + stageRows * 2;
  let taskEvidence = 0;
  roles.forEach((role, index) => {
    const contents = scored[index]?.contents;
    if (role === 'unit') indicatorEvidence += 3;
    if (role === 'result' && contents && contents.target >= 0.5) indicatorEvidence += 2;
    if (role === 'deadline') taskEvidence += 3 + (contents && contents.deadline >= 0.5 ? 2 : 0);
    if (role === 'output') taskEvidence += 1;
  });
  const yearTargets = [...yearColumns].map((index) => scored[index]?.contents.target ?? 0);
  if (yearTargets.length && yearTargets.every((share) => share >= 0.5)) indicatorEvidence += 2;
  const hasName = roles.includes('name');
  let kind: TableKind = 'other';
  if (hasName && indicatorEvidence > taskEvidence && indicatorEvidence >= 3) kind = 'indicators';
  else if (hasName && taskEvidence > indicatorEvidence) kind = 'tasks';
  else if (hasName && (roles.includes('lead') || roles.includes('leader')) && indicatorEvidence === 0)
    kind = 'tasks';
  const kindClear = kind !== 'other' && Math.abs(indicatorEvidence - taskEvidence) >= 3;

  if (kind === 'tasks') {
    // In a task table "Kết quả" is the expected product, and the agency that carries a task out is its lead.
    const result = roles.indexOf('result');
    if (result >= 0 && !roles.includes('output')) roles[result] = 'output';
    const executor = roles.indexOf('executor');
    if (executor >= 0 && !roles.includes('lead')) roles[executor] = 'lead';
  }
  return { roles, kind, kindClear };
};
