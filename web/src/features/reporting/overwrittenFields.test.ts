import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { describe, expect, it } from 'vitest';
import { overwrittenFields } from './overwrittenFields';
import { draftFromReport, EMPTY_VALUE_DRAFT } from './reportDraft';

const indicator = (id: string, unit: string | null, value: number | null) => ({
  indicatorId: id,
  code: id,
  name: `Chỉ tiêu ${id}`,
  unit,
  targetText: null,
  milestone: null,
  isQualitative: false,
  value,
  numerator: null,
  denominator: null,
  assessment: null,
  note: null,
  missingReason: null,
  previous: null,
});

/** The server's latest version: someone else gave 90 to "a", 1.710 to "b", and a difficulty. */
const latest = {
  period: { id: 'p', dueDate: '2026-11-30', dataTo: '2026-11-14' },
  unitId: 'u',
  report: { id: 'r', revision: 4 },
  nothingArose: false,
  difficulties: 'Thiếu người',
  proposals: null,
  indicators: [indicator('a', '%', 90), indicator('b', 'hồ sơ', 1710)],
  tasks: [
    {
      taskId: 't',
      code: null,
      name: 'Số hóa hồ sơ',
      deadlineText: null,
      status: 'in_progress',
      progress: 40,
      completedOn: null,
      result: null,
    },
  ],
} as unknown as TUnitReport;

describe('overwrittenFields', () => {
  it('finds nothing when the draft is the latest version, however its figures are written', () => {
    const mine = draftFromReport(latest);
    mine.values.b = { ...EMPTY_VALUE_DRAFT, value: '1710' };
    expect(overwrittenFields(latest, mine)).toEqual([]);
  });

  it("names each field whose server value the user's version replaces, with both values", () => {
    const mine = draftFromReport(latest);
    mine.values.a = { ...EMPTY_VALUE_DRAFT, value: '86' };
    mine.tasks.t = { status: 'done', progress: 100, completedOn: '2026-11-10', result: 'Xong' };
    mine.difficulties = '';
    expect(overwrittenFields(latest, mine)).toEqual([
      { row: 'Chỉ tiêu a', field: 'value', server: 90, mine: 86 },
      { row: 'Số hóa hồ sơ', field: 'status', server: 'in_progress', mine: 'done' },
      { row: 'Số hóa hồ sơ', field: 'progress', server: 40, mine: 100 },
      { row: 'Số hóa hồ sơ', field: 'completedOn', server: null, mine: '2026-11-10' },
      { row: 'Số hóa hồ sơ', field: 'result', server: null, mine: 'Xong' },
      { row: null, field: 'difficulties', server: 'Thiếu người', mine: null },
    ]);
  });

  it('counts a value emptied with a reason as replacing the figure and adding the reason', () => {
    const mine = draftFromReport(latest);
    mine.values.b = { ...EMPTY_VALUE_DRAFT, isMissing: true, missingReason: 'Chờ số liệu của Sở' };
    expect(overwrittenFields(latest, mine)).toEqual([
      { row: 'Chỉ tiêu b', field: 'value', server: 1710, mine: null },
      { row: 'Chỉ tiêu b', field: 'missingReason', server: null, mine: 'Chờ số liệu của Sở' },
    ]);
  });
});
