import type { viExchange } from './vi.exchange';

/** English strings of the exchange with the levels above. Same keys as vi.exchange.ts. */
export const enExchange: typeof viExchange = {
  exchange: {
    title: 'Report packages received from communes',
    hint: 'Figures the communes sent up as report packages (.zip), downloaded from their approved consolidated report. Each package is checked against its SHA-256 checksums; importing the same package again changes nothing.',
    upload: 'Import a report package (.zip)',
    tooLarge: 'File too large: a report package is 20 MB at most.',
    empty: 'No report package received yet',
    locality: 'Commune',
    period: 'Reporting period',
    periodVersion: '{{period}} (version {{version}})',
    plan: 'Plan',
    approvedOn: 'Approved on',
    score: 'Score',
    receivedAt: 'Received',
    code: 'Indicator code',
    planCode: "Plan's own code",
    indicator: 'Indicator',
    target: 'Target',
    value: 'Result',
    status: 'Status',
  },
};
