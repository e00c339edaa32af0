/** Evidence on the demo data: a unit report to attach files to, through the real API. */
import type { FastifyInstance } from 'fastify';
import type { Client } from './test-app';

type Caller = Pick<Client, 'call'> & { app: FastifyInstance };

/** The Trung tâm HCC's 2026 report of the Thành Đông demo plan, saved once so evidence can be attached. */
export const startUnitReport = async (t: Caller, officer: Client) => {
  const plans: Array<{ id: string; localityName: string; localityId: string }> = (
    await t.call('GET', '/api/v1/plans')
  ).body.data;
  const plan = plans.find((row) => row.localityName === 'Thành Đông')!;
  const units: Array<{ id: string; name: string }> = (
    await t.call('GET', `/api/v1/localities/${plan.localityId}/units`)
  ).body.data;
  const unitId = units.find((unit) => unit.name === 'Trung tâm HCC')!.id;
  const periods: Array<{ id: string; key: string }> = (
    await t.call('GET', `/api/v1/plans/${plan.id}/reporting-periods`)
  ).body.data;
  const periodId = periods.find((period) => period.key === '2026')!.id;
  const reportUrl = `/api/v1/reporting-periods/${periodId}/units/${unitId}/report`;
  const saved = await officer.call('PUT', reportUrl, { revision: 0, values: [] });
  if (saved.status !== 200) throw new Error(`save report: ${JSON.stringify(saved.body)}`);
  const reportId = (await officer.call('GET', reportUrl)).body.data.report.id as string;
  const upload = (bytes: Buffer, name: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/unit-reports/${reportId}/attachments`,
      payload: bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
        ...officer.headers,
      },
      cookies: officer.cookies,
    });
  return { reportUrl, reportId, upload };
};
