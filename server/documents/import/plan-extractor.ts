/**
 * Lines of a plan document → the draft (header, indicators, tasks, notes). Pure: no I/O, no database.
 */
import { foldText } from '@core/domain/text';
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import { extractHeader } from './header-extractor';
import {
  extractIndicatorsFromObjectives,
  extractIndicatorsFromTables,
  isIndicatorTable,
} from './indicator-extractor';
import { looksLikeOcr } from './ocr-evidence';
import { extractIndicatorsFromOcrTable } from './ocr-table';
import { reviewRecognisedRows } from './scan-review';
import { findStructure } from './structure';
import { readTables, type Table } from './table-reader';
import { extractTasksFromBullets, extractTasksFromTables, isTaskTable } from './task-extractor';
import { reviewTextIndicators, reviewTextTasks } from './text-review';
import { documentVocabulary } from './word-context';

/** How many different names rows have (folded: case, diacritics and spacing aside). */
const distinctNames = (rows: ReadonlyArray<{ name: string }>): number =>
  new Set(rows.map((row) => foldText(row.name))).size;

/** The most indicators, and the most tasks, a draft keeps; past it the rest is cut with a note. */
export const MAX_DRAFT_ROWS = 2_000;

/** What the document model gives besides its text: tables read from their grid, and notes on limits. */
export type GridInput = {
  tables: readonly Table[];
  notes: readonly string[];
  /** The document's words are known only from text (plain or OCR text, tables rebuilt from lines). */
  fromText?: boolean;
  /** The words were recognised from an image (a scan, a photo): OCR, whatever its diacritics look like. */
  recognised?: boolean;
};

/**
 * Extracts a plan draft from cleaned lines, and from the tables read on their grid when the reader
 * gave real tables (DOCX, PDF geometry, OCR word boxes): indicators and tasks come from the grid tables
 * of that kind when there are any, else from the tables re-read from the text lines.
 *
 * @param lines - lines from `readPlanText`
 * @param stamps - digital-signature stamps from `readPlanText`
 * @param grid - tables interpreted from the document's grid (`interpretTables`), if any
 * @returns the draft
 */
export const extractPlan = (
  lines: readonly string[],
  stamps: readonly string[] = [],
  grid: GridInput = { tables: [], notes: [] },
): TImportedPlanDraft => {
  const structure = findStructure(lines);
  // Words recognised from an image, or an OCR copy that lost its diacritics, judged by its broken
  // syllables (a DOCX or PDF can hold one too).
  const lostMarks = looksLikeOcr(lines.join('\n'));
  const ocr = grid.recognised === true || lostMarks;
  const indicatorOptions = { ocr: lostMarks, recognised: ocr };
  const uncertain: string[] = [];
  if (lostMarks)
    uncertain.push('Văn bản mất dấu tiếng Việt (bản OCR): tên đã được khôi phục tự động, cần kiểm tra lại.');
  else if (ocr) uncertain.push('Văn bản đọc từ ảnh quét (OCR): cần đối chiếu từng dòng với bản gốc.');

  const plan = extractHeader(lines, structure, stamps);
  if (!plan.number) uncertain.push('Không đọc được số, ký hiệu văn bản.');
  if (!plan.issuedDate) uncertain.push('Không đọc được ngày ban hành.');

  uncertain.push(...grid.notes);
  // The grid tables, when the reader found plan tables on a grid; else the tables re-read from the text
  // (never both: the text holds the grid tables too, as tab-separated lines).
  const fromGrid = grid.tables.some((table) => isIndicatorTable(table) || isTaskTable(table));
  const tables = fromGrid ? grid.tables : readTables(lines, Math.max(structure.titleIndex, 0));
  // Rows known only from text get the text review (damaged words, lost cells, missing fields).
  const fromText = !fromGrid || grid.fromText === true;
  let indicators = extractIndicatorsFromTables(tables, { ...indicatorOptions, fromText });
  if (!fromGrid) {
    // A table known only from text (a scan's OCR, a flattened print) often comes out with its columns
    // interleaved line by line: rebuild it from the row shapes when that reads more rows than the
    // column reader, whether or not the words kept their diacritics.
    // Counted by distinct names: a stage table lists each indicator once per stage, which the column
    // reader merges into one row with its targets and the row-shape reader does not.
    const rebuilt = extractIndicatorsFromOcrTable(lines, structure.appendixStart);
    if (distinctNames(rebuilt) > distinctNames(indicators)) indicators = rebuilt;
  }
  if (!indicators.length) {
    const objectives = structure.sections.filter((section) => section.kind === 'objectives');
    indicators = objectives.flatMap((section) =>
      extractIndicatorsFromObjectives(lines.slice(section.start + 1, section.end), indicatorOptions),
    );
    if (indicators.length) uncertain.push('Không có bảng chỉ tiêu: chỉ tiêu được lấy từ phần Mục tiêu.');
  }

  let tasks = extractTasksFromTables(tables, { ocr });
  if (!tasks.length) {
    const sections = structure.sections.filter((section) => section.kind === 'tasks');
    tasks = sections.flatMap((section) =>
      extractTasksFromBullets(lines.slice(section.start + 1, section.end), { ocr }),
    );
  }
  if (fromText || grid.recognised) {
    const vocabulary = documentVocabulary([
      ...lines,
      ...tables.flatMap((table) =>
        table.rows.map((row) => (row.kind === 'row' ? row.cells.join(' ') : row.text)),
      ),
    ]);
    if (fromText) {
      const leads = [...indicators, ...tasks].flatMap((row) => (row.lead ? [row.lead] : []));
      reviewTextIndicators(indicators, vocabulary, leads);
      reviewTextTasks(tasks, vocabulary, leads);
    }
    // Words recognised from an image: every cell's words and comparators checked as OCR damages them.
    if (grid.recognised) reviewRecognisedRows(indicators, tasks, fromText ? null : vocabulary);
  }
  if (indicators.length > MAX_DRAFT_ROWS) {
    uncertain.push(
      `Văn bản có ${indicators.length.toLocaleString('vi-VN')} chỉ tiêu, quá số một kế hoạch có thể có: chỉ giữ ${MAX_DRAFT_ROWS.toLocaleString('vi-VN')} chỉ tiêu đầu, cần kiểm tra lại tệp.`,
    );
    indicators = indicators.slice(0, MAX_DRAFT_ROWS);
  }
  if (tasks.length > MAX_DRAFT_ROWS) {
    uncertain.push(
      `Văn bản có ${tasks.length.toLocaleString('vi-VN')} nhiệm vụ, quá số một kế hoạch có thể có: chỉ giữ ${MAX_DRAFT_ROWS.toLocaleString('vi-VN')} nhiệm vụ đầu, cần kiểm tra lại tệp.`,
    );
    tasks = tasks.slice(0, MAX_DRAFT_ROWS);
  }
  const guessedRows = indicators.filter(
    (indicator) => indicator.review && !indicator.review.confident,
  ).length;
  if (guessedRows) uncertain.push(`${guessedRows} chỉ tiêu cần kiểm tra lại (xem cờ review của từng dòng).`);
  const guessedTasks = tasks.filter((task) => task.review && !task.review.confident).length;
  if (guessedTasks)
    uncertain.push(`${guessedTasks} nhiệm vụ cần kiểm tra lại (xem cờ review của từng dòng).`);
  return { plan, indicators, tasks, uncertain };
};
