/**
 * One sentence per audit event, in the reader's language: who did what to what ("Chị Lan (Phòng VH-XH)
 * trả lại báo cáo Quý III/2026 của Trung tâm HCC, lý do: …"). The verb is read from the event's action
 * and, for a workflow step, from the status before and after; the object is named from the snapshot and
 * the names the server looked up, never by an id or a raw key.
 */
import { AUDIT_ENTITY_TYPES, type TAuditEvent } from '@core/schemas/auth.schemas';
import type { TFunction } from 'i18next';

/** Every kind of record the server writes to the trail. */
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** The verbs a sentence can use (keys under `auditTrail.sentence`). */
export const AUDIT_VERBS = [
  'create',
  'update',
  'delete',
  'save',
  'submit',
  'send',
  'accept',
  'approve',
  'return',
  'reopen',
  'enterOnBehalf',
  'publish',
  'withdraw',
  'activate',
  'close',
  'attachScan',
  'attach',
  'detach',
  'grant',
  'revokeRole',
  'changePassword',
  'lock',
  'unlock',
  'revokeKey',
  'registerKey',
  'refusePackage',
  'remind',
  'receive',
  'signIn',
  'signOut',
  'signInFailed',
] as const;
export type AuditVerb = (typeof AUDIT_VERBS)[number];

type Snapshot = Record<string, unknown>;

const asSnapshot = (value: unknown): Snapshot =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Snapshot) : {};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

const isKnownType = (type: string): type is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(type);

/** A status change of a workflow, as a verb; null when the status did not change. */
const statusVerb = (
  before: Snapshot,
  after: Snapshot,
  verbs: Record<string, AuditVerb>,
): AuditVerb | null => {
  const from = text(before.status);
  const to = text(after.status);
  if (!to || from === to) return null;
  return verbs[to] ?? null;
};

/**
 * What was done, as a verb: the action (create, update, delete), made precise for workflow steps
 * (a report submitted, accepted, returned; a plan put into effect; a password changed).
 *
 * @param event - the audit event with its snapshots
 * @returns a key of `auditTrail.sentence`
 */
export const verbOf = (event: TAuditEvent): AuditVerb => {
  const before = asSnapshot(event.before);
  const after = asSnapshot(event.after);
  const { action } = event;
  switch (event.entityType as AuditEntityType) {
    case 'unit_report':
      if (action === 'create') {
        if (text(after.enteredOnBehalfBy) || text(after.enteredOnBehalf)) return 'enterOnBehalf';
        return Number(after.version) > 1 ? 'reopen' : 'create';
      }
      if (action === 'update') {
        return (
          statusVerb(before, after, { submitted: 'submit', accepted: 'accept', returned: 'return' }) ?? 'save'
        );
      }
      return action;
    case 'consolidated_report':
      if (action === 'update') {
        const step = statusVerb(before, after, { sent: 'send', approved: 'approve', returned: 'return' });
        if (step) return step;
        if ('scanFileName' in after && !('status' in after)) return 'attachScan';
        return 'save';
      }
      return action;
    case 'report_publication':
      if (action === 'delete') return 'delete';
      return text(after.withdrawnAt) ? 'withdraw' : 'publish';
    case 'plan':
      if (action === 'update') {
        return statusVerb(before, after, { active: 'activate', closed: 'close' }) ?? 'update';
      }
      return action;
    case 'user':
      if (action === 'update') {
        if (after.passwordChanged === true) return 'changePassword';
        if (after.isDisabled === true && before.isDisabled !== true) return 'lock';
        if (after.isDisabled === false && before.isDisabled === true) return 'unlock';
      }
      return action;
    case 'role_assignment':
      return action === 'create' ? 'grant' : action === 'delete' ? 'revokeRole' : 'update';
    case 'attachment':
      return action === 'create' ? 'attach' : action === 'delete' ? 'detach' : 'update';
    case 'api_key':
      return action === 'update' && text(after.revokedAt) ? 'revokeKey' : action;
    case 'reminder':
      return action === 'create' ? 'remind' : action;
    case 'submission_package':
      if (action === 'create') return text(after.refused) ? 'refusePackage' : 'receive';
      return action;
    case 'signing_key':
      if (action === 'create') return 'registerKey';
      return action === 'update' && text(after.revokedAt) ? 'revokeKey' : action;
    case 'sign_in':
      if (action === 'create') return text(after.outcome) === 'succeeded' ? 'signIn' : 'signInFailed';
      return action === 'delete' ? 'signOut' : action;
    default:
      return action;
  }
};

/** Outcomes of a failed sign-in the trail can name (keys under `auditTrail.signInOutcome`). */
const SIGN_IN_OUTCOMES = new Set(['wrong_password', 'unknown_user', 'disabled', 'demo_refused', 'throttled']);

/** Why a package's signature was refused (keys under `auditTrail.packageRefusal`). */
const PACKAGE_REFUSALS = new Set(['unsigned', 'unknown_key', 'revoked_key', 'bad_signature']);

/** The reason that goes with a return or a withdrawal, when the snapshot has one. */
const reasonOf = (event: TAuditEvent, verb: AuditVerb, t: TFunction): string | undefined => {
  const after = asSnapshot(event.after);
  if (verb === 'refusePackage') {
    const refused = text(after.refused) ?? '';
    return t(`auditTrail.packageRefusal.${PACKAGE_REFUSALS.has(refused) ? refused : 'other'}`);
  }
  if (verb === 'return') return text(after.returnReason);
  if (verb === 'withdraw') return text(after.withdrawReason);
  return undefined;
};

