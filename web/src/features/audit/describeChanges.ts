/**
 * Turns an audit event's row snapshots (`before`, `after`) into the lines a person reads: which fields
 * changed, from what to what, in words ("Chỉ tiêu in: 70% → 75%", "Đơn vị chủ trì: Trung tâm HCC").
 * Technical columns (ids, timestamps, the search text) are left out; unit and locality ids become names.
 */
import { formatTarget, type TargetOp } from '@core/domain/targets';
import type { TAuditEvent } from '@core/schemas/auth.schemas';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

type Snapshot = Record<string, unknown>;

/** One line of a change: the field's label and its value before and after, already in words. */
export type ChangeLine = { key: string; label: string; before: string | null; after: string | null };

/** What the readers need to turn ids into names. */
export type NameLookup = {
  unitName: (id: string) => string | undefined;
  localityName: (id: string) => string | undefined;
};

/** Columns that mean nothing to a reader or repeat what the row already says. */
const HIDDEN_FIELDS = new Set([
  'id',
  'planId',
  'groupId',
  'indicatorId',
  'parentId',
  'userId',
  'createdAt',
  'updatedAt',
  'searchText',
  'canEdit',
  'position',
  'passwordHash',
  'isDemo',
  'periodId',
  'reportId',
  'regimeId',
  'taskId',
  'revision',
  'submittedBy',
  'reviewedBy',
  'updatedBy',
  'sentBy',
  'decidedBy',
  'publishedBy',
  'withdrawnBy',
  'receivedBy',
  'uploadedBy',
  'enteredOnBehalfBy',
  'storageKey',
  'scanStorageKey',
  'scanSha256',
  'checksum',
  'prefix',
]);

/** What names a row, first among the fields of a summary and of a change alike. */
const IDENTITY_FIELDS = [
  'year',
  'code',
  'number',
  'name',
  'title',
  'username',
  'displayName',
  'role',
  'localityId',
  'unitId',
  'rawText',
];

/** For a creation or deletion, only what identifies the row is listed, not every column. */
const SUMMARY_FIELDS = [
  ...IDENTITY_FIELDS,
  'unit',
  'leadUnitId',
  'output',
  'deadlineText',
  'kind',
  'isExternal',
  'targets',
  'label',
  'dueDate',
  'enteredOnBehalf',
  'version',
  'fileName',
  'documentNumber',
  'periodKey',
  'reportVersion',
  'scope',
  'late',
  'missing',
  'notified',
];

/** Labels of known fields, as i18n keys under `history.fields`, in the order lines are shown. */
const FIELD_ORDER = [
  ...IDENTITY_FIELDS,
  'op',
  'value',
  'valueHigh',
  'isBaseline',
  'unit',
  'direction',
  'measure',
  'catalogCode',
  'leadUnitId',
  'coordinatingUnitIds',
  'executor',
  'leader',
  'evidenceHint',
  'baselineYear',
  'groupName',
  'output',
  'deadlineText',
  'deadlineKind',
  'deadlineDate',
  'recurrence',
  'issuer',
  'issuerKind',
  'issuedDate',
  'signerName',
  'signerPosition',
  'status',
  'standingAgencyUnitId',
  'references',
  'reporting',
  'kind',
  'isExternal',
  'isDisabled',
  'mustChangePassword',
  'passwordChanged',
  'level',
  'parentId',
  'validFrom',
  'validTo',
  'targets',
  'label',
  'key',
  'periodStart',
  'periodEnd',
  'dataFrom',
  'dataTo',
  'dueDate',
  'version',
  'enteredOnBehalf',
  'nothingArose',
  'values',
  'taskUpdates',
  'difficulties',
  'proposals',
  'lateReason',
  'submittedAt',
  'isLate',
  'reviewedAt',
  'returnReason',
  'narrative',
  'shortcomings',
  'nextSteps',
  'sentAt',
  'decidedAt',
  'fileName',
  'contentType',
  'sizeBytes',
  'isPaperReport',
  'uploadedAt',
  'scanFileName',
  'scanContentType',
  'scanSizeBytes',
  'documentNumber',
  'publishedAt',
  'withdrawnAt',
  'withdrawReason',
  'scope',
  'revokedAt',
  'localityCode',
  'periodKey',
  'reportVersion',
  'indicators',
  'late',
  'missing',
  'notified',
  'receivedAt',
];
const KNOWN_FIELDS = new Set(FIELD_ORDER);

