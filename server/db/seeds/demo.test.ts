/**
 * The demo plans, read back through the API, equal the hand-made gold files field by field
 * (Thành Đông: clean copy 002 with the header number and date of the OCR copy 000; Dân Tiến: 004).
 */
import { readFileSync } from 'node:fs';
import { parseTarget } from '@core/domain/targets';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);
const readGold = (stem: string) => JSON.parse(readFileSync(new URL(`${stem}.gold.json`, SEEDS), 'utf8'));
const goldMapping = JSON.parse(readFileSync(new URL('gold-mapping.json', SEEDS), 'utf8'));

const thanhDongGold = (() => {
  const gold = readGold('002_fd7da9144eb7c425');
  const ocrHeader = readGold('000_bd3d5bbc84b55fc1').plan;
  return { ...gold, plan: { ...gold.plan, number: ocrHeader.number, issuedDate: ocrHeader.issuedDate } };
})();
const danTienGold = readGold('004_f65c0da7dbd96e8d');

/** Rebuilds the gold-file shape from what the API returns. */
const toGoldShape = (plan: TPlanDetail, provinceName: string) => {
  const unitName = (id: string | null) => (id ? plan.units.find((unit) => unit.id === id)?.name : null);
  return {
    plan: {
      number: plan.number,
      issuer: plan.issuer,
      issuerKind: plan.issuerKind,
      locality: { name: plan.locality.name, level: plan.locality.kind, province: provinceName },
      issuedDate: plan.issuedDate,
      title: plan.title,
      signer: { name: plan.signerName, position: plan.signerPosition },
      basis: plan.references
        .filter((r) => r.kind === 'basis')
        .map((r) => ({ number: r.number, date: r.date, issuer: r.issuer })),
      replaces: plan.references
        .filter((r) => r.kind === 'replaces')
        .map((r) => ({ number: r.number, date: r.date })),
      standingAgency: unitName(plan.standingAgencyUnitId),
      reporting: plan.reporting.map((r) => ({ frequency: r.frequency, due: r.due, to: r.receiver })),
    },
    indicators: plan.indicators.map((indicator) => ({
      code: indicator.code,
      group: indicator.groupName,
      name: indicator.name,
      unit: indicator.unit,
      targets: indicator.targets.map((target) => ({
        year: target.year,
        raw: target.rawText,
        op: target.op,
        value: target.op === 'range' ? [target.value, target.valueHigh] : target.value,
      })),
      baselineYear: indicator.baselineYear,
      lead: unitName(indicator.leadUnitId),
      executor: indicator.executor,
      coordinating: indicator.coordinatingUnitIds.map(unitName),
      leader: indicator.leader,
      evidence: indicator.evidenceHint,
    })),
    tasks: plan.tasks.map((task) => ({
      code: task.code,
      group: task.groupName,
      name: task.name,
      lead: unitName(task.leadUnitId),
      coordinating: task.coordinatingUnitIds.map(unitName),
      leader: task.leader,
      output: task.output,
      deadlineRaw: task.deadlineText,
      deadline:
        task.deadlineKind == null
          ? null
          : task.deadlineKind === 'by'
            ? { kind: 'by', date: task.deadlineDate }
            : task.deadlineKind === 'recurring'
              ? { kind: 'recurring', every: task.recurrence }
              : { kind: task.deadlineKind },
    })),
  };
};

describe('demo data', () => {
  let t: TestApp;
  let plans: Array<{ id: string; localityName: string }>;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    plans = (await t.call('GET', '/api/v1/plans')).body.data;
  });
  afterAll(() => t.close());

  const loadPlan = async (localityName: string) => {
    const summary = plans.find((plan) => plan.localityName === localityName);
    expect(summary, `plan of ${localityName}`).toBeDefined();
    const detail: TPlanDetail = (await t.call('GET', `/api/v1/plans/${summary!.id}`)).body.data;
    const province = (await t.call('GET', `/api/v1/localities/${detail.locality.parentId}`)).body.data;
    return { detail, province };
  };

  it.each([
    ['Thành Đông', thanhDongGold, '002_fd7da9144eb7c425', 25, 148, 28],
    ['Dân Tiến', danTienGold, '004_f65c0da7dbd96e8d', 9, 23, 46],
  ])(
    'should hold the %s plan exactly as its gold file',
    async (localityName, gold, stem, indicators, targets, tasks) => {
      const { detail, province } = await loadPlan(localityName);
      expect(detail.indicators).toHaveLength(indicators);
      expect(detail.indicators.reduce((n, indicator) => n + indicator.targets.length, 0)).toBe(targets);
      expect(detail.tasks).toHaveLength(tasks);

      const actual = toGoldShape(detail, province.name);
      expect(actual.plan).toEqual(gold.plan);
      for (const [index, indicator] of actual.indicators.entries()) {
        expect(indicator, `indicator ${index}`).toEqual(gold.indicators[index]);
      }
      for (const [index, task] of actual.tasks.entries())
        expect(task, `task ${index}`).toEqual(gold.tasks[index]);

      // Every indicator maps to the catalog entry the curated mapping names.
      for (const indicator of detail.indicators) {
        expect(indicator.catalogCode, indicator.name).toBe(goldMapping[stem][indicator.code!] ?? null);
      }
      // The baseline column is marked on the baseline year's target only.
      for (const indicator of detail.indicators) {
        expect(indicator.targets.filter((target) => target.isBaseline).map((target) => target.year)).toEqual(
          indicator.baselineYear != null &&
            indicator.targets.some((target) => target.year === indicator.baselineYear)
            ? [indicator.baselineYear]
            : [],
        );
      }
    },
  );

  it('should not load the demo twice', async () => {
    const { loadDemoDataIfEmpty } = await import('./demo');
    const { fixedClock } = await import('../../test/test-app');
    expect(await loadDemoDataIfEmpty(t.handle.db, fixedClock)).toBe(false);
    expect((await t.call('GET', '/api/v1/plans')).body.data).toHaveLength(2);
  });
});

describe('parseTarget on the printed targets of the seed plans', () => {
  const targets = [thanhDongGold, danTienGold].flatMap((gold) =>
    gold.indicators.flatMap(
      (indicator: { targets: Array<{ raw: string | null; op: string; value: unknown }> }) =>
        indicator.targets,
    ),
  );

  it('should read every printed target as the gold file does', () => {
    expect(targets.length).toBe(171);
    for (const target of targets) {
      const parsed = parseTarget(target.raw);
      const value = parsed.op === 'range' ? [parsed.value, parsed.valueHigh] : parsed.value;
      expect({ raw: target.raw, op: parsed.op, value }).toEqual({
        raw: target.raw,
        op: target.op,
        value: target.value,
      });
    }
  });
});
