/**
 * Demo data: the Thành Đông ward plan (Hải Phòng) and the Dân Tiến commune plan (Thái Nguyên), exactly
 * as the hand-made gold files in ./plans say, mapped to the standard catalog. Loaded through the
 * services, in one transaction, so it passes the same validation and leaves the same audit trail as
 * data typed by a person.
 */

import { vietnamDateOf } from '@core/domain/deadlines';
import { type TRole, ZCreateUserRequest } from '@core/schemas/auth.schemas';
import { ZImportedPlanDraft } from '@core/schemas/import.schemas';
import { unitNamesOfDraft } from '@core/schemas/import-draft';
import { ZCreateUnitRequest } from '@core/schemas/locality.schemas';
import { ZSaveReportRequest } from '@core/schemas/reporting.schemas';
import { count } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../clock';
import type { RequestContext } from '../../http/request-context';
import { systemActor } from '../../modules/auth/access';
import { loadActor } from '../../modules/auth/auth.service';
import { createCatalogService } from '../../modules/catalog/catalog.service';
import { savePlanDraft } from '../../modules/import/plan-draft';
import { loadRegister, NATION } from '../../modules/locality/locality.register';
import { listPlanSummaries } from '../../modules/plan/plan.repository';
import { createReportingService } from '../../modules/reporting/reporting.service';
import { createUserService } from '../../modules/user/user.service';
import { findUserByUsername } from '../../shared/accounts';
import { findLocalityByCode } from '../../shared/localities';
import { listUnitsByLocality } from '../../shared/units';
import type { FileStore } from '../../storage';
import type { Database } from '../client';
import { locality } from '../schema';
import { loadDemoPublishedReport } from './demo-publication';
import catalogMapping from './plans/catalog-mapping.json' with { type: 'json' };
import danTien from './plans/dan-tien.json' with { type: 'json' };
import thanhDong from './plans/thanh-dong.json' with { type: 'json' };

/** The gold files follow the seeds' SCHEMA.md: the same shape as an imported draft. */
const ZGoldPlan = ZImportedPlanDraft;
export type GoldPlan = z.infer<typeof ZGoldPlan>;

type DemoPlan = {
  key: keyof typeof catalogMapping;
  gold: GoldPlan;
  /** Official codes in the national register (server/modules/locality/register). */
  province: { code: string };
  commune: { code: string };
};

/** The demo plans attached to their real localities of the national register. */
export const DEMO_PLANS: DemoPlan[] = [
  {
    key: 'thanh-dong',
    gold: ZGoldPlan.parse(thanhDong),
    province: { code: '31' },
    commune: { code: '10507' },
  },
  {
    key: 'dan-tien',
    gold: ZGoldPlan.parse(danTien),
    province: { code: '19' },
    commune: { code: '05755' },
  },
];

/** The password of every demo account (listed in the README). Demo accounts cannot sign in in production. */
export const DEMO_PASSWORD = 'lotrinh-demo';

/** One demo user per role, on the two demo plans. */
export const DEMO_USERS: Array<{
  username: string;
  displayName: string;
  role: TRole;
  localityCode: string;
  unitName?: string;
}> = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'system_admin', localityCode: 'VN' },
  {
    username: 'haiphong.admin',
    displayName: 'Quản trị thành phố Hải Phòng',
    role: 'locality_admin',
    localityCode: '31',
  },
  {
    username: 'haiphong.thanhtra',
    displayName: 'Thanh tra thành phố Hải Phòng',
    role: 'inspector',
    localityCode: '31',
  },
  {
    username: 'thanhdong.lanhdao',
    displayName: 'Lãnh đạo UBND phường Thành Đông',
    role: 'leader',
    localityCode: '10507',
  },
  {
    username: 'thanhdong.vhxh',
    displayName: 'Cán bộ Phòng Văn hóa - Xã hội (Thành Đông)',
    role: 'standing_officer',
    localityCode: '10507',
  },
  {
    username: 'thanhdong.hcc',
    displayName: 'Cán bộ Trung tâm HCC (Thành Đông)',
    role: 'unit_officer',
    localityCode: '10507',
    unitName: 'Trung tâm HCC',
  },
  {
    username: 'thanhdong.kinhte',
    displayName: 'Cán bộ Phòng Kinh tế, Hạ tầng và Đô thị (Thành Đông)',
    role: 'unit_officer',
    localityCode: '10507',
    unitName: 'Phòng Kinh tế, Hạ tầng và Đô thị',
  },
  {
    username: 'dantien.lanhdao',
    displayName: 'Lãnh đạo UBND xã Dân Tiến',
    role: 'leader',
    localityCode: '05755',
  },
  {
    username: 'dantien.vhxh',
    displayName: 'Cán bộ Phòng Văn hóa - Xã hội (Dân Tiến)',
    role: 'standing_officer',
    localityCode: '05755',
  },
  {
    username: 'dantien.hcc',
    displayName: 'Cán bộ Trung tâm phục vụ hành chính công (Dân Tiến)',
    role: 'unit_officer',
    localityCode: '05755',
    unitName: 'Trung tâm phục vụ hành chính công',
  },
  {
    username: 'dantien.vanhoa',
    displayName: 'Cán bộ Phòng Văn hóa - Xã hội (Dân Tiến)',
    role: 'unit_officer',
    localityCode: '05755',
    unitName: 'Phòng Văn hóa - Xã hội',
  },
];

