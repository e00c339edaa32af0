/**
 * The database schema. drizzle-kit generates the SQL migrations in ./migrations from this file
 * (`npm run db:generate -- --name <change>`); the app applies them at startup. Keep to PostgreSQL 15.
 *
 * `search_text` columns hold the accent-folded text (core/domain/text.ts `foldText`) of what users
 * search for, written by the repositories, with a trigram index so "ho so truc tuyen" finds
 * "Hồ sơ trực tuyến" on PGlite and PostgreSQL alike.
 */

import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLE_NAMES } from '../../core/schemas/auth.schemas';
import { REPORT_STATUS_NAMES } from '../../core/schemas/reporting.schemas';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const searchText = () => text('search_text').notNull().default('');

export const locality = pgTable(
  'locality',
  {
    id: id(),
    /** Stable administrative code (mã đơn vị hành chính) or a slug for demo data. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['nation', 'province', 'commune'] }).notNull(),
    /** tỉnh, thành phố, xã, phường, đặc khu */
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => locality.id),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** The English name the national register gives (Thanh Dong Ward), when loaded from it. */
    nameEn: text('name_en'),
    /**
     * Whether an administrator set the English name in the locality's settings: `load-register` then
     * keeps it instead of the register's (docs/locality-history.md).
     */
    nameEnEdited: boolean('name_en_edited').notNull().default(false),
    /**
     * The units merged into this one in the 2025 reform, as the national register prints them (free
     * text of former names, e.g. "Xã Bình Long, Xã Phương Giao, Xã Dân Tiến"); null when not known.
     */
    formedFrom: text('formed_from'),
    /** Score thresholds for Xanh / Vàng (below: Đỏ); null uses the defaults (80 / 50). */
    scoreGreen: doublePrecision('score_green'),
    scoreYellow: doublePrecision('score_yellow'),
    searchText: searchText(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('locality_code_key').on(t.code), index('locality_parent_idx').on(t.parentId)],
);

/** A locality formed by merging others (2025 reorganisation): history is kept. */
export const localitySuccession = pgTable(
  'locality_succession',
  {
    successorId: uuid('successor_id')
      .notNull()
      .references(() => locality.id, { onDelete: 'cascade' }),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => locality.id, { onDelete: 'cascade' }),
    effectiveDate: date('effective_date'),
    /** Whether the whole predecessor went into this successor, or only a part of it (a split). */
    share: text('share', { enum: ['whole', 'part'] })
      .notNull()
      .default('whole'),
  },
  (t) => [
    primaryKey({ columns: [t.successorId, t.predecessorId] }),
    index('locality_succession_predecessor_idx').on(t.predecessorId),
  ],
);

/**
 * The names a locality bore before a dated rename or change of kind (docs/locality-history.md): the row
 * keeps its official code and its current name; each former name is kept with the last day it was used.
 * The name in force on a date d is the one of the first row with `valid_to` ≥ d, else the locality's own.
 */
export const localityName = pgTable(
  'locality_name',
  {
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** The last day of this name (the day before the change). */
    validTo: date('valid_to').notNull(),
  },
  (t) => [primaryKey({ columns: [t.localityId, t.validTo] })],
);

/**
 * A name (and kind) a locality takes from a date still ahead (a rename decided in advance): the row keeps
 * the name in force today until that day, when the name is settled into the row and the row's former
 * name goes to `locality_name` (`settleScheduledNames`, server/shared/locality-history.ts).
 */
export const localityNameScheduled = pgTable(
  'locality_name_scheduled',
  {
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** The first day of this name (the change's effective date). */
    validFrom: date('valid_from').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.localityId, t.validFrom] }),
    index('locality_name_scheduled_valid_from_idx').on(t.validFrom),
  ],
);

/**
 * A dated change applied to the locality tree (rename, change of kind, merger, split), as it was asked:
 * the record that makes a re-run of the same change a no-op (`fingerprint`: a hash of the change).
 */
