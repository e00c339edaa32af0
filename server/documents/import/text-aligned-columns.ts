/**
 * Aligned columns: text whose columns keep their character positions from line to line (OCR engines,
 * `pdftotext -layout`), read as segments placed into column ranges.
 */

type Segment = { start: number; end: number; text: string };

export const segmentsOf = (text: string): Segment[] => {
  const out: Segment[] = [];
  const spaced = text.replace(/\t/g, '  ').replace(/\|/g, ' ');
  for (const match of spaced.matchAll(/\S+(?: \S+)*/g)) {
    const start = match.index ?? 0;
    out.push({ start, end: start + match[0].length, text: match[0] });
  }
  return out;
};

/**
 * Finds the character columns of an aligned table: the x ranges that the lines' text covers, split at
 * the gaps no line with several cells crosses.
 *
 * @param lines - the body lines
 * @returns the column ranges, left to right (empty when fewer than three are found)
 */
export const alignedColumns = (lines: readonly string[]): Array<{ start: number; end: number }> => {
  const multi = lines.map(segmentsOf).filter((segments) => segments.length >= 3);
  if (multi.length < 2) return [];
  const width = Math.max(...multi.map((segments) => segments.at(-1)?.end ?? 0));
  const cover = new Array<number>(width + 1).fill(0);
  for (const segments of multi)
    for (const segment of segments)
      for (let x = segment.start; x < segment.end; x++) cover[x] = (cover[x] ?? 0) + 1;
  const tolerance = Math.floor(multi.length * 0.04);
  const columns: Array<{ start: number; end: number }> = [];
  let open = -1;
  for (let x = 0; x <= width; x++) {
    const covered = (cover[x] ?? 0) > tolerance;
    if (covered && open < 0) open = x;
    if (!covered && open >= 0) {
      columns.push({ start: open, end: x });
      open = -1;
    }
  }
  return columns.length >= 3 ? columns : [];
};

/**
 * The columns a header names where no body line prints anything (a column left empty on every row):
 * header labels that overlap none of the body's columns, each run of overlapping labels one column.
 * Without them such labels would join the nearest column's label.
 *
 * @param header - the header lines, aligned like the body
 * @param ranges - the columns found from the body
 * @returns the extra columns, left to right
 */
export const emptyColumns = (
  header: readonly { text: string }[],
  ranges: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> => {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    Math.min(a.end, b.end) > Math.max(a.start, b.start);
  const loose = header
    .flatMap((line) => segmentsOf(line.text))
    .filter((segment) => !ranges.some((range) => overlaps(range, segment)))
    .sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const segment of loose) {
    const last = out.at(-1);
    if (last && segment.start < last.end) last.end = Math.max(last.end, segment.end);
    else out.push({ start: segment.start, end: segment.end });
  }
  // A run that grew over a body column is no empty column of its own.
  return out.filter((column) => !ranges.some((range) => overlaps(range, column)));
};

/** Puts a line's segments into columns by overlap; a segment spanning columns goes to the first. */
export const placeSegments = (
  segments: readonly Segment[],
  columns: ReadonlyArray<{ start: number; end: number }>,
): Array<{ text: string; span: number }> => {
  const cells = columns.map(() => ({ text: '', span: 1 }));
  for (const segment of segments) {
    let bestIndex = 0;
    let bestOverlap = -Infinity;
    const overlaps = columns.map(
      (column) => Math.min(column.end, segment.end) - Math.max(column.start, segment.start),
    );
    overlaps.forEach((overlap, index) => {
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        bestIndex = index;
      }
    });
    const first = overlaps.findIndex((overlap) => overlap > 0);
    const spanned = overlaps.filter((overlap) => overlap > 0).length;
    const index = spanned > 1 ? Math.max(first, 0) : bestIndex;
    const target = cells[index] as { text: string; span: number };
    target.text = target.text ? `${target.text} ${segment.text}` : segment.text;
    if (spanned > 1) target.span = Math.max(target.span, spanned);
  }
  return cells;
};

export type PlacedLine = { cells: ReadonlyArray<{ text: string }> };

/**
 * How many of the lines between two row numbers of a table whose numbers sit centred in tall cells are
 * the tail of the row above; the rest are the top of the row whose number line is `numberLine`.
 * The row's top is the last line whose name cell opens with a capital, as a name opens, when its name
 * runs from there down to the number's line without a gap: a name cell that stops above lines whose
 * name cell is empty ("(VNeID)" under "Người dân có tài khoản định danh điện tử") ends the row above.
 * Name lines that open in lower case ("nhân trong công việc", "hiểm, giao thông"), and lines whose
 * pieces all open in lower case ("tổ dân phố" alone under an agency), go on the row above.
 *
 * @param pending - the lines after the last row's number line, before this row's
 * @param numberLine - the line of this row's number
 * @returns the count of leading lines that belong to the row above
 */
export const tailOfRowAbove = (pending: readonly PlacedLine[], numberLine: PlacedLine): number => {
  const name = (line: PlacedLine | undefined) => line?.cells[1]?.text ?? '';
  const top = pending.findLastIndex((line) => /^["“(]*\p{Lu}/u.test(name(line)));
  const gap =
    top >= 0 &&
    name(numberLine) !== '' &&
    pending.slice(top + 1).some((line) => !name(line) && line.cells.some((cell) => cell.text));
  if (top >= 0 && !gap) return top;
  // A line whose pieces all open in lower case goes on the cells above ("tổ dân phố" under an agency);
  // so does a figure in parentheses under a value ("Duy trì" / "(3%)").
  const continues = (line: PlacedLine | undefined) => {
    const pieces = (line?.cells ?? []).map((cell) => cell.text).filter(Boolean);
    return (
      /^["“(]*\p{Ll}/u.test(name(line)) ||
      (pieces.length > 0 && pieces.every((piece) => /^["“(]*\p{Ll}|^\(\d/u.test(piece)))
    );
  };
  let cut = gap ? top + 1 : 0;
  while (cut < pending.length && continues(pending[cut])) cut++;
  return cut;
};
