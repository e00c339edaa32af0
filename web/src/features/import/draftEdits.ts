/**
 * Pure edits of an import draft made on the review screen, and the reading of the server's answer to a
 * refused save. Targets and deadlines are re-read with the same parsers the server uses, so what the
 * officer types means the same here and once saved.
 */
import { parseDeadline } from '@core/domain/deadlines';
import { parseTarget } from '@core/domain/targets';
import type {
  TImportedDeadline,
  TImportedIndicator,
  TImportedPlanDraft,
  TImportedTarget,
  TImportedTask,
} from '@core/schemas/import.schemas';
import type { ApiErrorDetail } from '../../api/client';

/** The target of an indicator for a year typed as printed ("≥ 85%", "Duy trì 100%"); empty removes it. */
export const withTarget = (indicator: TImportedIndicator, year: number, raw: string): TImportedIndicator => {
  const text = raw.trim();
  const others = indicator.targets.filter((target) => target.year !== year);
  if (!text) return { ...indicator, targets: others };
  const parsed = parseTarget(text);
  const target: TImportedTarget = {
    year,
    raw: text,
    op: parsed.op,
    value:
      parsed.op === 'range' && parsed.value !== null && parsed.valueHigh !== null
        ? [parsed.value, parsed.valueHigh]
        : parsed.value,
  };
  return { ...indicator, targets: [...others, target].sort((a, b) => a.year - b.year) };
};

/** A deadline typed as printed ("Quý IV/2025", "Hằng năm"), with the meaning the server will read. */
export const withDeadline = (task: TImportedTask, raw: string): TImportedTask => {
  const text = raw.trim();
  if (!text) return { ...task, deadlineRaw: null, deadline: null };
  const parsed = parseDeadline(text);
  let deadline: TImportedDeadline | null = null;
  if (parsed?.kind === 'by') deadline = { kind: 'by', date: parsed.date };
  else if (parsed?.kind === 'recurring') deadline = { kind: 'recurring', every: parsed.every };
  else if (parsed) deadline = { kind: parsed.kind };
  return { ...task, deadlineRaw: text, deadline };
};

/** Every year or stage column the draft's indicators have a target for, in order. */
export const targetYearsOf = (draft: TImportedPlanDraft): number[] =>
  [...new Set(draft.indicators.flatMap((indicator) => indicator.targets.map((target) => target.year)))].sort(
    (a, b) => a - b,
  );

/** Whether the importer trusted the row (a row without review flags is trusted). */
export const isConfident = (row: { review?: { confident: boolean } }): boolean =>
  row.review?.confident !== false;

/** A printed unit name with its coordinating list split the way the officer types it ("A; B"). */
export const splitUnitNames = (text: string): string[] =>
  text
    .split(/\s*;\s*|\n+/)
    .map((name) => name.trim())
    .filter(Boolean);

/** The server's problems with a refused draft, sorted by where they belong on the screen. */
export type DraftErrors = {
  /** "title", "signer.name", "basis.0.number"… → messages. */
  plan: Map<string, string[]>;
  /** "indicators.3" / "tasks.2" → messages ("name: …"). */
  rows: Map<string, string[]>;
  /** printed unit name → messages. */
  units: Map<string, string[]>;
  /** Everything else, and everything when no field is named. */
  general: string[];
};

const push = (map: Map<string, string[]>, key: string, message: string) => {
  map.set(key, [...(map.get(key) ?? []), message]);
};

/**
 * Sorts the details of a 400 from POST /plans/from-draft by place: the server names each problem by
 * its place in the draft ("indicators.3.targets.0.value", "plan.title", `unitMapping["Tổ CNS"].unitId`).
 */
export const draftErrorsOf = (details: readonly ApiErrorDetail[]): DraftErrors => {
  const errors: DraftErrors = { plan: new Map(), rows: new Map(), units: new Map(), general: [] };
  for (const { field, message } of details) {
    const unit = /^unitMapping\[("(?:[^"\\]|\\.)*")\]/.exec(field);
    if (unit?.[1]) {
      try {
        push(errors.units, JSON.parse(unit[1]) as string, message);
        continue;
      } catch {
        // Not a JSON string after all: shown with the general problems.
      }
    }
    const row = /^(indicators|tasks)\.(\d+)(?:\.(.+))?$/.exec(field);
    if (row) {
      push(errors.rows, `${row[1]}.${row[2]}`, message);
      continue;
    }
    const plan = /^plan\.(.+)$/.exec(field);
    if (plan?.[1]) {
      push(errors.plan, plan[1], message);
      continue;
    }
    errors.general.push(field ? `${field}: ${message}` : message);
  }
  return errors;
};

export const NO_ERRORS: DraftErrors = { plan: new Map(), rows: new Map(), units: new Map(), general: [] };

/** A row of the draft on the review screen: a stable key for React, and whether the officer changed it. */
export type ReviewRow<T> = { key: string; value: T; edited: boolean };

/** The draft as the review screen holds it while the officer works on it. */
export type ReviewDraft = {
  source?: string;
  plan: TImportedPlanDraft['plan'];
  indicators: ReviewRow<TImportedIndicator>[];
  tasks: ReviewRow<TImportedTask>[];
  uncertain: string[];
};

export const reviewDraftOf = (draft: TImportedPlanDraft): ReviewDraft => ({
  ...(draft.source === undefined ? {} : { source: draft.source }),
  plan: draft.plan,
  indicators: draft.indicators.map((value, index) => ({ key: `i${index}`, value, edited: false })),
  tasks: draft.tasks.map((value, index) => ({ key: `t${index}`, value, edited: false })),
  uncertain: draft.uncertain,
});

/** The draft to send: what the officer sees, rows in their order. */
export const draftOfReview = (review: ReviewDraft): TImportedPlanDraft => ({
  ...(review.source === undefined ? {} : { source: review.source }),
  plan: review.plan,
  indicators: review.indicators.map((row) => row.value),
  tasks: review.tasks.map((row) => row.value),
  uncertain: review.uncertain,
});

/** Replaces one row's value through `change`, marking it edited. */
export const updateRow = <T>(
  rows: ReadonlyArray<ReviewRow<T>>,
  key: string,
  change: (value: T) => T,
): ReviewRow<T>[] =>
  rows.map((row) => (row.key === key ? { key, value: change(row.value), edited: true } : row));

/** "Tên chỉ tiêu" → "tên chỉ tiêu", keeping abbreviations ("Số TT" → "số TT"). */
export const lowerFirst = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
