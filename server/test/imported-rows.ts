/** Test support: rows as a plan's import reads them (TImportedIndicator, TImportedTask), certain and complete. */
import type { TImportedIndicator, TImportedTask } from '@core/schemas/import.schemas';

/** An indicator row read with certainty, with what the test changes. */
export const importedIndicator = (over: Partial<TImportedIndicator> = {}): TImportedIndicator => ({
  code: '1',
  group: null,
  name: 'Tỷ lệ hồ sơ được số hóa',
  unit: '%',
  targets: [{ year: 2030, raw: '100%', op: '>=', value: 100 }],
  baselineYear: null,
  lead: 'Trung tâm HCC',
  executor: null,
  coordinating: [],
  leader: null,
  evidence: null,
  catalogCode: null,
  review: { confident: true, reasons: [] },
  ...over,
});

/** A task row read with certainty, with what the test changes. */
export const importedTask = (over: Partial<TImportedTask> = {}): TImportedTask => ({
  code: '1',
  group: null,
  name: 'Vận hành phần mềm quản trị',
  lead: 'Trung tâm HCC',
  coordinating: [],
  leader: null,
  output: null,
  deadlineRaw: 'Quý IV/2025',
  deadline: { kind: 'by', date: '2025-12-31' },
  review: { confident: true, reasons: [] },
  ...over,
});
