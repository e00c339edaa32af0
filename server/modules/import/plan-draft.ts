/**
 * Saves a reviewed import draft as a plan: new units, the plan (header, basis/replaces references,
 * reporting regimes), indicators with their yearly targets and coordinating units, tasks with their
 * deadlines, all in one transaction. Each piece is parsed through the same request schema and saved
 * through the same service as data typed by a person (as the demo seed does), so the validation rules
 * and the audit trail are the plan editor's. Every problem is named by its place in the draft
 * ("indicators.3.targets.0.value: …"), and nothing is saved when any piece is invalid.
 */
import { randomUUID } from 'node:crypto';
import type {
  TImportedIndicator,
  TImportedPlanDraft,
  TImportedTask,
  TSavePlanDraftRequest,
  TUnitMappingEntry,
} from '@core/schemas/import.schemas';
import { unitNamesOfDraft } from '@core/schemas/import-draft';
import { ZCreateIndicatorRequest } from '@core/schemas/indicator.schemas';
import { ZCreateUnitRequest } from '@core/schemas/locality.schemas';
import { ZCreatePlanRequest } from '@core/schemas/plan.schemas';
import { ZCreateTaskRequest } from '@core/schemas/task.schemas';
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { locality } from '../../db/schema';
import { compareLocality, localityLabel } from '../../documents/import/locality-match';
import { AppError, type ErrorDetail } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { findLocalityChain } from '../../shared/localities';
import { findUnitsByIds } from '../../shared/units';
import type { CatalogService } from '../catalog/catalog.service';
import { createIndicatorService } from '../indicator/indicator.service';
import { canEditPlan, canReadPlan } from '../plan/plan.policy';
import type { PlanDetailData } from '../plan/plan.presenter';
import { createPlanService } from '../plan/plan.service';
import { createTaskService } from '../task/task.service';
import { createUnitService } from '../unit/unit.service';

type PlanDraftDeps = { db: Database; clock: Clock; catalog: Pick<CatalogService, 'has' | 'get'> };

/** At most this many problems are listed in one answer. */
const MAX_DETAILS = 50;

type Path = ReadonlyArray<PropertyKey>;
type UnitIdOf = (name: string | null) => string | null;

export { unitNamesOfDraft };

/** Stands in for an unmapped unit while the rows are checked; never written. */
const UNMAPPED_PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

const mappedEntry = (input: TSavePlanDraftRequest, name: string): TUnitMappingEntry | undefined =>
  Object.hasOwn(input.unitMapping, name) ? input.unitMapping[name] : undefined;

const mappingField = (name: string, ...rest: string[]) =>
  [`unitMapping[${JSON.stringify(name)}]`, ...rest].join('.');

// --- Draft → request bodies of the plan, indicator and task endpoints -------------------------------

const planRequestOf = (draft: TImportedPlanDraft, localityId: string, unitIdOf: UnitIdOf) => ({
  localityId,
  issuerKind: draft.plan.issuerKind,
  issuer: draft.plan.issuer,
  number: draft.plan.number,
  issuedDate: draft.plan.issuedDate,
  title: draft.plan.title,
  signerName: draft.plan.signer?.name ?? null,
  signerPosition: draft.plan.signer?.position ?? null,
  status: 'active',
  standingAgencyUnitId: unitIdOf(draft.plan.standingAgency),
  references: [
    ...draft.plan.basis.map((basis) => ({ kind: 'basis', ...basis })),
    ...draft.plan.replaces.map((replaced) => ({ kind: 'replaces', ...replaced, issuer: null })),
  ],
  reporting: draft.plan.reporting.map((regime) => ({
    frequency: regime.frequency,
    due: regime.due,
    receiver: regime.to,
  })),
});

const indicatorRequestOf = (
  indicator: TImportedIndicator,
  unitIdOf: UnitIdOf,
  catalog: PlanDraftDeps['catalog'],
) => {
  // The importer's proposal is kept only when the catalog has it; the catalog says how it is measured.
  const catalogCode =
    indicator.catalogCode && catalog.has(indicator.catalogCode) ? indicator.catalogCode : null;
  const entry = catalogCode ? catalog.get(catalogCode) : null;
  return {
    groupName: indicator.group,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: entry?.direction ?? 'increase',
    measure: entry?.measure ?? 'cumulative',
    catalogCode,
    leadUnitId: unitIdOf(indicator.lead),
    executor: indicator.executor,
    leader: indicator.leader,
    evidenceHint: indicator.evidence,
    baselineYear: indicator.baselineYear,
    coordinatingUnitIds: indicator.coordinating.map(unitIdOf),
    targets: indicator.targets.map((target) => ({
      year: target.year,
      op: target.op,
      value: Array.isArray(target.value) ? target.value[0] : target.value,
      valueHigh: Array.isArray(target.value) ? target.value[1] : null,
      rawText: target.raw,
      isBaseline: target.year === indicator.baselineYear,
    })),
  };
};