export const localityChange = pgTable(
  'locality_change',
  {
    id: id(),
    fingerprint: text('fingerprint').notNull(),
    type: text('type', { enum: ['rename', 'change-kind', 'merge', 'split'] }).notNull(),
    effectiveDate: date('effective_date').notNull(),
    /** The decision it applies (số nghị quyết), as given. */
    decision: text('decision'),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('locality_change_fingerprint_key').on(t.fingerprint)],
);

export const unit = pgTable(
  'unit',
  {
    id: id(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id),
    name: text('name').notNull(),
    /** Free classification: phòng, trung tâm, trạm, trường, doanh nghiệp, … */
    kind: text('kind'),
    /** An outside partner (a telecom company, a bank) rather than an agency of the locality. */
    isExternal: boolean('is_external').notNull().default(false),
    searchText: searchText(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('unit_locality_name_key').on(t.localityId, t.name)],
);

export const plan = pgTable(
  'plan',
  {
    id: id(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id),
    issuerKind: text('issuer_kind', { enum: ['government', 'party'] }).notNull(),
    issuer: text('issuer').notNull(),
    number: text('number'),
    issuedDate: date('issued_date'),
    title: text('title').notNull(),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    status: text('status', { enum: ['draft', 'active', 'closed'] })
      .notNull()
      .default('active'),
    standingAgencyUnitId: uuid('standing_agency_unit_id').references(() => unit.id),
    sourceDocumentId: uuid('source_document_id'),
    searchText: searchText(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('plan_locality_idx').on(t.localityId),
    index('plan_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** A document the plan cites as its basis (căn cứ) or replaces (thay thế). */
export const planReference = pgTable(
  'plan_reference',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['basis', 'replaces'] }).notNull(),
    position: integer('position').notNull(),
    number: text('number'),
    date: date('date'),
    issuer: text('issuer'),
    /** Optional link to a plan held in the system. */
    referencedPlanId: uuid('referenced_plan_id').references(() => plan.id, { onDelete: 'set null' }),
  },
  (t) => [index('plan_reference_plan_idx').on(t.planId)],
);

/** The reporting regime stated in the plan (NĐ 09/2019/NĐ-CP pattern). */
export const reportingRegime = pgTable(
  'reporting_regime',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    frequency: text('frequency', {
      enum: ['monthly', 'quarterly', 'semiannual', 'annual', 'adhoc'],
    }).notNull(),
    /** "MM-DD" of the yearly due date, when the plan states one. */
    due: text('due'),
    /** Otherwise: due N days (or working days) after the period ends. */
    dueDaysAfter: integer('due_days_after'),
    dueWorkingDays: boolean('due_working_days').notNull().default(false),
    /** Data close on this day of the month (NĐ 09/2019: the 14th; the window runs 15th → 14th). */
    closingDay: integer('closing_day').notNull().default(14),
    receiver: text('receiver'),
  },
  (t) => [index('reporting_regime_plan_idx').on(t.planId)],
);

export const indicatorGroup = pgTable(
  'indicator_group',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('indicator_group_plan_name_key').on(t.planId, t.name)],
);

export const indicator = pgTable(
  'indicator',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => indicatorGroup.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    code: text('code'),
    name: text('name').notNull(),
    unit: text('unit'),
    direction: text('direction', { enum: ['increase', 'decrease'] })
      .notNull()
      .default('increase'),
    measure: text('measure', { enum: ['cumulative', 'period'] })
      .notNull()
      .default('cumulative'),
    catalogCode: text('catalog_code'),
    leadUnitId: uuid('lead_unit_id').references(() => unit.id),
    executor: text('executor'),
    leader: text('leader'),
    evidenceHint: text('evidence_hint'),
    baselineYear: integer('baseline_year'),
    searchText: searchText(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('indicator_plan_idx').on(t.planId),
    index('indicator_catalog_idx').on(t.catalogCode),
    index('indicator_lead_unit_idx').on(t.leadUnitId),
    index('indicator_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** Coordinating units of an indicator (đơn vị phối hợp), in printed order. */
export const indicatorUnit = pgTable(
  'indicator_unit',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicator.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.unitId] }), index('indicator_unit_unit_idx').on(t.unitId)],
);

