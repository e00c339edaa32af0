import { describe, expect, it } from 'vitest';
import { REPORT_WORKFLOW_LABELS, reportWorkflowText, unitReportStatus } from './report-status';

const DUE = '2026-11-30';
/** 08:00 in Vietnam on the day given. */
const at = (day: string) => new Date(`${day}T01:00:00.000Z`);
const v = (status: string, submittedOn: string | null = null) => ({
  status,
  submittedAt: submittedOn ? at(submittedOn) : null,
});

describe('unitReportStatus: where a unit report stands (dashboard, Phụ lục III, status.xlsx)', () => {
  it.each([
    // [case, versions, asOf, workflow, timeliness, correcting]
    ['nothing yet, before the due date', [], '2026-11-25', 'none', 'not_due', false],
    ['nothing after the due date', [], '2026-12-01', 'none', 'missing', false],
    ['a draft never submitted, before the due date', [v('draft')], '2026-11-25', 'draft', 'not_due', false],
    ['a draft never submitted, overdue', [v('draft')], '2026-12-01', 'draft', 'missing', false],
    [
      'submitted on time, waiting',
      [v('submitted', '2026-11-20')],
      '2026-11-25',
      'submitted',
      'on_time',
      false,
    ],
    ['submitted on the due date itself', [v('submitted', DUE)], '2026-12-05', 'submitted', 'on_time', false],
    [
      'submitted after the due date',
      [v('submitted', '2026-12-02')],
      '2026-12-05',
      'submitted',
      'late',
      false,
    ],
    [
      'accepted, submitted on time',
      [v('accepted', '2026-11-20')],
      '2026-12-05',
      'accepted',
      'on_time',
      false,
    ],
    ['accepted, submitted late', [v('accepted', '2026-12-03')], '2026-12-05', 'accepted', 'late', false],
    // The bug of issue #11: a returned report kept the date of its submission and was printed "Đúng hạn".
    [
      'returned (submitted on time), before the due date',
      [v('returned', '2026-11-20')],
      '2026-11-25',
      'returned',
      'not_due',
      false,
    ],
    [
      'returned (submitted on time), overdue',
      [v('returned', '2026-11-20')],
      '2026-12-05',
      'returned',
      'missing',
      false,
    ],
    [
      'a returned report edited back to draft, overdue',
      [v('draft', '2026-11-20')],
      '2026-12-05',
      'draft',
      'missing',
      false,
    ],
    [
      'resubmitted after a return: the first submission counts',
      [v('submitted', '2026-11-20')],
      '2026-12-05',
      'submitted',
      'on_time',
      false,
    ],
    [
      'accepted, correction in draft: the accepted one counts',
      [v('superseded', '2026-11-01'), v('accepted', '2026-11-20'), v('draft')],
      '2026-12-05',
      'accepted',
      'on_time',
      true,
    ],
    [
      'accepted late, correction submitted',
      [v('accepted', '2026-12-02'), v('submitted', '2026-12-04')],
      '2026-12-05',
      'accepted',
      'late',
      true,
    ],
  ] as const)('%s', (_, versions, asOf, workflow, timeliness, isCorrecting) => {
    const status = unitReportStatus({ versions: [...versions], dueDate: DUE, asOf });
    expect({
      workflow: status.workflow,
      timeliness: status.timeliness,
      isCorrecting: status.isCorrecting,
    }).toEqual({ workflow, timeliness, isCorrecting });
  });

  it('should never call a draft or returned report on time or late, whatever its dates', () => {
    for (const status of ['draft', 'returned']) {
      for (const asOf of ['2026-11-01', '2026-12-31']) {
        const result = unitReportStatus({ versions: [v(status, '2026-11-01')], dueDate: DUE, asOf });
        expect(['missing', 'not_due']).toContain(result.timeliness);
      }
    }
  });

  it('should judge the day of submission in Vietnam time (23:30 UTC on the due date is the next day)', () => {
    const lateNight = { status: 'submitted', submittedAt: new Date('2026-11-30T17:30:00.000Z') };
    expect(unitReportStatus({ versions: [lateNight], dueDate: DUE, asOf: '2026-12-05' }).timeliness).toBe(
      'late',
    );
  });

  it('should name each state', () => {
    expect(REPORT_WORKFLOW_LABELS.returned).toBe('Bị trả lại');
    expect(reportWorkflowText({ workflow: 'accepted', isCorrecting: true })).toBe(
      'Đã chấp nhận (đang điều chỉnh)',
    );
    expect(reportWorkflowText({ workflow: 'none', isCorrecting: false })).toBe('Chưa lập');
  });
});
