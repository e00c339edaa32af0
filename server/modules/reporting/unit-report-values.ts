/**
 * The rules a unit report's figures follow on the server, with the shared rules of
 * core/domain/indicator-values.ts: every figure is kept as sent or refused with a message naming its
 * indicator (code and name) — never clamped; a report is submitted only when each value is given or
 * explained ("Chưa có số liệu" with a reason); a late report says why.
 */
import { formatDateVi } from '@core/domain/deadlines';
import { checkIndicatorFigures } from '@core/domain/indicator-values';
import type { TSaveReportRequest } from '@core/schemas/reporting.schemas';
import { AppError, type ErrorDetail } from '../../errors';
import type { ValueRow } from '../../shared/report-reads';

/** An indicator the unit leads, as the form lists it. */
export type LedIndicator = {
  id: string;
  code: string | null;
  name: string;
  unit: string | null;
  isQualitative: boolean;
};

const NAME_SHOWN = 80;

/** "I.5 – Tỷ lệ hồ sơ…": how a message names an indicator. */
export const indicatorLabel = (row: { code: string | null; name: string }): string => {
  const name = row.name.length > NAME_SHOWN ? `${row.name.slice(0, NAME_SHOWN).trimEnd()}…` : row.name;
  return row.code ? `${row.code} – ${name}` : name;
};

/**
 * Checks the value rows of a save: each one of an indicator the unit leads, its figures in range and in
 * agreement (core rules), a "Chưa có số liệu" reason only where no value is given.
 *
 * @returns the rows to store, the value computed from numerator and denominator where none was typed
 * @throws AppError VALIDATION_FAILED, one detail per problem ("values.<index>.<field>"), naming the indicator
 */
export const checkValueRows = (
  rows: TSaveReportRequest['values'],
  led: ReadonlyArray<LedIndicator>,
  problems: ErrorDetail[] = [],
) => {
  const byId = new Map(led.map((row) => [row.id, row]));
  const checked = rows.flatMap((row, index) => {
    const indicator = byId.get(row.indicatorId);
    if (!indicator) {
      problems.push({
        field: `values.${index}.indicatorId`,
        message: 'Chỉ tiêu này không do đơn vị chủ trì',
      });
      return [];
    }
    const label = indicatorLabel(indicator);
    const { value, problems: found } = checkIndicatorFigures(row, indicator.unit);
    for (const problem of found)
      problems.push({
        field: `values.${index}.${problem.field}`,
        message: `${problem.message} (chỉ tiêu ${label})`,
      });
    const hasFigure = value != null || row.assessment != null;
    if (hasFigure && row.missingReason)
      problems.push({
        field: `values.${index}.missingReason`,
        message: `Đã có số liệu thì không chọn "Chưa có số liệu" (chỉ tiêu ${label})`,
      });
    return [{ ...row, value, assessment: row.assessment ?? null, missingReason: row.missingReason ?? null }];
  });
  return { values: checked, problems };
};

/**
 * Refuses to submit a report with a value that is neither given nor explained.
 *
 * @param led - the indicators the unit leads, in the form's order (the index of the field it names)
 * @throws AppError VALIDATION_FAILED naming every indicator left empty without a reason
 */
export const assertFiguresComplete = (led: ReadonlyArray<LedIndicator>, values: ReadonlyArray<ValueRow>) => {
  const byIndicator = new Map(values.map((row) => [row.indicatorId, row]));
  const missing = led.flatMap((indicator, index) => {
    const row = byIndicator.get(indicator.id);
    const given = indicator.isQualitative ? row?.assessment != null : row?.value != null;
    return given || row?.missingReason?.trim() ? [] : [{ indicator, index }];
  });
  if (missing.length === 0) return;
  throw new AppError('VALIDATION_FAILED', {
    message: `Còn ${missing.length} chỉ tiêu chưa có số liệu: ${missing.map(({ indicator }) => indicator.code ?? indicatorLabel(indicator)).join(', ')}. Hãy nhập số liệu hoặc chọn "Chưa có số liệu" và ghi lý do cho từng chỉ tiêu, rồi nộp lại.`,
    details: missing.map(({ indicator, index }) => ({
      field: `values.${index}.missingReason`,
      message: `Chưa có số liệu: nhập số liệu hoặc ghi lý do "Chưa có số liệu" (chỉ tiêu ${indicatorLabel(indicator)})`,
    })),
  });
};

/**
 * Refuses a late submission without a reason.
 *
 * @param isLate - whether the version is (or becomes, by this submission) late
 * @param reason - the reason sent now, or the one kept from an earlier submission
 * @throws AppError VALIDATION_FAILED on `lateReason`
 */
export const assertLateReason = (isLate: boolean, reason: string | null, dueDate: string) => {
  if (!isLate || reason?.trim()) return;
  throw new AppError('VALIDATION_FAILED', {
    details: [
      {
        field: 'lateReason',
        message: `Báo cáo nộp sau hạn ${formatDateVi(dueDate)}: hãy ghi lý do nộp muộn`,
      },
    ],
  });
};