export const indicatorTarget = pgTable(
  'indicator_target',
  {
    id: id(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicator.id, { onDelete: 'cascade' }),
    /** A year (2025…2030) or the year that ends a stage (2035, 2040, 2045). */
    year: integer('year').notNull(),
    op: text('op', { enum: ['>=', '>', '<=', '<', '=', 'range', 'qualitative'] }).notNull(),
    value: doublePrecision('value'),
    valueHigh: doublePrecision('value_high'),
    /** The target exactly as printed ("≥ 85%", "Duy trì 100%"). */
    rawText: text('raw_text'),
    isBaseline: boolean('is_baseline').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('indicator_target_year_key').on(t.indicatorId, t.year)],
);

export const taskGroup = pgTable(
  'task_group',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('task_group_plan_name_key').on(t.planId, t.name)],
);

export const task = pgTable(
  'task',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => taskGroup.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    code: text('code'),
    name: text('name').notNull(),
    leadUnitId: uuid('lead_unit_id').references(() => unit.id),
    leader: text('leader'),
    output: text('output'),
    deadlineKind: text('deadline_kind', { enum: ['by', 'recurring', 'ongoing', 'onRequest', 'schedule'] }),
    deadlineDate: date('deadline_date'),
    recurrence: text('recurrence', { enum: ['year', 'half', 'quarter', 'month'] }),
    /** The deadline exactly as printed ("Trong Quý IV/2025"). */
    deadlineText: text('deadline_text'),
    /**
     * When the current lead unit was given the task after the plan was set up (null: from the start). The
     * unit owes reports on it from then on: periods already due before are not held against it.
     */
    leadAssignedAt: timestamp('lead_assigned_at', { withTimezone: true }),
    searchText: searchText(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('task_plan_idx').on(t.planId),
    index('task_lead_unit_idx').on(t.leadUnitId),
    index('task_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const taskUnit = pgTable(
  'task_unit',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_unit_unit_idx').on(t.unitId)],
);

/**
 * Every change to plan data, written in the same transaction as the change: who, when, from where,
 * what it was before and after.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: id(),
    /** Insertion order: several changes can share a timestamp (one transaction, a coarse clock). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The entity this one belongs to (the indicator of a target), so a history panel is one query. */
    parentEntityId: uuid('parent_entity_id'),
    /** The plan the entity belongs to, so a plan's history is one query. */
    planId: uuid('plan_id'),
    localityId: uuid('locality_id'),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
    index('audit_event_parent_idx').on(t.parentEntityId),
    index('audit_event_at_idx').on(t.at),
    index('audit_event_locality_idx').on(t.localityId, t.at),
  ],
);

/** The role names are defined once, in core, and shared with the API schemas. */
export const ROLES = ROLE_NAMES;