/** The name of the row from its snapshot (number and title of a plan, name of an indicator …). */
const nameOf = (event: TAuditEvent): string | undefined => {
  const row = { ...asSnapshot(event.before), ...asSnapshot(event.after) };
  switch (event.entityType as AuditEntityType) {
    case 'plan':
      return (
        [text(row.number), text(row.title)].filter(Boolean).join(' – ') ||
        event.subject?.plan ||
        text(event.entityLabel)
      );
    case 'user':
      return text(row.displayName) ?? text(row.username) ?? text(event.entityLabel);
    case 'attachment':
      return text(row.fileName) ?? text(event.entityLabel);
    case 'reporting_period':
      return text(row.label) ?? text(event.entityLabel);
    case 'submission_package':
      return text(row.fileName) ?? text(row.periodKey);
    case 'sign_in':
      return text(row.username) ?? event.subject?.parent ?? text(event.entityLabel);
    case 'indicator_target':
    case 'role_assignment':
      return event.subject?.parent;
    case 'unit_report':
    case 'consolidated_report':
    case 'report_publication':
      return undefined;
    default:
      return text(row.name) ?? text(row.title) ?? text(event.entityLabel);
  }
};

/**
 * What the event changed, in words: "báo cáo Quý III/2026 của Trung tâm HCC", "chỉ tiêu “Tỷ lệ …”".
 *
 * @param event - the audit event with the names the server looked up
 * @param t - the translator
 * @returns the object of the sentence, never an id or a key
 */
export const describeObject = (event: TAuditEvent, t: TFunction): string => {
  const type = event.entityType;
  if (!isKnownType(type)) return t('auditTrail.unknownObject');
  const row = { ...asSnapshot(event.before), ...asSnapshot(event.after) };
  const version = Number(row.version);
  const versionSuffix = version > 1 ? t('auditTrail.versionSuffix', { version }) : '';
  switch (type) {
    case 'unit_report':
      return (
        t('auditTrail.object.unit_report', {
          period: event.subject?.period ?? t('auditTrail.somePeriod'),
          unit: event.subject?.unit ?? t('auditTrail.someUnit'),
        }) + versionSuffix
      );
    case 'consolidated_report':
    case 'report_publication':
      return event.subject?.period
        ? t(`auditTrail.object.${type}`, { period: event.subject.period }) + versionSuffix
        : t(`auditTrail.unnamed.${type}`);
    case 'indicator_target': {
      const year = text(row.year);
      if (!year) return t('auditTrail.unnamed.indicator_target');
      return t('auditTrail.object.indicator_target', {
        year,
        name: event.subject?.parent ?? t('auditTrail.someIndicator'),
      });
    }
    case 'role_assignment': {
      const role = text(row.role);
      return t('auditTrail.object.role_assignment', {
        role: role ? t(`roles.${role}`, { defaultValue: t('auditTrail.aRole') }) : t('auditTrail.aRole'),
        name: event.subject?.parent ?? t('auditTrail.someone'),
      });
    }
    default: {
      const name = nameOf(event);
      return name ? t(`auditTrail.object.${type}`, { name }) : t(`auditTrail.unnamed.${type}`);
    }
  }
};

/** "Nguyễn Thị Lan (Phòng Văn hóa – Xã hội)", or "Hệ thống" for a change made by no person. */
export const describeActor = (event: TAuditEvent, t: TFunction): string => {
  const name = text(event.actorName);
  if (!name) return t('history.unknownActor');
  const unit = text(event.actorUnitName);
  // A name that already says the unit ("Cán bộ Phòng Văn hóa - Xã hội") does not repeat it.
  return unit && !name.includes(unit) ? t('auditTrail.actorWithUnit', { name, unit }) : name;
};

/**
 * The sentence for one event: "Nguyễn Thị Lan (Phòng VH-XH) trả lại báo cáo Quý III/2026 của Trung tâm
 * HCC, lý do: thiếu số liệu".
 *
 * @param event - the audit event
 * @param t - the translator
 * @returns one sentence, without the time (shown beside it as dd/mm/yyyy hh:mm)
 */
export const describeEvent = (event: TAuditEvent, t: TFunction): string => {
  const verb = verbOf(event);
  if (verb === 'signInFailed') {
    // A failed attempt is nobody's act: the sentence names the account tried and why it was refused.
    const outcome = text(asSnapshot(event.after).outcome) ?? '';
    // A burst of held-back attempts is one event with its count (server: countIntoThrottledSignIn).
    const count = Number(asSnapshot(event.after).count);
    return t('auditTrail.sentence.signInFailed', {
      object: describeObject(event, t),
      reason:
        outcome === 'throttled' && count > 1
          ? t('auditTrail.signInOutcome.throttledCount', { count })
          : t(`auditTrail.signInOutcome.${SIGN_IN_OUTCOMES.has(outcome) ? outcome : 'other'}`),
    });
  }
  const reason = reasonOf(event, verb, t);
  const key =
    reason && (verb === 'return' || verb === 'withdraw')
      ? (`auditTrail.sentence.${verb}WithReason` as const)
      : (`auditTrail.sentence.${verb}` as const);
  return t(key, { actor: describeActor(event, t), object: describeObject(event, t), reason });
};