const EXTERNAL_UNIT = /^(các )?(doanh nghiệp|ngân hàng|công ty|tập đoàn|bưu điện|hợp tác xã)/i;

const SEED_META: RequestContext = {
  actor: systemActor('Dữ liệu trình diễn'),
  ip: null,
  userAgent: 'demo-data',
};

/**
 * Loads the demo localities, units and plans when the database has no locality yet.
 *
 * @param db - the migrated database
 * @param clock - stamps the audit entries
 * @param options.publishedReport - also take the period before the current one of Dân Tiến to a
 *   published report (demo-publication.ts; on by default: what `npm start` shows at /cong-khai). The
 *   server tests build on the demo without it, with that period still unfiled.
 * @returns true when the demo was loaded, false when the database already had data
 */
export const loadDemoDataIfEmpty = async (
  db: Database,
  clock: Clock,
  options: { publishedReport?: boolean } = {},
): Promise<boolean> => {
  const [existing] = await db.select({ n: count() }).from(locality);
  if (Number(existing?.n ?? 0) > 0) return false;

  await db.transaction(async (tx) => {
    const catalog = createCatalogService();
    const users = createUserService({ db: tx, clock });
    // The nation, its provinces and communes from the national register; the plans go to their communes.
    await loadRegister(tx, clock, SEED_META);
    const localityIds = new Map<string, string>();
    const idOfCode = async (code: string) => {
      const row = await findLocalityByCode(tx, code);
      if (!row) throw new Error(`The register has no locality ${code}`);
      localityIds.set(code, row.id);
      return row;
    };
    await idOfCode(NATION.code);
    // Per commune unit names → ids, for the demo users below.
    const unitIdsByLocality = new Map<string, Map<string, string>>();
    for (const demo of DEMO_PLANS) {
      const { gold } = demo;
      const mapping: Record<string, string> = catalogMapping[demo.key];
      await idOfCode(demo.province.code);
      const commune = await idOfCode(demo.commune.code);
      // Saved through the import's own path, as a standing agency saves a reviewed draft: the gold file is
      // a draft whose indicators carry their catalog codes, and every unit it names is created.
      const draft: GoldPlan = {
        ...gold,
        indicators: gold.indicators.map((indicator) => ({
          ...indicator,
          catalogCode: indicator.code ? (mapping[indicator.code] ?? null) : null,
        })),
      };
      const unitMapping = Object.fromEntries(
        [...unitNamesOfDraft(draft).keys()].map((name) => [
          name,
          { create: ZCreateUnitRequest.parse({ name, isExternal: EXTERNAL_UNIT.test(name) }) },
        ]),
      );
      await savePlanDraft({ db: tx, clock, catalog }, SEED_META, {
        localityId: commune.id,
        draft,
        unitMapping,
      });
      const units = await listUnitsByLocality(tx, commune.id);
      unitIdsByLocality.set(demo.commune.code, new Map(units.map((unit) => [unit.name, unit.id])));
    }

    for (const demoUser of DEMO_USERS) {
      await users.create(
        SEED_META,
        ZCreateUserRequest.parse({
          username: demoUser.username,
          displayName: demoUser.displayName,
          password: DEMO_PASSWORD,
          roles: [
            {
              role: demoUser.role,
              localityId: localityIds.get(demoUser.localityCode),
              unitId: demoUser.unitName
                ? unitIdsByLocality.get(demoUser.localityCode)?.get(demoUser.unitName)
                : null,
            },
          ],
        }),
        { isDemo: true, mustChangePassword: false },
      );
    }

    await loadDemoReports(tx, clock);
    if (options.publishedReport ?? true) await loadDemoPublishedReport(tx, clock);
  });
  return true;
};

/** The demo has no evidence files: a store that refuses to be used. */
const NO_FILES: FileStore = {
  put: () => Promise.reject(new Error('demo data stores no files')),
  get: () => Promise.reject(new Error('demo data stores no files')),
  remove: () => Promise.resolve(),
};

