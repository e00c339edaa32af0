/**
 * Building the rows of one text table from its header and body lines, in the three layouts
 * (separated, aligned, flowed), and writing it as a `DocTable`.
 */
import type { DocCell, DocTable } from './document-model';
import { stageHeadingYear } from './stage-headings';
import {
  alignedColumns,
  emptyColumns,
  placeSegments,
  segmentsOf,
  tailOfRowAbove,
} from './text-aligned-columns';
import { assignCells, featuresOf, figureRuns, isFigure, joinTokens, tokensOf } from './text-cell-split';
import {
  isNearNumber,
  isNextNumber,
  type Marker,
  readDamagedYears,
  readMarker,
  readRomanMarker,
  readRowNumber,
  romanValue,
} from './text-row-markers';
import {
  foldKeepingPositions,
  roleOfHeaderLabel,
  splitHeaderLabels,
  type TextColumn,
} from './text-table-labels';
import { endsTable, type Line } from './text-table-lines';

type BuiltRow =
  | { kind: 'row'; number: string; cells: string[]; reasons?: string[] }
  | { kind: 'span'; marker: string; text: string };

/** Why a flowed row needs review: its cells were split by guess and the split did not read cleanly. */
export const UNSURE_SPLIT = 'Không chắc cách tách các ô của dòng này (bảng chỉ còn là văn bản)';

/** Why a row of a separated table needs review: it has fewer cells than the header has columns. */
export const FEWER_CELLS = 'Dòng có ít ô hơn số cột của bảng (một ô có thể đã mất), cần kiểm tra lại';

export type BuiltTable = { columns: TextColumn[]; rows: BuiltRow[]; quality: number };

const foldedLabel = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Reads a header and body of separated lines (tabs) whose cells line up by index. */
export const buildSeparated = (header: readonly Line[], body: readonly Line[]): BuiltTable | null => {
  const headerCells = header.map((line) => line.text.split('\t').map((cell) => cell.trim()));
  const width = Math.max(...headerCells.map((cells) => cells.length));
  if (width < 3) return null;
  const labels = Array.from({ length: width }, (_, index) =>
    foldedLabel(headerCells.map((cells) => cells[index] ?? '').join(' ')),
  );
  const columns = labels.map((label) => ({ role: roleOfHeaderLabel(label), label }));
  if (columns[0]) columns[0].role = 'number';
  const rows: BuiltRow[] = [];
  let fitting = 0;
  for (const line of body) {
    const cells = line.text.split('\t').map((cell) => cell.trim());
    const head = cells[0] ?? '';
    const rest = cells.slice(1).filter(Boolean);
    const marker = readMarker(`${head} ${rest[0] ?? ''}`.trim());
    if (cells.length >= 2) fitting++;
    if (head && marker && marker.kind !== 'number' && rest.length <= 1) {
      rows.push({
        kind: 'span',
        marker: marker.kind === 'section' ? marker.marker : head,
        text: rest[0] ?? '',
      });
      continue;
    }
    const number = head ? readRowNumber(head) : null;
    if (number !== null) {
      // Fewer cells than columns: an empty cell was left out and shifted the cells after it. Each printed
      // cell is kept whole and placed in the column its words fit (an agency in the lead column, a
      // deadline in the deadline column, figures in value columns); which of several alike columns
      // (years) a figure belongs to cannot be told, so the row is flagged all the same.
      const short = cells.length < width && cells.length > 2;
      const placed = short
        ? assignCells(
            tokensOf(cells.slice(1).join('\t')),
            columns.slice(1).map((column) => column.role),
            { wholeCells: true },
          )
        : null;
      rows.push({
        kind: 'row',
        number,
        cells:
          placed && Number.isFinite(placed.cost)
            ? placed.cells
            : Array.from({ length: width - 1 }, (_, index) => cells[index + 1] ?? ''),
        ...(cells.length < width ? { reasons: [FEWER_CELLS] } : {}),
      });
      continue;
    }
    if (!head && rest.length === 1 && rows.at(-1)?.kind !== 'row') {
      rows.push({ kind: 'span', marker: '', text: rest[0] ?? '' });
      continue;
    }
    const last = rows.at(-1);
    if (last?.kind === 'row' && !head) {
      cells.slice(1).forEach((cell, index) => {
        if (cell) last.cells[index] = last.cells[index] ? `${last.cells[index]} ${cell}` : cell;
      });
    } else if (last?.kind === 'span' && !head && rest.length) last.text = `${last.text} ${rest.join(' ')}`;
  }
  return { columns, rows, quality: body.length ? fitting / body.length : 0 };
};

