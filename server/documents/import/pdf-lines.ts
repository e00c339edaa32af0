/**
 * The text of a digital PDF page as lines: what the geometry worker reports (runs, rules, images), the
 * runs grouped into lines by baseline and split into segments at wide gaps (glyphs drawn from a fallback
 * font put back in their run), and lines split into words with estimated positions and rebuilt from them.
 * The tables (pdf-tables.ts) and the page layout (pdf-layout.ts) read these lines.
 *
 * Coordinates are PDF page space: points, y growing upwards.
 */
/** A text run as pdfjs reports it: left and right edge, baseline, font size. */
export type PdfRun = { x: number; y: number; end: number; size: number; text: string };

/** A straight rule: x1, y1, x2, y2 (horizontal or vertical). */
export type PdfRule = readonly [number, number, number, number];

/** One page's geometry, as the geometry worker reads it. */
export type PdfPageGeometry = {
  pageNumber: number;
  /** The page box: x0, y0, x1, y1. */
  box: readonly [number, number, number, number];
  runs: PdfRun[];
  rules: PdfRule[];
  /** How many images the page paints (a page with images and no text is a scan). */
  images: number;
};

export type Segment = { x: number; end: number; text: string };
export type Line = { y: number; size: number; segments: Segment[] };
export type Word = { x: number; end: number; y: number; size: number; text: string; line: number };

// ---------------------------------------------------------------------------------------------
// Lines from runs

/**
 * Puts glyphs drawn from a fallback font back into the run they belong to. When the main font lacks a
 * letter ("ệ", "ạ"), the writer draws it later from another font, and the main run holds a blank in its
 * place: "Thực hi n" + "ệ". The glyph replaces the blank nearest to where it is drawn.
 */
const mergeFallbackGlyphs = (ordered: readonly PdfRun[]): PdfRun[] => {
  const placed: PdfRun[] = [];
  for (const run of ordered) {
    const host = placed.find((candidate) => run.x > candidate.x + 0.5 && run.x < candidate.end - 0.5);
    const blanks = host ? [...host.text.matchAll(/ /g)].map((match) => match.index ?? 0) : [];
    if (!host || !blanks.length || run.text.length > 3) {
      placed.push({ ...run });
      continue;
    }
    const perChar = (host.end - host.x) / Math.max(1, host.text.length);
    const at = (run.x - host.x) / perChar;
    const blank = blanks.reduce((best, index) => (Math.abs(index - at) < Math.abs(best - at) ? index : best));
    host.text = `${host.text.slice(0, blank)}${run.text}${host.text.slice(blank + 1)}`;
  }
  return placed;
};

/**
 * Groups runs into lines by baseline (top to bottom), and each line into segments split at wide gaps.
 *
 * @param runs - a page's runs (or the runs of one region)
 * @returns the lines
 */
export const buildLines = (runs: readonly PdfRun[]): Line[] => {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; runs: PdfRun[] }> = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) < Math.min(line.size, run.size) * 0.45) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines.map((line) => {
    const ordered = mergeFallbackGlyphs([...line.runs].sort((a, b) => a.x - b.x));
    const segments: Segment[] = [];
    for (const run of ordered) {
      const current = segments.at(-1);
      const gap = current ? run.x - current.end : Number.POSITIVE_INFINITY;
      // Word spaces are about a quarter of the font size; table cells are padded wider than 0.6 em.
      if (current && gap < run.size * 0.6) {
        current.text += gap > run.size * 0.12 ? ` ${run.text}` : run.text;
        current.end = Math.max(current.end, run.end);
        continue;
      }
      // A run that itself holds a wide space gap glues two cells: split it.
      const parts = run.text.split(/ {3,}/);
      const perChar = (run.end - run.x) / Math.max(1, run.text.length);
      let offset = 0;
      for (const part of parts) {
        const at = run.text.indexOf(part, offset);
        segments.push(
          parts.length === 1
            ? { x: run.x, end: run.end, text: run.text }
            : { x: run.x + at * perChar, end: run.x + (at + part.length) * perChar, text: part },
        );
        offset = at + part.length;
      }
    }
    return { y: line.y, size: line.size, segments };
  });
};

/** Splits lines into words with estimated positions (a run's width shared evenly by its characters). */
export const wordsOf = (lines: readonly Line[]): Word[] =>
  lines.flatMap((line, index) =>
    line.segments.flatMap((segment) => {
      const perChar = (segment.end - segment.x) / Math.max(1, segment.text.length);
      const words: Word[] = [];
      for (const match of segment.text.matchAll(/\S+/g)) {
        const at = match.index ?? 0;
        words.push({
          x: segment.x + at * perChar,
          end: segment.x + (at + match[0].length) * perChar,
          y: line.y,
          size: line.size,
          text: match[0],
          line: index,
        });
      }
      return words;
    }),
  );

/** Rebuilds lines from words (of the same source lines), segments split where the gap is wide. */
export const linesOfWords = (words: readonly Word[]): Line[] => {
  const byLine = new Map<number, Word[]>();
  for (const word of words) {
    const list = byLine.get(word.line);
    if (list) list.push(word);
    else byLine.set(word.line, [word]);
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, lineWords]) => {
      const ordered = [...lineWords].sort((a, b) => a.x - b.x);
      const first = ordered[0] as Word;
      const segments: Segment[] = [];
      for (const word of ordered) {
        const current = segments.at(-1);
        if (current && word.x - current.end < word.size * 0.6) {
          current.text += ` ${word.text}`;
          current.end = word.end;
        } else segments.push({ x: word.x, end: word.end, text: word.text });
      }
      return { y: first.y, size: first.size, segments };
    });
};
