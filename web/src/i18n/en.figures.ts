/** English strings of the figures in a unit report (same keys as vi.figures.ts). */
import type { Resources } from './vi';

export const enFigures: Pick<Resources, 'figures'> = {
  figures: {
    valuePlaceholder: 'e.g. 1.710 or 12,5',
    typingHint:
      'A dot groups thousands, a comma marks decimals: 1.710 is one thousand seven hundred ten; 12,5 is twelve and a half.',
    computedFrom: '= {{value}} (from numerator/denominator)',
    fractionIncomplete: 'Enter both numerator and denominator (or leave both empty).',
    missing: 'No data yet',
    missingOf: 'No data yet for indicator {{name}}',
    missingReason: 'Why there is no data yet',
    missingReasonOf: 'Why indicator {{name}} has no data yet',
    missingReasonPlaceholder: 'e.g. waiting for the department’s figures',
    missingReasonRequired: 'Say why there is no data yet.',
    missingShown: 'No data yet: {{reason}}',
    previous: 'Previous period ({{period}}): {{value}}',
    noPrevious: 'No accepted figure for an earlier period',
    meets: 'Meets the target',
    misses: 'Below the target',
    fieldErrors: 'Some figures are not right: see the message under each field. Nothing was saved.',
    submitTitle: 'Submit the report',
    submitIntro: 'Once submitted, the report is locked until it is returned.',
    emptyTitle: '{{count}} indicators have no data yet',
    emptyHint: 'For each one, go back and enter the figure, or tick "No data yet" and give the reason below.',
    lateTitle: 'The report is submitted after its due date {{due}}',
    lateReason: 'Why the report is late',
    lateReasonRequired: 'Say why the report is late.',
    lateShown: 'Why late: {{reason}}',
    returnsTitle: 'Returns',
    returnedAt: 'Returned on {{at}}{{by}}',
    returnComments: 'Comments on single indicators and tasks (optional)',
    commentOf: 'Comment on {{name}}',
    commentIndicator: 'Indicator {{name}}: {{text}}',
    commentTask: 'Task {{name}}: {{text}}',
    autosaving: 'Saving…',
    autosaved: 'Saved automatically at {{at}}',
    autosaveFailed: 'Could not save automatically: {{reason}}',
    restoredTitle: 'What you typed on this computer was restored',
    restoredHint:
      'It is newer than the copy saved on the server (saved at {{at}}). Check it and save, or discard it.',
    discardRestored: 'Discard the copy on this computer',
    restoredHintUnsaved: 'The report has not been saved on the server yet. Check it and save, or discard it.',
    offlineTitle: 'Connection lost: the draft is kept on this device',
    offlineKept:
      'What you type is stored on this device and sent to the server automatically when the connection returns. The report is not submitted by itself: once online, check it and press "Submit report".',
    offlineHint:
      'You can keep typing: what you type is stored on this device and sent to the server automatically when the connection returns.',
    strandedTitle: 'A draft on this device was not sent',
    strandedHint:
      'You typed it on this device (last at {{at}}) but it could not be sent, and the report can no longer be edited (submitted or under review), so it will not be sent. If something must change, contact the standing agency, then discard the copy on this device.',
    offlineNotSubmitted:
      'Not submitted: there is no network connection. The draft is kept on this device; once online, press "Submit report" again.',
  },
};