/** Reads an aligned table: columns from character positions, rows from the number column. */
export const buildAligned = (header: readonly Line[], body: readonly Line[]): BuiltTable | null => {
  const bodyRanges = alignedColumns(body.map((line) => line.text));
  if (bodyRanges.length < 3) return null;
  const ranges = [...bodyRanges, ...emptyColumns(header, bodyRanges)].sort((a, b) => a.start - b.start);
  const labels = ranges.map(() => [] as string[]);
  for (const line of header) {
    const placed = placeSegments(segmentsOf(line.text), ranges);
    placed.forEach((cell, index) => {
      if (cell.text) labels[index]?.push(cell.text);
    });
  }
  const columns = labels.map((parts) => {
    const label = foldedLabel(parts.join(' '));
    return { role: roleOfHeaderLabel(label), label };
  });
  const numbered =
    columns[0]?.role === 'number' || body.some((line) => readMarker(line.text)?.kind === 'number');
  if (columns[0] && numbered) columns[0].role = 'number';
  type Pending = { marker: Marker | null; cells: Array<{ text: string; span: number }> };
  const placedLines: Pending[] = body.map((line) => {
    const cells = placeSegments(segmentsOf(line.text), ranges);
    const head = numbered ? (cells[0]?.text ?? '') : '';
    const marker = head ? readMarker(`${head} ${cells[1]?.text ?? ''}`.trim()) : null;
    // A row number alone in the number column is the row's whatever its name's line opens with
    // ("a" beside "& CĐS (phấn đấu 3%)", the last line of a name centred in a tall cell).
    const number = !marker && cells[0]?.span === 1 ? readRowNumber(head) : null;
    if (number !== null) return { marker: { kind: 'number', number, rest: cells[1]?.text ?? '' }, cells };
    return { marker, cells };
  });
  // A number printed on the first line of its row, or centred in a tall cell?
  const anchors = placedLines.filter((line) => line.marker?.kind === 'number');
  const topAnchored =
    anchors.filter((line) => /^[\p{Lu}\d"“(]/u.test(line.cells[1]?.text ?? '')).length >=
    anchors.length * 0.6;
  const rows: BuiltRow[] = [];
  let pending: Array<Pending> = [];
  const appendTo = (row: BuiltRow | undefined, lines: Pending[]): Pending[] => {
    if (row?.kind === 'span') {
      // A section's text wrapped onto the next lines: they open in lower case, as no row's name does.
      const text = (line: Pending) =>
        line.cells
          .slice(1)
          .map((cell) => cell.text)
          .filter(Boolean)
          .join(' ');
      while (lines.length && /^\p{Ll}/u.test(text(lines[0] as Pending))) {
        row.text = `${row.text} ${text(lines[0] as Pending)}`;
        lines = lines.slice(1);
      }
      return lines;
    }
    if (row?.kind !== 'row') return lines;
    for (const line of lines)
      line.cells.slice(1).forEach((cell, index) => {
        if (cell.text) row.cells[index] = row.cells[index] ? `${row.cells[index]} ${cell.text}` : cell.text;
      });
    return [];
  };
  let fitting = 0;
  let lastNumber: string | null = null;
  // A lone number left out that the next row's number follows: perhaps a row's, whose text went above.
  let skippedDoubt: string | null = null;
  const filledCells = (line: Pending) => line.cells.filter((cell) => cell.text).length;
  for (const [index, line] of placedLines.entries()) {
    const filled = filledCells(line);
    // A number alone on its line that does not follow the last row's is the page's number (a page
    // number is digits only: a letter alone on its line is a row's, its name centred beside it).
    if (line.marker?.kind === 'number' && filled === 1 && /^\d+$/.test(line.marker.number)) {
      const number = line.marker.number;
      const follows = lastNumber === null ? number === '1' : isNextNumber(lastNumber, number);
      if (!follows) {
        fitting++;
        const nextRow = placedLines
          .slice(index + 1)
          .find((other) => other.marker?.kind === 'number' && filledCells(other) > 1);
        if (nextRow?.marker?.kind === 'number' && isNextNumber(number, nextRow.marker.number)) {
          skippedDoubt = `Số "${number}" đứng riêng một dòng được coi là số trang và bỏ qua; nếu đó là số thứ tự của một dòng thì dòng ấy đã bị gộp vào dòng bên cạnh, cần kiểm tra lại`;
          const previous = rows.at(-1);
          if (previous?.kind === 'row') previous.reasons = [...(previous.reasons ?? []), skippedDoubt];
        }
        continue;
      }
    }
    if (line.marker?.kind === 'number') lastNumber = line.marker.number;
    // An unnumbered group heading ("Phát triển nguồn lực"): one piece of text that opens in the number
    // column and runs on into the name column, as a cell merged across the row does; a row's name starts
    // in the name column.
    const lone = line.cells[0];
    if (
      numbered &&
      !line.marker &&
      filled === 1 &&
      lone &&
      lone.span > 1 &&
      /^["“(]?\p{Lu}\p{Ll}*\s+\S/u.test(lone.text)
    ) {
      appendTo(rows.at(-1), pending);
      pending = [];
      rows.push({ kind: 'span', marker: '', text: lone.text });
      fitting++;
      continue;
    }
    if (line.marker && line.marker.kind !== 'number') {
      appendTo(rows.at(-1), pending);
      pending = [];
      const text = line.cells
        .slice(1)
        .map((cell) => cell.text)
        .filter(Boolean)
        .join(' ');
      rows.push({
        kind: 'span',
        marker: line.marker.kind === 'section' ? line.marker.marker : line.marker.marker,
        text,
      });
      fitting++;
      continue;
    }
    if (line.marker?.kind === 'number') {
      fitting++;
      const row: BuiltRow = {
        kind: 'row',
        number: line.marker.number,
        cells: columns.slice(1).map(() => ''),
        ...(skippedDoubt ? { reasons: [skippedDoubt] } : {}),
      };
      skippedDoubt = null;
      if (rows.at(-1)?.kind === 'span') pending = appendTo(rows.at(-1), pending);
      // A row whose name goes on from above on its number's line ("của chữ ký số …") began above, even
      // in a table whose numbers mostly stand on their row's first line.
      if (topAnchored && !/^["“(]*\p{Ll}/u.test(line.cells[1]?.text ?? '')) {
        appendTo(rows.at(-1), pending);
        appendTo(row, [line]);
      } else {
        const cut = rows.at(-1)?.kind === 'row' ? tailOfRowAbove(pending, line) : 0;
        appendTo(rows.at(-1), pending.slice(0, cut));
        appendTo(row, [...pending.slice(cut), line]);
      }
      pending = [];
      rows.push(row);
      continue;
    }
    // A wrapped line fits when each of its pieces lies inside one column.
    if (filled >= 2 || line.cells.every((cell) => cell.span === 1)) fitting++;
    pending.push(line);
  }
  appendTo(rows.at(-1), pending);
  return { columns, rows, quality: body.length ? fitting / body.length : 0 };
};

/**
 * A stage table: one result column, no year columns; its stages are headings between the rows.
 * (A task table's deadline cell may read "Đến năm 2030" alone on its line: not a stage table.)
 */
const isStageColumns = (columns: readonly TextColumn[]): boolean => {
  const roles = columns.map((column) => column.role);
  return (
    roles.includes('output') &&
    roles.includes('unit') &&
    !roles.includes('deadline') &&
    !columns.some((column) => /\b20[2-6]\d\b/.test(column.label))
  );
};

/** Whether header lines make a stage table's header. */
export const isStageHeader = (header: readonly Line[]): boolean =>
  isStageColumns(splitHeaderLabels(header.map((line) => line.text.replace(/[|\t]/g, ' ')).join(' ')));

/** Reads a flowed (or "|"-separated) table: columns from the header's keywords, cells by kinds. */
export const buildFlowed = (header: readonly Line[], body: readonly Line[]): BuiltTable | null => {
  const columns = splitHeaderLabels(header.map((line) => line.text.replace(/[|\t]/g, ' ')).join(' '));
  if (columns.length < 3 || columns[0]?.role !== 'number') return null;
  if (!columns.some((column) => column.role === 'name')) return null;
  const roles = columns.slice(1).map((column) => column.role);
  type Raw = { marker: Marker; lines: string[] };
  const stageTable = isStageColumns(columns);
  const raws: Raw[] = [];
  let previousNumber: string | null = null;
  let lastSection: string | null = null;
  for (let k = 0; k < body.length; k++) {
    const text = (body[k] as Line).text.trim();
    const section: string | null = readMarker(text) ? null : bareSectionAt(body, k, lastSection);
    if (section) {
      raws.push({
        marker: { kind: 'section', marker: section, rest: '' },
        lines: [body[++k]?.text.trim() ?? ''],
      });
      lastSection = section;
      previousNumber = null;
      continue;
    }
    const marker = readMarker(text);
    const current = raws.at(-1);
    const nextMarker = readMarker((body[k + 1]?.text ?? '').trim());
    if (marker?.kind === 'number') {
      const bare = !marker.rest;
      const inSequence = previousNumber === null || isNextNumber(previousNumber, marker.number);
      // A bare number out of sequence is a row only when close to the last ("7" after "5": a row lost);
      // a figure alone on its line ("80", "100") is a target cell of the row above.
      const near = previousNumber !== null && isNearNumber(previousNumber, marker.number);
      const currentFull =
        (current ? current.lines.join(' ').split(/\s+/).length >= roles.length : true) &&
        (previousNumber === null || near);
      if (!bare || inSequence || currentFull || current?.marker.kind !== 'number') {
        raws.push({ marker, lines: marker.rest ? [marker.rest] : [] });
        previousNumber = marker.number;
        continue;
      }
    }
    if (marker?.kind === 'section') {
      raws.push({ marker, lines: [marker.rest] });
      lastSection = marker.marker;
      previousNumber = null;
      continue;
    }
    // In a stage table, a stage heading on its own line ("Mục tiêu đến năm 2030") opens a stage, not a
    // wrapped cell.
    if (!marker && stageTable && isStageHeading(text)) {
      raws.push({ marker: { kind: 'group', marker: '', rest: text }, lines: [text] });
      previousNumber = null;
      continue;
    }
    if (marker?.kind === 'group' && (nextMarker || !current || current.marker.kind !== 'number')) {
      raws.push({ marker, lines: [marker.rest] });
      previousNumber = null;
      continue;
    }
    current?.lines.push(text);
  }
  const rows: BuiltRow[] = [];
  let fitting = 0;
  for (const [rawIndex, raw] of raws.entries()) {
    if (raw.marker.kind !== 'number') {
      rows.push({
        kind: 'span',
        marker: raw.marker.marker,
        text: raw.lines.join(' ').replace(/\s+/g, ' ').trim(),
      });
      fitting++;
      continue;
    }
    const tokens = raw.lines.flatMap((line) => tokensOf(line));
    if (!tokens.length) continue;
    // A numbered group ("1 Phát triển hạ tầng" over "1.1", "1.2"): a name alone, nothing to split.
    const next = raws[rawIndex + 1]?.marker;
    const number = raw.marker.number;
    if (
      next?.kind === 'number' &&
      next.number.startsWith(`${number}.`) &&
      !tokens.some((token) => isFigure(token.text))
    ) {
      fitting++;
      const text = joinTokens(tokens);
      rows.push({ kind: 'row', number, cells: roles.map((role) => (role === 'name' ? text : '')) });
      continue;
    }
    const { cells, cost } = assignCells(tokens, roles);
    const runs = figureRuns(tokens);
    // More figures outside parentheses than the header has value columns: a cell was lost or merged.
    const loose = featuresOf(tokens).loose.at(-1) ?? 0;
    const valueColumns = roles.filter((role) => role === 'value').length;
    const reads = cost / roles.length < 1 && runs <= 2 && Boolean(cells[roles.indexOf('name')]);
    if (reads) fitting++;
    rows.push(
      reads && (valueColumns === 0 || loose <= valueColumns)
        ? { kind: 'row', number: raw.marker.number, cells }
        : { kind: 'row', number: raw.marker.number, cells, reasons: [UNSURE_SPLIT] },
    );
  }
  return {
    columns,
    rows,
    quality: rows.length ? (fitting / rows.length) * (MIN_QUALITY / FLOWED_QUALITY) : 0,
  };
};

/** A line that is only a stage heading: "Mục tiêu đến năm 2030", "Đến hết năm 2025", "Giai đoạn 2026 - 2030". */
export const isStageHeading = (text: string): boolean =>
  /^(?:muc tieu |chi tieu )?(?:den (?:het )?nam|nam|giai doan) 20[2-6]\d(?:\s*[-–]\s*20[2-6]\d)?:?$/.test(
    foldKeepingPositions(readDamagedYears(text)).replace(/\s+/g, ' ').trim(),
  ) || stageHeadingYear(text) !== null;

/**
 * A section numeral alone on its line with the section's name on the next ("II" / "Phát triển nguồn
 * lực"), as a table flowed one cell per line prints it. Only the next section in order counts (the
 * first, or the one after `lastSection`): a lone "X" or "V" is more often a mark in a cell.
 *
 * @returns the roman numeral, or null when the line is not such a section
 */
export const bareSectionAt = (
  lines: readonly Line[],
  index: number,
  lastSection: string | null,
): string | null => {
  const text = (lines[index]?.text ?? '').trim();
  if (/\s/.test(text)) return null;
  const roman = readRomanMarker(text);
  if (!roman) return null;
  const expected = lastSection ? romanValue(lastSection) + 1 : 1;
  if (romanValue(roman) !== expected) return null;
  const next = (lines[index + 1]?.text ?? '').trim();
  if (!/^\p{Lu}\p{Ll}/u.test(next) || readMarker(next) || endsTable(next)) return null;
  return roman;
};

/** A flowed table is kept only when this share of its rows read cleanly (its cells are a guess). */
const FLOWED_QUALITY = 0.75;

/** The table as a `DocTable`: one folded header row, then one row per table row. */
export const toDocTable = (table: BuiltTable, page?: number): DocTable => {
  const width = table.columns.length;
  const header: DocCell[] = table.columns.map((column, index) => ({
    text: index === 0 && column.role === 'number' && !/^(stt|tt)$/i.test(column.label) ? 'STT' : column.label,
    colSpan: 1,
    rowSpan: 1,
  }));
  const rows: DocCell[][] = [header];
  const rowReasons: Record<number, string[]> = {};
  for (const row of table.rows) {
    if (row.kind === 'row' && row.reasons?.length) rowReasons[rows.length] = row.reasons;
    if (row.kind === 'span') {
      rows.push([
        { text: row.marker, colSpan: 1, rowSpan: 1 },
        { text: row.text, colSpan: Math.max(1, width - 1), rowSpan: 1 },
      ]);
      continue;
    }
    rows.push([
      { text: row.number, colSpan: 1, rowSpan: 1 },
      ...row.cells.map((text) => ({ text: text.replace(/\s+/g, ' ').trim(), colSpan: 1, rowSpan: 1 })),
    ]);
  }
  const doc: DocTable = { kind: 'table', rows, fromText: true };
  if (Object.keys(rowReasons).length) doc.rowReasons = rowReasons;
  if (page !== undefined) doc.page = page;
  return doc;
};

/** Below this share of lines that read as rows, a candidate table is left as paragraphs. */
export const MIN_QUALITY = 0.6;