const taskRequestOf = (task: TImportedTask, unitIdOf: UnitIdOf) => ({
  groupName: task.group,
  code: task.code,
  name: task.name,
  leadUnitId: unitIdOf(task.lead),
  leader: task.leader,
  output: task.output,
  deadlineText: task.deadlineRaw,
  deadlineKind: task.deadline?.kind ?? null,
  deadlineDate: task.deadline?.kind === 'by' ? task.deadline.date : null,
  recurrence: task.deadline?.kind === 'recurring' ? task.deadline.every : null,
  coordinatingUnitIds: task.coordinating.map(unitIdOf),
});

// --- Request fields → the draft's own field names, so the review screen can point at the cell -------

const PLAN_FIELDS: Record<string, string> = {
  signerName: 'signer.name',
  signerPosition: 'signer.position',
  standingAgencyUnitId: 'standingAgency',
};
const ROW_FIELDS: Record<string, string> = {
  groupName: 'group',
  leadUnitId: 'lead',
  coordinatingUnitIds: 'coordinating',
  evidenceHint: 'evidence',
  deadlineText: 'deadlineRaw',
  deadlineKind: 'deadline.kind',
  deadlineDate: 'deadline.date',
  recurrence: 'deadline.every',
};
const TARGET_FIELDS: Record<string, string> = { valueHigh: 'value', rawText: 'raw', isBaseline: 'year' };

const planFieldOf = (draft: TImportedPlanDraft, path: Path): string => {
  const [head, index, ...rest] = path.map(String);
  if (head === 'references' && index !== undefined) {
    const position = Number(index);
    const basisCount = draft.plan.basis.length;
    return position < basisCount
      ? ['plan.basis', position, ...rest].join('.')
      : ['plan.replaces', position - basisCount, ...rest].join('.');
  }
  if (head === 'reporting' && index !== undefined)
    return ['plan.reporting', index, ...rest.map((key) => (key === 'receiver' ? 'to' : key))].join('.');
  return ['plan', PLAN_FIELDS[head ?? ''] ?? head, ...(index === undefined ? [] : [index]), ...rest]
    .filter((part) => part !== undefined && part !== '')
    .join('.');
};

const rowFieldOf = (prefix: string, path: Path): string => {
  const [head, index, key, ...rest] = path.map(String);
  if (head === 'targets' && index !== undefined) {
    return [
      prefix,
      'targets',
      index,
      ...(key === undefined ? [] : [TARGET_FIELDS[key] ?? key]),
      ...rest,
    ].join('.');
  }
  return [prefix, ROW_FIELDS[head ?? ''] ?? head, index, key, ...rest]
    .filter((part) => part !== undefined && part !== '')
    .join('.');
};

const detailsOf = (error: z.ZodError, fieldOf: (path: Path) => string): ErrorDetail[] =>
  error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message }));

/** Re-labels the fields of an error thrown while saving one piece with that piece's place in the draft. */
const inDraftRow = async <T>(fieldOf: (path: Path) => string, save: () => Promise<T>): Promise<T> => {
  try {
    return await save();
  } catch (error) {
    if (error instanceof AppError && error.details) {
      const details = error.details.map((detail) => ({ ...detail, field: fieldOf(detail.field.split('.')) }));
      throw new AppError(error.code, { details, cause: error });
    }
    throw error;
  }
};