export const appUser = pgTable(
  'app_user',
  {
    id: id(),
    /** Lower-case login name. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** Where reminders are e-mailed; none means in-app notifications only. */
    email: text('email'),
    /** argon2id hash (PHC string). */
    passwordHash: text('password_hash').notNull(),
    /** Set for new accounts and after a reset: the user must choose a password at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    /** Demo accounts are refused when the server runs in production mode. */
    isDemo: boolean('is_demo').notNull().default(false),
    isDisabled: boolean('is_disabled').notNull().default(false),
    /** Display name, user name and e-mail folded (shared/accounts.ts `userSearchText`), for the user list's search. */
    searchText: searchText(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('app_user_username_key').on(t.username),
    index('app_user_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** A role held in a locality (covering its subtree), optionally tied to one unit (unit officers). */
export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id),
    unitId: uuid('unit_id').references(() => unit.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_assignment_user_idx').on(t.userId),
    index('role_assignment_locality_idx').on(t.localityId),
  ],
);

/** Sessions live in the database so several app processes share them. The id is a keyed hash of the cookie. */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Sign-in attempts, for throttling that works across processes and does not reveal which users exist. */
export const loginAttempt = pgTable(
  'login_attempt',
  {
    id: id(),
    /** The folded user name as typed, whether or not such a user exists. */
    usernameKey: text('username_key').notNull(),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [
    index('login_attempt_username_idx').on(t.usernameKey, t.at),
    index('login_attempt_ip_idx').on(t.ip, t.at),
  ],
);

/** One reporting period of a plan: generated from a regime, or requested ad hoc. */
export const reportingPeriod = pgTable(
  'reporting_period',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    regimeId: uuid('regime_id').references(() => reportingRegime.id, { onDelete: 'set null' }),
    /** "2026", "2026-Q3", … or "adhoc-…" */
    key: text('key').notNull(),
    label: text('label').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    dataFrom: date('data_from').notNull(),
    dataTo: date('data_to').notNull(),
    dueDate: date('due_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('reporting_period_plan_key').on(t.planId, t.key),
    index('reporting_period_due_idx').on(t.dueDate),
  ],
);

export const REPORT_STATUSES = REPORT_STATUS_NAMES;

/**
 * A unit's report for a period. A correction after acceptance is a new version; the accepted one stays
 * until the correction is accepted, then becomes `superseded`. `revision` is the optimistic lock.
 */
export const unitReport = pgTable(
  'unit_report',
  {
    id: id(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriod.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id),
    version: integer('version').notNull().default(1),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    nothingArose: boolean('nothing_arose').notNull().default(false),
    difficulties: text('difficulties'),
    proposals: text('proposals'),
    /** First submission of this version: what timeliness is judged on. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => appUser.id),
    isLate: boolean('is_late').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    returnReason: text('return_reason'),
    /** Why a report submitted after its due date is late, as the unit wrote it. */
    lateReason: text('late_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by').references(() => appUser.id),
    /**
     * The standing agency's officer who enters this version on the unit's behalf ("nhập thay": the unit
     * has no account and sent a paper report); null when the unit writes its own report.
     */
    enteredOnBehalfBy: uuid('entered_on_behalf_by').references(() => appUser.id),
  },
  (t) => [
    uniqueIndex('unit_report_period_unit_version_key').on(t.periodId, t.unitId, t.version),
    index('unit_report_unit_idx').on(t.unitId),
    index('unit_report_status_idx').on(t.status, t.submittedAt),
  ],
);

/** The value of an indicator in a unit report. */
export const indicatorValue = pgTable(
  'indicator_value',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => unitReport.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicator.id, { onDelete: 'cascade' }),
    value: doublePrecision('value'),
    /** For a percentage: what it is rebuilt from when rolled up across units or localities. */
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    /** A person's judgement of a qualitative target. */
    assessment: text('assessment', { enum: ['achieved', 'not_achieved'] }),
    note: text('note'),
    /** "Chưa có số liệu": why the value is empty (a report is submitted only with a value or a reason). */
    missingReason: text('missing_reason'),
  },
  (t) => [
    uniqueIndex('indicator_value_report_indicator_key').on(t.reportId, t.indicatorId),
    index('indicator_value_indicator_idx').on(t.indicatorId),
  ],
);

/** The progress of a task in a unit report. */
export const taskUpdate = pgTable(
  'task_update',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => unitReport.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['not_started', 'in_progress', 'done'] }).notNull(),
    progress: integer('progress'),
    completedOn: date('completed_on'),
    result: text('result'),
  },
  (t) => [
    uniqueIndex('task_update_report_task_key').on(t.reportId, t.taskId),
    index('task_update_task_idx').on(t.taskId),
  ],
);

