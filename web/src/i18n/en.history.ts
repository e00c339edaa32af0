/** English strings of the localities' history (former units of 1/7/2025, "as of" a date). */
export const enLocalityHistory = {
  localityHistory: {
    formedFrom: 'Formed from: {{names}}',
    part: '{{name}} (part)',
    former: 'Former unit, until {{date}}',
    formerHint:
      'An administrative unit before the reorganisation; its plans and reports count in its successor from the day of the change.',
    asOf: 'As of',
    asOfPlaceholder: 'Today',
    asOfHint:
      'See the localities and figures on a date: before 01/07/2025 the former communes, wards and towns; after it, a former unit’s plans count in its successor.',
  },
};
