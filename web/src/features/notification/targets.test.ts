/** Where each kind of notification opens in the web app. */
import { describe, expect, it } from 'vitest';
import { pathOfNotification } from './targets';

const PLAN = '0b6f6d1e-3a57-4d5c-9a43-6c1f2f6f4a01';
const PERIOD = '5c9e2f4a-8d1b-4b7e-a3f2-2d4c6e8f0a12';
const UNIT = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

describe('pathOfNotification', () => {
  it.each([
    [
      'a unit report opens the report form',
      { target: { kind: 'unit_report', planId: PLAN, periodId: PERIOD, unitId: UNIT }, link: '/plans/x' },
      `/reporting-periods/${PERIOD}/units/${UNIT}`,
    ],
    [
      'a consolidated report opens its page',
      { target: { kind: 'consolidated_report', periodId: PERIOD }, link: null },
      `/reporting-periods/${PERIOD}/consolidated`,
    ],
    ['without a target, a path of the app', { target: null, link: `/plans/${PLAN}` }, `/plans/${PLAN}`],
    ['never another site', { target: null, link: '//evil.example/x' }, null],
    ['never an absolute address', { target: null, link: 'https://evil.example/x' }, null],
    ['nothing', { target: null, link: null }, null],
  ] as const)('%s', (_, notification, path) => {
    expect(pathOfNotification(notification)).toBe(path);
  });
});