/**
 * One return of a unit report by the standing agency: the reason and comments on single indicators or
 * tasks. Kept after the unit edits and resubmits, so the report's history shows every return.
 */
export const unitReportReturn = pgTable(
  'unit_report_return',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => unitReport.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    /** [{ indicatorId, taskId, text }]: one comment per indicator or task commented on. */
    comments: jsonb('comments')
      .$type<Array<{ indicatorId: string | null; taskId: string | null; text: string }>>()
      .notNull()
      .default([]),
    returnedAt: timestamp('returned_at', { withTimezone: true }).notNull(),
    returnedBy: uuid('returned_by').references(() => appUser.id),
  },
  (t) => [index('unit_report_return_report_idx').on(t.reportId, t.returnedAt)],
);

/** Evidence (minh chứng): a file kept under the data folder, attached to a report, optionally to one of its rows. */
export const attachment = pgTable(
  'attachment',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => unitReport.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').references(() => indicator.id, { onDelete: 'set null' }),
    taskId: uuid('task_id').references(() => task.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Where the bytes are, relative to the file store's root. */
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => appUser.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    /** The scan of the unit's signed paper report, attached when its report is entered on its behalf. */
    isPaperReport: boolean('is_paper_report').notNull().default(false),
  },
  (t) => [index('attachment_report_idx').on(t.reportId)],
);

/**
 * The locality's report for a period, built by the standing agency from the accepted unit reports and
 * sent to the leader, who approves it or returns it with a reason.
 */
export const consolidatedReport = pgTable(
  'consolidated_report',
  {
    id: id(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriod.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'sent', 'approved', 'returned'] })
      .notNull()
      .default('draft'),
    /** The narrative the standing agency writes around the figures: results ("kết quả"). */
    narrative: text('narrative'),
    /** "Tồn tại, hạn chế và nguyên nhân". */
    shortcomings: text('shortcomings'),
    /** "Phương hướng, nhiệm vụ kỳ tới". */
    nextSteps: text('next_steps'),
    /** 1 for the first report; each supplementary report ("báo cáo bổ sung") after an approval adds 1. */
    version: integer('version').notNull().default(1),
    revision: integer('revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by').references(() => appUser.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    returnReason: text('return_reason'),
  },
  (t) => [
    uniqueIndex('consolidated_report_period_key').on(t.periodId),
    index('consolidated_report_status_idx').on(t.status),
  ],
);

/**
 * An approved consolidated report, frozen: what the leader approved (figures, statuses, narrative, the
 * unit report ids and versions used, the date) as it was, so its Word and PDF never change afterwards;
 * and the scan of the signed paper, once attached. One row per approved version of a report.
 */
export const consolidatedReportVersion = pgTable(
  'consolidated_report_version',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => consolidatedReport.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The report as approved (`TConsolidatedSnapshot` in core/schemas/consolidation.schemas.ts). */
    snapshot: jsonb('snapshot').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by').references(() => appUser.id),
    /** The signed scan (PDF or image) in the file store, by random key. */
    scanStorageKey: text('scan_storage_key'),
    scanFileName: text('scan_file_name'),
    scanContentType: text('scan_content_type'),
    scanSizeBytes: integer('scan_size_bytes'),
    scanSha256: text('scan_sha256'),
    scanUploadedAt: timestamp('scan_uploaded_at', { withTimezone: true }),
    scanUploadedBy: uuid('scan_uploaded_by').references(() => appUser.id),
  },
  (t) => [uniqueIndex('consolidated_report_version_key').on(t.reportId, t.version)],
);

/**
 * An in-app notification. `dedupeKey` makes each reminder happen exactly once, whichever process and
 * however many times the reminder scan runs.
 */
