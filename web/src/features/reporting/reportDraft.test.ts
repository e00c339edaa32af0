import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { describe, expect, it } from 'vitest';
import {
  draftErrors,
  draftFromReport,
  EMPTY_VALUE_DRAFT,
  emptyIndicators,
  missingReasonText,
  requestFromDraft,
} from './reportDraft';

const indicator = (
  id: string,
  unit: string | null,
  extra: Partial<TUnitReport['indicators'][number]> = {},
) => ({
  indicatorId: id,
  code: id,
  name: `Chỉ tiêu ${id}`,
  unit,
  targetText: null,
  milestone: null,
  isQualitative: false,
  value: null,
  numerator: null,
  denominator: null,
  assessment: null,
  note: null,
  missingReason: null,
  previous: null,
  ...extra,
});

const report = {
  period: { id: 'p', dueDate: '2026-11-30', dataTo: '2026-11-14' },
  unitId: 'u',
  report: { revision: 3 },
  nothingArose: false,
  difficulties: null,
  proposals: null,
  indicators: [indicator('a', '%'), indicator('b', 'hồ sơ'), indicator('c', '%')],
  tasks: [],
} as unknown as TUnitReport;

const messages = { fractionIncomplete: 'FRACTION', missingReasonRequired: 'REASON' };

describe('report draft figures', () => {
  it('sends "1.710 / 1.900" as 1710 / 1900 and "1.234,5" as 1234.5', () => {
    const draft = draftFromReport(report);
    draft.values.a = { ...EMPTY_VALUE_DRAFT, numerator: '1.710', denominator: '1.900' };
    draft.values.b = { ...EMPTY_VALUE_DRAFT, value: '1.234,5' };
    draft.values.c = { ...EMPTY_VALUE_DRAFT, isMissing: true, missingReason: 'Chờ số liệu' };
    expect(draftErrors(report, draft, messages)).toEqual({});
    const { body } = requestFromDraft(report, draft);
    expect(body.values).toEqual([
      expect.objectContaining({
        indicatorId: 'a',
        numerator: 1710,
        denominator: 1900,
        value: 90,
        missingReason: null,
      }),
      expect.objectContaining({ indicatorId: 'b', value: 1234.5 }),
      expect.objectContaining({ indicatorId: 'c', value: null, missingReason: 'Chờ số liệu' }),
    ]);
    expect(emptyIndicators(report, draft)).toEqual([]);
  });

  it('puts a message on each field it cannot keep as typed, never a changed value', () => {
    const draft = draftFromReport(report);
    draft.values.a = { ...EMPTY_VALUE_DRAFT, value: '150' };
    draft.values.b = { ...EMPTY_VALUE_DRAFT, value: '-5' };
    draft.values.c = { ...EMPTY_VALUE_DRAFT, value: '12.5' };
    expect(draftErrors(report, draft, messages)).toEqual({
      'values.a.value': 'Chỉ tiêu tính theo %, giá trị phải từ 0 đến 100',
      'values.b.value': 'Giá trị không được âm',
      'values.c.value': expect.stringContaining('ví dụ "12,5"'),
    });
  });

  it('asks for a reason when "Chưa có số liệu" is ticked, and counts empty values to explain', () => {
    const draft = draftFromReport(report);
    draft.values.a = { ...EMPTY_VALUE_DRAFT, isMissing: true };
    draft.values.b = { ...EMPTY_VALUE_DRAFT, numerator: '5' };
    expect(draftErrors(report, draft, messages)).toEqual({
      'values.a.missingReason': 'REASON',
      'values.b.denominator': 'FRACTION',
    });
    expect(emptyIndicators(report, draft).map((row) => row.indicatorId)).toEqual(['a', 'b', 'c']);
  });
});

describe('missingReasonText', () => {
  const shown = (reason: string) =>
    missingReasonText(reason, 'Chưa có số liệu', (text) => `Chưa có số liệu: ${text}`);

  it('puts the label before a reason that does not start with it', () => {
    expect(shown('Chờ số liệu của Sở')).toBe('Chưa có số liệu: Chờ số liệu của Sở');
  });

  it('shows a reason that already starts with the label alone, whatever its case or Unicode form', () => {
    expect(shown('Chưa có số liệu tổng hợp của kỳ này')).toBe('Chưa có số liệu tổng hợp của kỳ này');
    expect(shown('chưa có số liệu từ xã')).toBe('chưa có số liệu từ xã');
    const decomposed = 'Chưa có số liệu tổng hợp'.normalize('NFD');
    expect(shown(decomposed)).toBe(decomposed);
  });
});