/** Known fields in their reading order (the printed target before its meaning), unknown ones last. */
const byReadingOrder = (a: string, b: string) => {
  const rank = (field: string) => (KNOWN_FIELDS.has(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return rank(a) - rank(b);
};

const asSnapshot = (value: unknown): Snapshot | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Snapshot) : null;

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "2025-12-31" → "31/12/2025", an instant → "31/12/2025 14:05" (the browser's time); other text unchanged. */
const formatDay = (text: string) => {
  const match = isoDay.exec(text);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  return isoInstant.test(text) && dayjs(text).isValid() ? dayjs(text).format('DD/MM/YYYY HH:mm') : text;
};

/** The label of a status, by the kind of record it belongs to (a plan, a unit report, a consolidated report). */
const STATUS_KEYS: Record<string, string> = {
  plan: 'plan.statuses',
  unit_report: 'reporting.statuses',
  consolidated_report: 'consolidation.statuses',
};

type TargetSnapshot = {
  year: number;
  op: TargetOp;
  value: number | null;
  valueHigh: number | null;
  rawText: string | null;
};

const targetText = (target: TargetSnapshot, unit: string | null) =>
  target.rawText ?? formatTarget(target, unit);

const targetsOf = (value: unknown): TargetSnapshot[] =>
  Array.isArray(value)
    ? value.filter((item): item is TargetSnapshot => typeof asSnapshot(item)?.year === 'number')
    : [];

/**
 * Reads one value in words.
 *
 * @param field - the column name from the snapshot
 * @param value - its value
 * @param t - the translator (labels of codes such as op, direction, role)
 * @param names - id → name lookups for units and localities
 * @returns the text to show, or null for an empty value
 */
export const formatFieldValue = (
  field: string,
  value: unknown,
  t: TFunction,
  names: NameLookup,
  entityType = 'plan',
): string | null => {
  if (isEmpty(value)) return null;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const text = typeof value === 'string' ? value : null;
  switch (field) {
    case 'op':
      return t(`target.ops.${text}`, { defaultValue: text ?? '' });
    case 'direction':
      return t(`indicator.directions.${text}`, { defaultValue: text ?? '' });
    case 'measure':
      return t(`indicator.measures.${text}`, { defaultValue: text ?? '' });
    case 'deadlineKind':
      return t(`task.kinds.${text}`, { defaultValue: text ?? '' });
    case 'recurrence':
      return t(`task.recurrences.${text}`, { defaultValue: text ?? '' });
    case 'status': {
      const statuses = STATUS_KEYS[entityType];
      const label = statuses && text ? t(`${statuses}.${text}`, { defaultValue: '' }) : '';
      return label || t('history.changedValue');
    }
    case 'issuerKind':
      return t(`plan.issuerKinds.${text}`, { defaultValue: text ?? '' });
    case 'role':
      return t(`roles.${text}`, { defaultValue: text ?? '' });
    case 'level':
      return t(`history.levels.${text}`, { defaultValue: text ?? '' });
    case 'leadUnitId':
    case 'unitId':
    case 'standingAgencyUnitId':
      return text ? (names.unitName(text) ?? t('history.unknownUnit')) : null;
    case 'coordinatingUnitIds':
      return Array.isArray(value)
        ? value.map((id) => names.unitName(String(id)) ?? t('history.unknownUnit')).join('; ')
        : null;
    case 'localityId':
    case 'parentId':
      return text ? (names.localityName(text) ?? text) : null;
    case 'value':
    case 'valueHigh':
      return typeof value === 'number' ? value.toLocaleString('vi-VN') : String(value);
    case 'references':
      return Array.isArray(value)
        ? value
            .map((item) => {
              const reference = asSnapshot(item) ?? {};
              return [reference.number, reference.date ? formatDay(String(reference.date)) : null]
                .filter(Boolean)
                .join(' ');
            })
            .filter(Boolean)
            .join('; ')
        : null;
    case 'reporting':
      return Array.isArray(value)
        ? value
            .map((item) => {
              const regime = asSnapshot(item) ?? {};
              return [t(`plan.frequencies.${regime.frequency}`), regime.due, regime.receiver]
                .filter(Boolean)
                .join(', ');
            })
            .join('; ')
        : null;
    case 'targets':
      return targetsOf(value)
        .map((target) => `${target.year}: ${targetText(target, null)}`)
        .join('; ');
    default:
      break;
  }
  if (text !== null) return uuid.test(text) ? t('history.changedValue') : formatDay(text);
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  // A list of rows (a report's figures) or a nested record is counted or marked, never dumped as JSON.
  if (Array.isArray(value)) {
    return value.every((item) => typeof item === 'string' || typeof item === 'number')
      ? value.map((item) => (typeof item === 'string' && uuid.test(item) ? '…' : String(item))).join('; ')
      : t('history.itemCount', { count: value.length });
  }
  return t('history.changedValue');
};

/** A field's label; one the dictionary does not know is "Thông tin khác", never the column's name. */
const fieldLabel = (field: string, t: TFunction) =>
  KNOWN_FIELDS.has(field) ? t(`history.fields.${field}`) : t('history.otherField');

/** Per-year lines for an indicator whose targets changed together with it. */
const targetChanges = (before: unknown, after: unknown, unit: string | null, t: TFunction): ChangeLine[] => {
  const oldByYear = new Map(targetsOf(before).map((target) => [target.year, target]));
  const newByYear = new Map(targetsOf(after).map((target) => [target.year, target]));
  const years = [...new Set([...oldByYear.keys(), ...newByYear.keys()])].sort((a, b) => a - b);
  return years.flatMap((year) => {
    const old = oldByYear.get(year);
    const next = newByYear.get(year);
    const oldText = old ? targetText(old, unit) : null;
    const newText = next ? targetText(next, unit) : null;
    if (oldText === newText && sameValue(old?.value, next?.value) && sameValue(old?.op, next?.op)) return [];
    return [
      { key: `target-${year}`, label: t('history.targetOfYear', { year }), before: oldText, after: newText },
    ];
  });
};

/**
 * The lines to show for one event: for an update the fields that differ, for a creation what was
 * created, for a deletion what was deleted.
 *
 * @param event - the audit event with its JSON snapshots
 * @param t - the translator
 * @param names - id → name lookups
 * @returns lines in the order of the snapshot's columns (summary fields first for creations/deletions)
 */
export const describeChanges = (event: TAuditEvent, t: TFunction, names: NameLookup): ChangeLine[] => {
  const before = asSnapshot(event.before);
  const after = asSnapshot(event.after);
  const unit = (after?.unit ?? before?.unit ?? null) as string | null;
  const visible = (field: string) =>
    !HIDDEN_FIELDS.has(field) || (field === 'parentId' && event.entityType === 'locality');

  if (event.action === 'update' && before && after) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter(visible)
      .sort(byReadingOrder);
    return fields.flatMap((field): ChangeLine[] => {
      if (sameValue(before[field], after[field])) return [];
      if (field === 'targets') return targetChanges(before.targets, after.targets, unit, t);
      const oldText = formatFieldValue(field, before[field], t, names, event.entityType);
      const newText = formatFieldValue(field, after[field], t, names, event.entityType);
      return [
        {
          key: field,
          label: fieldLabel(field, t),
          before: oldText,
          // Rows changed inside a list of the same length read the same: say that the content changed.
          after: oldText !== null && oldText === newText ? t('history.changedContent') : newText,
        },
      ];
    });
  }

  const row = after ?? before;
  if (!row) return [];
  const isTarget = event.entityType === 'indicator_target';
  const fields = isTarget
    ? ['year', 'rawText', 'op', 'value', 'valueHigh', 'isBaseline']
    : SUMMARY_FIELDS.filter((field) => field in row);
  return fields.flatMap((field): ChangeLine[] => {
    const text = formatFieldValue(field, row[field], t, names, event.entityType);
    if (text === null || (field === 'isBaseline' && row[field] === false)) return [];
    const line = { key: field, label: fieldLabel(field, t) };
    return [
      event.action === 'delete'
        ? { ...line, before: text, after: null }
        : { ...line, before: null, after: text },
    ];
  });
};

/** The year of a target event, to show only one year's history. */
export const targetYearOf = (event: TAuditEvent): number | null => {
  if (event.entityType !== 'indicator_target') return null;
  const row = asSnapshot(event.after) ?? asSnapshot(event.before);
  return typeof row?.year === 'number' ? row.year : null;
};