/** Why the demo reports leave a value empty. */
const DEMO_MISSING_REASON = 'Phòng chuyên môn chưa tổng hợp xong số liệu của kỳ này; sẽ bổ sung ở kỳ sau.';

/** Values of the demo reports, by indicator code: numbers, or a judgement for qualitative ones. */
const DEMO_REPORTS = {
  plan: 'Dân Tiến',
  accepted: {
    unit: 'Trung tâm phục vụ hành chính công',
    officer: 'dantien.hcc',
    values: {
      'I.2': { value: 78 },
      'I.3': { value: 99 },
      'I.4': { value: 100 },
      'I.5': { numerator: 1710, denominator: 1900 },
      'II.7': { value: 85 },
      'III.15': { value: 40, note: 'Đã số hóa 4/10 cơ sở dữ liệu chuyên ngành' },
    } as Record<string, { value?: number; numerator?: number; denominator?: number; note?: string }>,
    difficulties: 'Đường truyền Internet tại bộ phận một cửa còn chậm vào giờ cao điểm.',
    proposals: 'Đề nghị UBND xã bổ sung 01 máy quét tài liệu tốc độ cao.',
  },
  submitted: {
    unit: 'Phòng Văn hóa - Xã hội',
    officer: 'dantien.vanhoa',
    values: {
      'I.1': { value: 83 },
      'V.23': { note: 'Đã triển khai sổ sức khỏe điện tử cho 65% người dân.' },
    } as Record<string, { value?: number; note?: string }>,
    difficulties: 'Một bộ phận người cao tuổi chưa có điện thoại thông minh.',
    proposals: null,
  },
};

/**
 * One accepted and one submitted report for the current period of the Dân Tiến plan, made by the demo
 * accounts through the reporting service, so the dashboard shows real states traceable to people.
 */
const loadDemoReports = async (tx: Database, clock: Clock): Promise<void> => {
  const reporting = createReportingService({ db: tx, clock, storage: NO_FILES });
  const actorOf = async (username: string): Promise<RequestContext> => {
    const user = (await findUserByUsername(tx, username))!;
    return { actor: await loadActor(tx, user), ip: null, userAgent: 'demo-data' };
  };
  const plans = await listPlanSummaries(tx, {});
  const plan = plans.find((row) => row.localityName === DEMO_REPORTS.plan)!;
  const units = await listUnitsByLocality(tx, plan.localityId);
  const unitId = (name: string) => units.find((row) => row.name === name)!.id;
  const today = vietnamDateOf(clock.now());
  const periods = await reporting.listPeriods(SEED_META, plan.id);
  const period = [...periods].reverse().find((row) => row.dataFrom <= today);
  if (!period) return;

  const officer = await actorOf(DEMO_REPORTS.accepted.officer);
  const reviewer = await actorOf('dantien.vhxh');
  const rowsFor = async (
    unitName: string,
    values: Record<string, { value?: number; numerator?: number; denominator?: number; note?: string }>,
  ) => {
    const form = await reporting.getUnitReport(SEED_META, period.id, unitId(unitName));
    // A report is submitted only with every value given or explained ("Chưa có số liệu" and why).
    return form.indicators.map((item) => {
      const given = item.row.code ? values[item.row.code] : undefined;
      const hasFigure = given?.value != null || given?.numerator != null;
      return {
        indicatorId: item.row.id,
        ...given,
        missingReason: hasFigure ? null : DEMO_MISSING_REASON,
      };
    });
  };

  const acceptedForm = await reporting.saveDraft(
    officer,
    period.id,
    unitId(DEMO_REPORTS.accepted.unit),
    ZSaveReportRequest.parse({
      revision: 0,
      values: await rowsFor(DEMO_REPORTS.accepted.unit, DEMO_REPORTS.accepted.values),
      difficulties: DEMO_REPORTS.accepted.difficulties,
      proposals: DEMO_REPORTS.accepted.proposals,
    }),
  );
  const submitted = await reporting.submit(officer, acceptedForm.report!.id, acceptedForm.report!.revision);
  await reporting.accept(reviewer, submitted.report!.id, submitted.report!.revision);

  const filer = await actorOf(DEMO_REPORTS.submitted.officer);
  const pendingForm = await reporting.saveDraft(
    filer,
    period.id,
    unitId(DEMO_REPORTS.submitted.unit),
    ZSaveReportRequest.parse({
      revision: 0,
      values: await rowsFor(DEMO_REPORTS.submitted.unit, DEMO_REPORTS.submitted.values),
      difficulties: DEMO_REPORTS.submitted.difficulties,
    }),
  );
  await reporting.submit(filer, pendingForm.report!.id, pendingForm.report!.revision);
};
