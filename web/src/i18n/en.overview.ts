import type { viOverview } from './vi.overview';

/** English strings of the province overview. */
export const enOverview: typeof viOverview = {
  overview: {
    title: 'Locality overview',
    heading: 'Locality overview · {{locality}}',
    intro:
      'Communes and wards ranked on the latest reporting period of the year, and the standard indicators rolled up, from accepted figures only. Click a commune to open its plan dashboard, which names the source of every number.',
    year: 'Year',
    asOf: 'As of {{date}}',
    entryTitle: 'Locality overview',
    entryHint: 'Compare and rank communes and wards, and see the indicators rolled up for the locality.',
    open: '{{name}} overview',
    ranking: 'Communes and wards ranked',
    rank: 'Rank',
    locality: 'Commune / ward',
    score: 'Score',
    colour: 'Rating',
    period: 'Reporting period',
    reported: 'Reports submitted',
    reportedHint: '{{accepted}} accepted, {{pending}} pending review, of {{expected}} units that must report',
    late: 'Late',
    missing: 'Overdue, not submitted',
    behind: 'Indicators behind',
    behindHint: '{{behind}} behind / not achieved, {{atRisk}} at risk, of {{total}} indicators',
    overdueTasks: 'Overdue tasks',
    noPlan: 'No plan in effect',
    noPeriod: 'No reporting period in the year',
    states: {
      pending_review: 'Pending review',
      not_evaluated: 'Not evaluated',
    },
    stateHints: {
      pending_review: 'Reports were submitted but none accepted yet; only accepted figures are scored.',
      not_evaluated: 'Reports are not due yet and none has been accepted.',
    },
    empty: 'This locality has no communes or wards in the system yet.',
    oneLocality:
      'Only one commune or ward of this locality is in the system, so there is nothing to compare yet. The table shows where it stands.',
    rollups: 'Standard indicators rolled up',
    rollupsHint:
      "A rate for the whole locality is rebuilt as the communes' summed numerators over summed denominators, never an average of rates; counts are summed; ranks and qualitative indicators are only compared.",
    rollupsEmpty: 'No commune or ward has accepted figures for a standard indicator in this year yet.',
    indicator: 'Standard indicator',
    provinceValue: 'Whole locality',
    noProvinceValue: 'Not computable',
    noProvinceValueHint:
      'No commune reported a numerator and denominator, so the overall rate cannot be computed (rates are not averaged).',
    fraction: '{{numerator}} / {{denominator}}',
    fractionTitle: 'Numerator / Denominator',
    reporting: 'Communes reporting',
    reportingValue: '{{reporting}}/{{total}}',
    includedHint: '{{included}} communes counted in the whole-locality value',
    best: 'Best',
    worst: 'Worst',
    methods: {
      title: 'Method',
      ratio: 'Sum of numerators / sum of denominators',
      sum: 'Sum of communes',
      none: 'Compared only, not added up',
    },
    excluded: {
      no_value: 'No accepted figure',
      unit_mismatch: 'Different unit from the catalog, left out',
      missing_denominator: 'No numerator and denominator: left out of the whole-locality value',
    },
    values: 'Commune figures',
    openDashboard: 'Open the dashboard',
    chart: 'Commune values: {{name}}',
    notFoundTitle: 'This overview is not available',
    notFoundHint:
      'The locality does not exist, or your account holds no role there. The locality overview is for province officers; commune and ward officers use their own plan dashboard.',
    backToDashboards: 'Back to dashboards',
  },
};
