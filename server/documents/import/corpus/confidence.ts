/**
 * How honest the importer's confidence is, measured against a gold file. A port of the matching of the
 * project's scorer (`server/test/fixtures/seeds/score.mjs`: the same folding, Jaccard similarity, greedy
 * one-to-one matching at 0.5, value and unit comparisons), used to judge each DRAFT row:
 * - an indicator row is right when it is matched to a gold row, its name is the gold name (fidelity 1 after
 *   NFC, case and space folding), every gold target has a draft target of the same year, op and value, the
 *   draft has no target for a year the gold has none, and the lead is the gold lead (when the gold has one);
 * - a task row is right when it is matched, its deadline is the gold deadline (when the gold has one) and
 *   its lead is the gold lead (when the gold has one) — the fields the scorer checks;
 * - any other draft row (unmatched, or with a wrong field) is wrong.
 * A row is "certain" when its `review.confident` is not false, "flagged" when it is false.
 */

type Named = { name?: unknown };
type DraftTarget = { year?: unknown; op?: unknown; value?: unknown };
type DraftRow = Named & {
  targets?: DraftTarget[];
  lead?: unknown;
  deadline?: { kind?: unknown; date?: unknown; every?: unknown } | null;
  review?: { confident?: boolean } | null;
};
type GoldRow = DraftRow;
type Doc = { indicators?: DraftRow[]; tasks?: DraftRow[] };

/** Lower-case, strip diacritics (đ → d), keep letters, digits, % and spaces (as score.mjs). */
export const fold = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();

const tokens = (s: unknown): Set<string> => new Set(fold(s).split(' ').filter(Boolean));

/** Token Jaccard similarity of two names after folding (as score.mjs). */
export const jaccard = (a: unknown, b: unknown): number => {
  const A = tokens(a);
  const B = tokens(b);
  if (!A.size && !B.size) return 1;
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  return inter / (A.size + B.size - inter);
};

const levenshtein = (a: string, b: string): number => {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++)
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[n] ?? 0;
};

/** Similarity of two names with diacritics kept (as score.mjs). */
export const fidelity = (a: unknown, b: unknown): number => {
  const norm = (s: unknown) =>
    String(s ?? '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  const x = norm(a);
  const y = norm(b);
  if (!x.length && !y.length) return 1;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
};

/** Greedy one-to-one matching of gold rows to draft rows by name similarity (as score.mjs). */
export const matchRows = (gold: Named[], draft: Named[], threshold = 0.5): Array<[number, number]> => {
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => {
    draft.forEach((d, di) => {
      const s = jaccard(g.name, d.name);
      if (s >= threshold) pairs.push([s, gi, di]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<number>();
  const usedD = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, gi, di] of pairs) {
    if (usedG.has(gi) || usedD.has(di)) continue;
    usedG.add(gi);
    usedD.add(di);
    out.push([gi, di]);
  }
  return out;
};

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) || Array.isArray(b)
    ? JSON.stringify(a) === JSON.stringify(b)
    : (a == null && b == null) || (a != null && b != null && Math.abs(Number(a) - Number(b)) < 1e-9);
const sameUnit = (a: unknown, b: unknown): boolean =>
  (a == null && b == null) || (a != null && b != null && jaccard(a, b) >= 0.8);

const indicatorRight = (g: GoldRow, d: DraftRow): boolean => {
  if (fidelity(g.name, d.name) < 1) return false;
  const gt = g.targets ?? [];
  const dt = d.targets ?? [];
  for (const target of gt) {
    const found = dt.find((t) => t.year === target.year);
    if (!found || found.op !== target.op || !sameValue(found.value, target.value)) return false;
  }
  if (dt.some((t) => !gt.some((target) => target.year === t.year))) return false;
  return g.lead == null || sameUnit(g.lead, d.lead);
};

const taskRight = (g: GoldRow, d: DraftRow): boolean => {
  if (g.deadline != null) {
    const dd = d.deadline;
    if (
      !dd ||
      dd.kind !== g.deadline.kind ||
      (dd.date ?? null) !== (g.deadline.date ?? null) ||
      (dd.every ?? null) !== (g.deadline.every ?? null)
    )
      return false;
  }
  return g.lead == null || sameUnit(g.lead, d.lead);
};

/** Counts of draft rows by whether they are right and whether the importer flagged them. */
export type ConfidenceCounts = {
  certainRight: number;
  certainWrong: number;
  flaggedRight: number;
  flaggedWrong: number;
};

export const emptyCounts = (): ConfidenceCounts => ({
  certainRight: 0,
  certainWrong: 0,
  flaggedRight: 0,
  flaggedWrong: 0,
});

/**
 * Judges every draft row (indicators and tasks) against the gold.
 *
 * @returns the counts, to be added over a corpus
 */
export const confidenceCounts = (gold: Doc, draft: Doc): ConfidenceCounts => {
  const counts = emptyCounts();
  const judge = (goldRows: GoldRow[], draftRows: DraftRow[], right: (g: GoldRow, d: DraftRow) => boolean) => {
    const matched = new Map<number, number>();
    for (const [gi, di] of matchRows(goldRows, draftRows)) matched.set(di, gi);
    draftRows.forEach((d, di) => {
      const gi = matched.get(di);
      const g = gi == null ? undefined : goldRows[gi];
      const ok = g != null && right(g, d);
      const flagged = d.review?.confident === false;
      if (flagged) ok ? counts.flaggedRight++ : counts.flaggedWrong++;
      else ok ? counts.certainRight++ : counts.certainWrong++;
    });
  };
  judge(gold.indicators ?? [], draft.indicators ?? [], indicatorRight);
  judge(gold.tasks ?? [], draft.tasks ?? [], taskRight);
  return counts;
};

/** Adds counts into a total. */
export const addCounts = (total: ConfidenceCounts, more: ConfidenceCounts): ConfidenceCounts => ({
  certainRight: total.certainRight + more.certainRight,
  certainWrong: total.certainWrong + more.certainWrong,
  flaggedRight: total.flaggedRight + more.flaggedRight,
  flaggedWrong: total.flaggedWrong + more.flaggedWrong,
});

/** The two figures of the issue: share of certain rows that are right, share of wrong rows flagged. */
export const confidenceFigures = (
  counts: ConfidenceCounts,
): { certainRight: number | null; wrongFlagged: number | null } => {
  const certain = counts.certainRight + counts.certainWrong;
  const wrong = counts.certainWrong + counts.flaggedWrong;
  return {
    certainRight: certain ? counts.certainRight / certain : null,
    wrongFlagged: wrong ? counts.flaggedWrong / wrong : null,
  };
};
