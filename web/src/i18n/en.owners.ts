/** English strings of task assignment, entry on behalf and signing in again (same keys as vi.owners.ts). */
import type { Resources } from './vi';

type OwnersResources = Pick<Resources, 'taskAssignment' | 'onBehalf' | 'session'>;

export const enOwners: OwnersResources = {
  taskAssignment: {
    unassignedWarning: '{{count}} tasks have no lead unit',
    unassignedHint: 'A task without a lead unit is reported by nobody, so it stays "Not started".',
    assignLink: 'Assign lead units',
    showUnassigned: 'Only tasks without a lead unit',
    assignSelected: 'Assign lead unit ({{count}})',
    assignGroup: 'Assign whole group',
    assignGroupLabel: 'Assign a lead unit to the whole group {{name}}',
    selectLabel: 'Select task {{name}}',
    title: 'Assign a lead unit to {{count}} tasks',
    leadUnit: 'Lead unit',
    leadUnitRequired: 'Choose the lead unit',
    coordinatingUnits: 'Coordinating units',
    keepCoordinating: "Keep each task's coordinating units",
    replaceCoordinating: 'Set the same coordinating units on the selected tasks',
    submit: 'Assign',
    alreadyLed: '{{count}} tasks already led by another unit will move to this unit.',
    reportHint:
      'From now on the lead unit reports the progress of these tasks in its report; yearly and ongoing tasks are updated every period.',
    done: '{{changed}} tasks assigned to {{unit}}',
  },
  onBehalf: {
    action: 'Enter on behalf',
    actionLabel: 'Enter the report of {{unit}} on its behalf',
    confirmTitle: 'Enter the report of {{unit}} on its behalf?',
    confirmText:
      'For a unit without an account that sent a signed paper report. Enter its figures, attach the scan and submit; the report records who entered it.',
    banner: 'Entered by {{by}} on behalf of {{unit}}',
    bannerWithUnit: 'Entered by {{by}} ({{byUnit}}) on behalf of {{unit}}',
    bannerHint: "The figures come from the unit's paper report; attach its scan before submitting.",
    paperScan: 'Scan of the paper report',
    uploadPaperScan: 'Attach the scan of the paper report',
    paperScanMissing: 'No scan of the paper report yet.',
  },
  session: {
    expiredTitle: 'Session expired',
    expiredText: 'Your session has expired. Enter your password again to continue.',
    keptHint: 'What you typed is still on the screen and will be sent again once you are signed in.',
    password: 'Password',
    passwordRequired: 'Enter your password',
    continue: 'Continue',
    otherUser: 'Sign in as another user',
  },
};