export const notification = pgTable(
  'notification',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where in the app the notification leads. */
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_dedupe_key').on(t.dedupeKey),
    index('notification_user_idx').on(t.userId, t.createdAt),
  ],
);

/**
 * The reminders the scan has sent: one row per period, unit and stage ("due-soon", "overdue"). The scan
 * looks only for missing reports without their row, so its cost follows what is still to remind, not
 * all the history of the country.
 */
export const reminderSent = pgTable(
  'reminder_sent',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriod.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unit.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId, t.stage] })],
);

/** E-mails to send. A sender claims rows (FOR UPDATE SKIP LOCKED) so several processes never send one twice. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    notificationId: uuid('notification_id').references(() => notification.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    claimedBy: text('claimed_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('email_outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/**
 * A plan document being read into a draft. The process that received the upload runs the job and writes
 * its progress here; any process answers "how far is it" and records a cancel, which the running process
 * notices by reading the row. Jobs are kept a day.
 */
export const importJob = pgTable(
  'import_job',
  {
    id: id(),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'cascade' }),
    /** The locality the officer chose for the plan, when chosen at upload. */
    localityId: uuid('locality_id').references(() => locality.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull().default('queued'),
    /** Pages read by OCR so far, of `progressTotal` (0 of 0 for a file with a text layer). */
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** Why it failed or was cancelled, in Vietnamese. */
    message: text('message'),
    draft: jsonb('draft'),
    /** The text the reader extracted, shown beside the draft on the review screen. */
    sourceText: text('source_text'),
    createdAt: createdAt(),
    /** Written with every change of status or progress, so a job whose process died can be told apart. */
    updatedAt: updatedAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_job_created_idx').on(t.createdAt), index('import_job_user_idx').on(t.createdBy)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Evidence files when the app runs on PostgreSQL: in the database, so every app process sees them and
 * `pg_dump` backs them up with the rows that name them. A file is split into chunks of at most 1 MiB
 * (`seq` from 0); `storage_key` is the attachment's key. On PGlite files stay in DATA_DIR/files.
 */
export const storedFileChunk = pgTable(
  'stored_file_chunk',
  {
    storageKey: text('storage_key').notNull(),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storageKey, t.seq] })],
);

/**
 * The leader's decision to publish an approved version of a consolidated report on the public site
 * (/cong-khai), or to withdraw it with a reason. A withdrawn publication stays as history and is shown
 * publicly ("đã gỡ ngày …, lý do …"); a version can be published again (a new row). At most one
 * publication of a report is in force (not withdrawn) at a time: publishing a supplementary version
 * withdraws the earlier one with that reason.
 */
export const reportPublication = pgTable(
  'report_publication',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => consolidatedReport.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** Denormalised for the public queries (the report's plan's locality, its period). */
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriod.id, { onDelete: 'cascade' }),
    /** The number of the signed document (số văn bản), as the leader gives it; null when not given. */
    documentNumber: text('document_number'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by').references(() => appUser.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => appUser.id),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [
    index('report_publication_report_idx').on(t.reportId, t.version),
    index('report_publication_locality_idx').on(t.localityId),
    uniqueIndex('report_publication_in_force_key').on(t.reportId).where(sql`${t.withdrawnAt} is null`),
  ],
);

/**
 * A submission package a commune sent up and this instance (the province's) imported: its figures.json
 * as received, identified by the commune, the plan of the sending instance, the period and the report
 * version. Importing the same package again changes nothing (docs/open-data.md).
 */