/** Checks the mapping of every printed unit name; answers the problems found. */
const checkUnitMapping = async (
  db: Database,
  input: TSavePlanDraftRequest,
  names: Map<string, string>,
): Promise<ErrorDetail[]> => {
  const details: ErrorDetail[] = [];
  for (const [name, firstField] of names) {
    if (!mappedEntry(input, name)) {
      details.push({
        field: mappingField(name),
        message: `Chưa chọn đơn vị cho "${name}" (in ở ${firstField}): hãy chọn một đơn vị có sẵn hoặc tạo đơn vị mới`,
      });
    }
  }
  const existing = Object.entries(input.unitMapping).flatMap(([name, entry]) =>
    'unitId' in entry ? [{ name, unitId: entry.unitId }] : [],
  );
  const found = new Map(
    (
      await findUnitsByIds(
        db,
        existing.map((item) => item.unitId),
      )
    ).map((row) => [row.id, row]),
  );
  for (const { name, unitId } of existing) {
    const row = found.get(unitId);
    if (!row)
      details.push({ field: mappingField(name, 'unitId'), message: 'Đơn vị được chọn không tồn tại' });
    else if (row.localityId !== input.localityId)
      details.push({
        field: mappingField(name, 'unitId'),
        message: `Đơn vị "${row.name}" thuộc địa phương khác`,
      });
  }
  return details;
};

/** "xã Dân Tiến" as the document prints it, or null when it names no locality. */
const printedLocality = (draft: TImportedPlanDraft): string | null =>
  draft.plan.locality.name
    ? [draft.plan.locality.level, draft.plan.locality.name].filter(Boolean).join(' ')
    : null;

/**
 * Refuses to save into a locality the document does not name (or when it names none) until the officer
 * confirms, saying what saving will do: the plan's indicators and tasks become that locality's, and its
 * units will have to report on them.
 *
 * @throws AppError LOCALITY_CONFIRMATION_REQUIRED with the whole explanation as its message
 */
const checkLocalityNamed = async (
  db: Database,
  input: TSavePlanDraftRequest,
  chain: readonly string[],
): Promise<void> => {
  if (input.confirmLocality === true) return;
  const rows = await db
    .select({ id: locality.id, name: locality.name, kind: locality.kind, formedFrom: locality.formedFrom })
    .from(locality)
    .where(inArray(locality.id, chain.slice(0, 2)));
  const chosen = rows.find((row) => row.id === chain[0]);
  if (!chosen) return;
  const province = chain[1] ? rows.find((row) => row.id === chain[1]) : undefined;
  const { draft } = input;
  const verdict = compareLocality(draft.plan.locality, {
    name: chosen.name,
    kind: chosen.kind,
    formedFrom: chosen.formedFrom,
    province: province ? { name: province.name, formedFrom: province.formedFrom } : null,
  });
  if (verdict === 'same') return;
  const target = localityLabel(chosen.name, chosen.kind);
  const printed = printedLocality(draft);
  const units = new Set(
    Object.values(input.unitMapping).map((entry) =>
      'unitId' in entry ? entry.unitId : `+${entry.create.name}`,
    ),
  );
  const newUnits = [...units].filter((key) => key.startsWith('+')).length;
  const why =
    verdict === 'unnamed'
      ? `Kế hoạch sẽ được lưu vào ${target}, nhưng văn bản không ghi địa phương nào.`
      : verdict === 'former'
        ? `Kế hoạch sẽ được lưu vào ${target}, nhưng văn bản ghi ${printed} (đơn vị cũ đã sắp xếp vào ${target}).`
        : `Kế hoạch sẽ được lưu vào ${target}, nhưng văn bản ghi ${printed}.`;
  const message = [
    why,
    `Các đơn vị của ${target} sẽ phải báo cáo ${draft.indicators.length} chỉ tiêu và ${draft.tasks.length} nhiệm vụ của kế hoạch này theo chế độ báo cáo của kế hoạch`,
    `(${units.size} đơn vị được giao${newUnits ? `, trong đó ${newUnits} đơn vị sẽ được tạo mới` : ''}).`,
    'Hãy xác nhận nếu đúng là kế hoạch của địa phương này.',
  ].join(' ');
  throw new AppError('LOCALITY_CONFIRMATION_REQUIRED', {
    message,
    details: [{ field: 'localityId', message }],
  });
};

/**
 * Saves a reviewed draft as a plan of the locality, creating the units the mapping asks for.
 *
 * @param deps - database, clock and the indicator catalog
 * @param context - who asks (a plan editor of the locality)
 * @param input - locality, reviewed draft and the mapping of every printed unit name
 * @returns the new plan with its indicators and tasks
 * @throws AppError LOCALITY_NOT_FOUND (missing or out of scope), FORBIDDEN (may only read the locality),
 *   VALIDATION_FAILED naming each invalid field by its place in the draft or the unmapped unit name,
 *   LOCALITY_CONFIRMATION_REQUIRED (the document names another locality, or none, and `confirmLocality`
 *   is not set: the message says what saving would do),
 *   UNIT_NAME_TAKEN (a unit to create already exists)
 */
