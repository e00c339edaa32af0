/** What a notification is about, read back from the links this module writes. */
import { describe, expect, it } from 'vitest';
import { targetOfLink } from './notification.presenter';
import { consolidatedLink, reportLink } from './notification.service';

const PLAN = '0b6f6d1e-3a57-4d5c-9a43-6c1f2f6f4a01';
const PERIOD = '5c9e2f4a-8d1b-4b7e-a3f2-2d4c6e8f0a12';
const UNIT = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

describe('targetOfLink', () => {
  it.each([
    [reportLink(PLAN, PERIOD, UNIT), { kind: 'unit_report', planId: PLAN, periodId: PERIOD, unitId: UNIT }],
    [consolidatedLink(PERIOD), { kind: 'consolidated_report', periodId: PERIOD }],
    [null, null],
    ['', null],
    [`/plans/${PLAN}`, null],
    [`/plans/${PLAN}?period=${PERIOD}`, null],
    [`/reporting-periods/not-a-uuid/consolidated`, null],
    [`https://example.vn/reporting-periods/${PERIOD}/consolidated`, null],
  ])('should read %j as %j', (link, target) => {
    expect(targetOfLink(link)).toEqual(target);
  });
});
