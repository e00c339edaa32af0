import { readFileSync } from 'node:fs';
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicator, indicatorTarget, plan, task, unit } from '../../db/schema';
import { importPlanFromText } from '../../documents/import/import-plan';
import { localityIdByName } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { unitNamesOfDraft } from './plan-draft';

const SEED_002 = new URL('../../test/fixtures/seeds/002_fd7da9144eb7c425.txt', import.meta.url);
const EXTERNAL = /^(các )?doanh nghiệp/i;

describe('POST /api/v1/plans/from-draft', () => {
  let t: TestApp;
  let draft: TImportedPlanDraft;
  let haiPhong: string;
  let thanhDong: string;
  let danTien: string;
  let sequence = 0;

  /** A fresh ward of Hải Phòng with one unit already there (the standing agency). */
  const freshLocality = async () => {
    sequence++;
    const locality = await t.call('POST', '/api/v1/localities', {
      code: `31.thu-nghiem-${sequence}`,
      name: `Phường Thử Nghiệm ${sequence}`,
      level: 'commune',
      kind: 'phường',
      parentId: haiPhong,
    });
    expect(locality.status).toBe(201);
    const localityId: string = locality.body.data.id;
    const standing = await t.call('POST', `/api/v1/localities/${localityId}/units`, {
      name: 'Phòng Văn hóa - Xã hội',
    });
    expect(standing.status).toBe(201);
    return { localityId, standingUnitId: standing.body.data.id as string };
  };

  /** Maps the standing agency to the existing unit and creates every other printed name. */
  const mappingFor = (source: TImportedPlanDraft, standingUnitId: string) =>
    Object.fromEntries(
      [...unitNamesOfDraft(source).keys()].map((name) => [
        name,
        name === 'Phòng Văn hóa - Xã hội'
          ? { unitId: standingUnitId }
          : { create: { name: name.slice(0, 200), isExternal: EXTERNAL.test(name) } },
      ]),
    );

  const counts = async () => {
    const db = t.handle.db;
    const of = async (
      table: typeof plan | typeof unit | typeof indicator | typeof indicatorTarget | typeof task,
    ) => Number((await db.select({ n: count() }).from(table))[0]!.n);
    return {
      plans: await of(plan),
      units: await of(unit),
      indicators: await of(indicator),
      targets: await of(indicatorTarget),
      tasks: await of(task),
    };
  };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    draft = importPlanFromText(readFileSync(SEED_002), '002_fd7da9144eb7c425.txt');
    haiPhong = await localityIdByName(t, 'Hải Phòng');
    thanhDong = await localityIdByName(t, 'Thành Đông');
    danTien = await localityIdByName(t, 'Dân Tiến');
  });
  afterAll(() => t.close());

  it('should save the 002 draft as a plan with its units, 25 indicators, 148 targets and 28 tasks', async () => {
    const { localityId, standingUnitId } = await freshLocality();
    const names = [...unitNamesOfDraft(draft).keys()];
    const before = await counts();

    // The document names phường Thành Đông; the officer confirmed saving it into this test ward.
    const response = await t.call('POST', '/api/v1/plans/from-draft', {
      localityId,
      draft,
      unitMapping: mappingFor(draft, standingUnitId),
      confirmLocality: true,
    });

    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const saved = response.body.data;
    expect(saved).toMatchObject({
      localityId,
      issuer: 'UBND phường Thành Đông',
      signerName: 'Nguyễn Tuấn Ngọc',
      standingAgencyUnitId: standingUnitId,
      indicatorCount: 25,
      taskCount: 28,
    });
    expect(saved.indicators).toHaveLength(25);
    expect(saved.indicators.flatMap((row: { targets: unknown[] }) => row.targets)).toHaveLength(148);
    expect(saved.tasks).toHaveLength(28);
    expect(saved.references.filter((row: { kind: string }) => row.kind === 'basis')).toHaveLength(
      draft.plan.basis.length,
    );
    expect(saved.references.filter((row: { kind: string }) => row.kind === 'replaces')).toEqual([
      expect.objectContaining({ number: '12/KH-UBND', date: '2025-07-29' }),
    ]);
    expect(saved.reporting[0]).toMatchObject({ frequency: 'annual', due: '11-30' });
    // One unit per printed name: the standing agency existed, the others were created.
    expect(saved.units.map((row: { name: string }) => row.name).sort()).toEqual(
      names.map((name) => name.slice(0, 200)).sort(),
    );
    const after = await counts();
    expect(after).toEqual({
      plans: before.plans + 1,
      units: before.units + names.length - 1,
      indicators: before.indicators + 25,
      targets: before.targets + 148,
      tasks: before.tasks + 28,
    });

    // Catalog codes the draft proposes, baselines, lead and coordinating units, deadlines as printed.
    const first = saved.indicators[0];
    const source = draft.indicators[0]!;
    expect(first.catalogCode).toBe(source.catalogCode);
    expect(
      first.targets.find((target: { year: number }) => target.year === source.baselineYear)?.isBaseline,
    ).toBe(true);
    const unitId = (name: string | null) =>
      saved.units.find((row: { name: string }) => row.name === name)?.id;
    expect(first.leadUnitId).toBe(unitId(source.lead));
    expect(first.coordinatingUnitIds).toEqual(source.coordinating.map(unitId));
    const datedIndex = draft.tasks.findIndex((row) => row.deadline?.kind === 'by');
    const dated = draft.tasks[datedIndex]!;
    expect(saved.tasks[datedIndex]).toMatchObject({
      name: dated.name,
      deadlineText: dated.deadlineRaw,
      deadlineKind: 'by',
      deadlineDate: dated.deadline?.kind === 'by' ? dated.deadline.date : null,
    });
    expect((await t.call('GET', `/api/v1/plans/${saved.id}`)).body.data.indicatorCount).toBe(25);
  });

  it('should store a range target as value and valueHigh', async () => {
    const { localityId, standingUnitId } = await freshLocality();
    const edited = structuredClone(draft);
    const year = edited.indicators[3]!.targets[0]!.year;
    edited.indicators[3]!.targets[0] = { year, raw: '60 - 80%', op: 'range', value: [60, 80] };

    const response = await t.call('POST', '/api/v1/plans/from-draft', {
      localityId,
      draft: edited,
      unitMapping: mappingFor(edited, standingUnitId),
      confirmLocality: true,
    });

    expect(response.status).toBe(201);
    expect(
      response.body.data.indicators[3].targets.find((target: { year: number }) => target.year === year),
    ).toMatchObject({ op: 'range', value: 60, valueHigh: 80, rawText: '60 - 80%' });
  });

  it('should save nothing and name the row when a range has its low end above its high end', async () => {
    const { localityId, standingUnitId } = await freshLocality();
    const edited = structuredClone(draft);
    edited.indicators[3]!.targets[0] = {
      ...edited.indicators[3]!.targets[0]!,
      raw: '90 - 60%',
      op: 'range',
      value: [90, 60],
    };
    const before = await counts();

    const response = await t.call('POST', '/api/v1/plans/from-draft', {
      localityId,
      draft: edited,
      unitMapping: mappingFor(edited, standingUnitId),
    });

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('validation_failed');
    expect(response.body.details).toEqual([
      { field: 'indicators.3.targets.0.value', message: 'Cận dưới của khoảng lớn hơn cận trên' },
    ]);
    expect(response.body.message).toContain('Giá trị: Cận dưới của khoảng lớn hơn cận trên');
    expect(await counts()).toEqual(before);
  });

  it('should save nothing and name each invalid field of the plan, the indicators and the tasks', async () => {
    const { localityId, standingUnitId } = await freshLocality();
    const edited = structuredClone(draft);
    edited.plan.title = null;
    edited.indicators[1]!.targets[0] = { ...edited.indicators[1]!.targets[0]!, op: '>=', value: null };
    edited.tasks[2]!.deadline = { kind: 'by', date: '2026-02-30' };
    const before = await counts();

    const response = await t.call('POST', '/api/v1/plans/from-draft', {
      localityId,
      draft: edited,
      unitMapping: mappingFor(edited, standingUnitId),
    });

    expect(response.status).toBe(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual([
      'plan.title',
      'indicators.1.targets.0.value',
      'tasks.2.deadline.date',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('should save nothing and name an unmapped unit name', async () => {
    const { localityId, standingUnitId } = await freshLocality();
    const unitMapping = mappingFor(draft, standingUnitId);
    delete unitMapping['Trung tâm HCC'];
    const before = await counts();

    const response = await t.call('POST', '/api/v1/plans/from-draft', { localityId, draft, unitMapping });

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      {
        field: 'unitMapping["Trung tâm HCC"]',
        message: expect.stringMatching(
          /^Chưa chọn đơn vị cho "Trung tâm HCC" \(in ở indicators\.\d+\.lead\)/,
        ),
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('should refuse a unit of another locality in the mapping', async () => {
    const { localityId } = await freshLocality();
    const otherUnit = (await t.call('GET', `/api/v1/localities/${danTien}/units`)).body.data[0].id;
    const small = { ...draft, indicators: [], tasks: [], plan: { ...draft.plan, standingAgency: 'Phòng A' } };

    const response = await t.call('POST', '/api/v1/plans/from-draft', {
      localityId,
      draft: small,
      unitMapping: { 'Phòng A': { unitId: otherUnit } },
    });

    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('unitMapping["Phòng A"].unitId');
  });

  it('should answer 404 for a locality out of scope and 403 for a unit officer, confirmed or not', async () => {
    const officer = await t.signIn('thanhdong.vhxh');
    const small = { ...draft, indicators: [], tasks: [], plan: { ...draft.plan, standingAgency: null } };

    for (const confirmLocality of [undefined, true]) {
      const before = await counts();
      expect(
        (
          await officer.call('POST', '/api/v1/plans/from-draft', {
            localityId: danTien,
            draft: small,
            confirmLocality,
          })
        ).status,
      ).toBe(404);
      const unitOfficer = await t.signIn('thanhdong.hcc');
      expect(
        (
          await unitOfficer.call('POST', '/api/v1/plans/from-draft', {
            localityId: thanhDong,
            draft: small,
            confirmLocality,
          })
        ).status,
      ).toBe(403);
      expect(await counts()).toEqual(before);
    }
    const own = await officer.call('POST', '/api/v1/plans/from-draft', {
      localityId: thanhDong,
      draft: small,
    });
    expect(own.status).toBe(201);
    expect(own.body.data.localityId).toBe(thanhDong);
  });

  describe('the locality the document names', () => {
    /** The fresh ward's name, as its document would print it. */
    const wardName = () => `Thử Nghiệm ${sequence}`;

    it('should save without asking when the document names the chosen locality (accents and case aside)', async () => {
      const { localityId, standingUnitId } = await freshLocality();
      const edited = structuredClone(draft);
      edited.plan.locality = { name: wardName().toUpperCase(), level: 'phường', province: 'Hải Phòng' };

      const response = await t.call('POST', '/api/v1/plans/from-draft', {
        localityId,
        draft: edited,
        unitMapping: mappingFor(edited, standingUnitId),
      });

      expect(response.status, JSON.stringify(response.body)).toBe(201);
    });

    it('should save nothing and say what will happen when the document names another locality, then save once confirmed', async () => {
      const { localityId, standingUnitId } = await freshLocality();
      const unitMapping = mappingFor(draft, standingUnitId);
      const before = await counts();

      const refused = await t.call('POST', '/api/v1/plans/from-draft', { localityId, draft, unitMapping });

      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('locality_confirmation_required');
      const newUnits = Object.values(unitMapping).filter((entry) => 'create' in entry).length;
      expect(refused.body.message).toBe(
        `Kế hoạch sẽ được lưu vào phường ${wardName()}, nhưng văn bản ghi phường Thành Đông. ` +
          `Các đơn vị của phường ${wardName()} sẽ phải báo cáo 25 chỉ tiêu và 28 nhiệm vụ của kế hoạch này theo chế độ báo cáo của kế hoạch ` +
          `(${Object.keys(unitMapping).length} đơn vị được giao, trong đó ${newUnits} đơn vị sẽ được tạo mới). ` +
          'Hãy xác nhận nếu đúng là kế hoạch của địa phương này.',
      );
      expect(await counts()).toEqual(before);

      const confirmed = await t.call('POST', '/api/v1/plans/from-draft', {
        localityId,
        draft,
        unitMapping,
        confirmLocality: true,
      });
      expect(confirmed.status).toBe(201);
      expect((await counts()).plans).toBe(before.plans + 1);
    });

    it('should ask too when the document names no locality, or one of the same name in another province', async () => {
      const { localityId } = await freshLocality();
      const small = { ...draft, indicators: [], tasks: [], plan: { ...draft.plan, standingAgency: null } };
      const before = await counts();

      const unnamed = await t.call('POST', '/api/v1/plans/from-draft', {
        localityId,
        draft: { ...small, plan: { ...small.plan, locality: { name: null, level: null, province: null } } },
      });
      expect(unnamed.status).toBe(409);
      expect(unnamed.body.message).toContain(
        `Kế hoạch sẽ được lưu vào phường ${wardName()}, nhưng văn bản không ghi địa phương nào.`,
      );

      const elsewhere = await t.call('POST', '/api/v1/plans/from-draft', {
        localityId,
        draft: {
          ...small,
          plan: { ...small.plan, locality: { name: wardName(), level: 'phường', province: 'Thái Nguyên' } },
        },
      });
      expect(elsewhere.status).toBe(409);
      expect(await counts()).toEqual(before);
    });

    it('should ask, naming the former unit, when the document names a unit merged into the chosen one', async () => {
      const thanhDongRow = (await t.call('GET', `/api/v1/localities/${thanhDong}`)).body.data;
      const former = /(?:Xã|Phường) ([^,]+)/u.exec(thanhDongRow.formedFrom ?? '');
      // The demo loads the national register, where Thành Đông was formed from former units.
      expect(former?.[1], JSON.stringify(thanhDongRow)).toBeTruthy();
      const kind = /^Xã/u.test(former?.[0] ?? '') ? 'xã' : 'phường';
      const small = { ...draft, indicators: [], tasks: [], plan: { ...draft.plan, standingAgency: null } };

      const response = await t.call('POST', '/api/v1/plans/from-draft', {
        localityId: thanhDong,
        draft: {
          ...small,
          plan: { ...small.plan, locality: { name: former?.[1], level: kind, province: null } },
        },
      });

      expect(response.status).toBe(409);
      expect(response.body.message).toContain(
        `nhưng văn bản ghi ${kind} ${former?.[1]} (đơn vị cũ đã sắp xếp vào phường Thành Đông)`,
      );
    });
  });
});