export const savePlanDraft = async (
  deps: PlanDraftDeps,
  context: RequestContext,
  input: TSavePlanDraftRequest,
): Promise<PlanDetailData> => {
  const { db, clock, catalog } = deps;
  const { draft, localityId } = input;
  const chain = await findLocalityChain(db, localityId);
  if (chain.length === 0 || !canReadPlan(context.actor, chain)) throw new AppError('LOCALITY_NOT_FOUND');
  if (!canEditPlan(context.actor, chain)) throw new AppError('FORBIDDEN');

  // Everything is checked before anything is written, so one answer lists every problem.
  const names = unitNamesOfDraft(draft);
  const details = await checkUnitMapping(db, input, names);
  // Units to create have no id yet: a placeholder stands in while the rows are checked.
  const newUnitPlaceholders = new Map<string, string>();
  const checkIdOf: UnitIdOf = (name) => {
    if (!name) return null;
    const entry = mappedEntry(input, name);
    // An unmapped name is reported once above, not again in every row that prints it.
    if (!entry) return UNMAPPED_PLACEHOLDER;
    if ('unitId' in entry) return entry.unitId;
    const id = newUnitPlaceholders.get(entry.create.name) ?? randomUUID();
    newUnitPlaceholders.set(entry.create.name, id);
    return id;
  };
  const planCheck = ZCreatePlanRequest.safeParse(planRequestOf(draft, localityId, checkIdOf));
  if (!planCheck.success) details.push(...detailsOf(planCheck.error, (path) => planFieldOf(draft, path)));
  draft.indicators.forEach((indicator, index) => {
    const check = ZCreateIndicatorRequest.safeParse(indicatorRequestOf(indicator, checkIdOf, catalog));
    if (!check.success)
      details.push(...detailsOf(check.error, (path) => rowFieldOf(`indicators.${index}`, path)));
  });
  draft.tasks.forEach((task, index) => {
    const check = ZCreateTaskRequest.safeParse(taskRequestOf(task, checkIdOf));
    if (!check.success) details.push(...detailsOf(check.error, (path) => rowFieldOf(`tasks.${index}`, path)));
  });
  if (details.length > 0) {
    throw new AppError('VALIDATION_FAILED', { details: details.slice(0, MAX_DETAILS) });
  }
  // Only a draft that would save is asked about its locality, so one confirmation is enough.
  await checkLocalityNamed(db, input, chain);

  return db.transaction(async (tx) => {
    const services = {
      unit: createUnitService({ db: tx, clock }),
      plan: createPlanService({ db: tx, clock }),
      indicator: createIndicatorService({ db: tx, clock, catalog }),
      task: createTaskService({ db: tx, clock }),
    };
    // Units to create, once per name even when several printed names map to the same new unit.
    const created = new Map<string, string>();
    const unitIds = new Map<string, string>();
    for (const [name, entry] of Object.entries(input.unitMapping)) {
      if ('unitId' in entry) {
        unitIds.set(name, entry.unitId);
        continue;
      }
      let id = created.get(entry.create.name);
      if (!id) {
        const unit = await inDraftRow(
          () => mappingField(name, 'create', 'name'),
          () => services.unit.create(context, localityId, ZCreateUnitRequest.parse(entry.create)),
        );
        id = unit.id;
        created.set(entry.create.name, id);
      }
      unitIds.set(name, id);
    }
    const unitIdOf: UnitIdOf = (name) => (name ? (unitIds.get(name) ?? null) : null);

    const plan = await inDraftRow(
      (path) => planFieldOf(draft, path),
      () =>
        services.plan.create(context, ZCreatePlanRequest.parse(planRequestOf(draft, localityId, unitIdOf))),
    );
    const planId = plan.plan.id;
    for (const [index, indicator] of draft.indicators.entries()) {
      await inDraftRow(
        (path) => rowFieldOf(`indicators.${index}`, path),
        () =>
          services.indicator.create(
            context,
            planId,
            ZCreateIndicatorRequest.parse(indicatorRequestOf(indicator, unitIdOf, catalog)),
          ),
      );
    }
    for (const [index, task] of draft.tasks.entries()) {
      await inDraftRow(
        (path) => rowFieldOf(`tasks.${index}`, path),
        () => services.task.create(context, planId, ZCreateTaskRequest.parse(taskRequestOf(task, unitIdOf))),
      );
    }
    return services.plan.get(context, planId);
  });
};