export const submissionPackage = pgTable(
  'submission_package',
  {
    id: id(),
    /** The commune in this instance's register (by its official code). */
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id),
    localityCode: text('locality_code').notNull(),
    /** The plan's id in the sending instance: a commune may report on several plans. */
    sourcePlanId: uuid('source_plan_id').notNull(),
    periodKey: text('period_key').notNull(),
    reportVersion: integer('report_version').notNull(),
    /** figures.json as received (`TSubmissionFigures`). */
    figures: jsonb('figures').notNull(),
    figuresSha256: text('figures_sha256').notNull(),
    /** The manifest's checksum of the whole package. */
    checksum: text('checksum').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedBy: uuid('received_by').references(() => appUser.id),
    /** SHA-256 (hex) of the public key whose signature was verified; null for packages received unsigned before signing. */
    signatureFingerprint: text('signature_fingerprint'),
  },
  (t) => [
    uniqueIndex('submission_package_key').on(t.localityId, t.sourcePlanId, t.periodKey, t.reportVersion),
    index('submission_package_locality_idx').on(t.localityId),
  ],
);

/**
 * An API key of an integration (a province's operations centre pulling figures, a commune's system
 * pushing its submission packages): scoped to a locality, read-only or submit-only, revocable. Only the
 * SHA-256 of the key is stored; the key itself is shown once, when created.
 */
export const apiKey = pgTable(
  'api_key',
  {
    id: id(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id),
    name: text('name').notNull(),
    scope: text('scope', { enum: ['read', 'submit'] }).notNull(),
    /** The first characters of the key, to recognise it in lists ("ltk_AbCd1234…"). */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => appUser.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => appUser.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_key_hash_key').on(t.keyHash), index('api_key_locality_idx').on(t.localityId)],
);

/**
 * This instance's Ed25519 key pair, which signs its submission packages (docs/open-data.md, "Chữ ký số").
 * One row, made on first need. The private key (PKCS#8 PEM) never leaves the server: no route returns it
 * and nothing logs it; backups hold it, like the password hashes.
 */
export const instanceSigningKey = pgTable('instance_signing_key', {
  /** Always 'package': one key pair per instance. */
  name: text('name').primaryKey(),
  algorithm: text('algorithm', { enum: ['Ed25519'] }).notNull(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: createdAt(),
});

/**
 * The public key of a commune's instance, registered at the province's instance by its administrator:
 * packages of that commune must be signed by a key registered for it and not revoked.
 */
export const registeredSigningKey = pgTable(
  'registered_signing_key',
  {
    id: id(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => locality.id),
    name: text('name').notNull(),
    /** SPKI PEM, as pasted (normalised). */
    publicKey: text('public_key').notNull(),
    /** SHA-256 of the DER SPKI, 64 lower-case hex digits. */
    fingerprint: text('fingerprint').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => appUser.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => appUser.id),
  },
  (t) => [
    uniqueIndex('registered_signing_key_locality_fingerprint_key').on(t.localityId, t.fingerprint),
    index('registered_signing_key_locality_idx').on(t.localityId),
  ],
);

/**
 * A plan's evaluation revision: set from the sequence `plan_evaluation_revision_seq` by triggers
 * (migration 0019) whenever a row the overview's evaluation of the plan reads changes (the plan, its
 * periods, indicators, targets, tasks, unit reports, values and task updates). No foreign key: the
 * triggers of a cascading delete still write here; a deleted plan's row is left, harmless.
 */
export const planEvaluationRevision = pgTable('plan_evaluation_revision', {
  planId: uuid('plan_id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});

/**
 * What the overview needs of a plan's evaluation for a year on a date (overview.summary.ts), as it was
 * at `revision`: used only while the plan's revision is still that one.
 */
export const planEvaluationSummary = pgTable(
  'plan_evaluation_summary',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    asOf: date('as_of').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    /** What every overview reads (the nation's reads only this). */
    summary: json('summary').notNull(),
    /** What only a province's overview reads: the period judged, the indicators' and reports' ids. */
    detail: json('detail').notNull(),
    /**
     * The first date the summary is no longer valid on, its rows unchanged (a deadline or due date
     * passed, a later period opened); null: none. Valid from `asOf` up to the day before.
     */
    validUntil: date('valid_until'),
    computedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.year, t.asOf] })],
);
