/**
 * Dated changes of the locality tree after 2025 (docs/locality-history.md): rename, change of kind,
 * merger, split. History is never edited: a rename keeps the former name in `locality_name`; a merger or
 * split closes the former localities (`valid_to` = the day before) and ties them to their successors in
 * `locality_succession`. A list of changes is applied in one transaction, all or nothing; each change
 * applied is recorded by a fingerprint in `locality_change`, so a re-run of the same list writes nothing.
 */
import { formatDateVi, vietnamDateOf } from '@core/domain/deadlines';
import { addDays } from '@core/domain/reporting-periods';
import { toSearchText } from '@core/domain/text';
import type {
  TAppliedChange,
  TApplyLocalityChangesRequest,
  TApplyLocalityChangesResult,
  TChangeTarget,
  TLocalityChange,
} from '@core/schemas/locality-change.schemas';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import {
  locality,
  localityChange,
  localityName,
  localityNameScheduled,
  localitySuccession,
} from '../../db/schema';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityByCode, findLocalityChain, type LocalityRow } from '../../shared/localities';
import { primarySuccessorOf, settleScheduledNames } from '../../shared/locality-history';
import { assertOpen, consequenceOf, newestOf } from './locality.change-reads';
import {
  assertKind,
  canonical,
  changeFingerprint,
  labelOf,
  refuse,
  sentenceLabelOf,
} from './locality.change-rules';
import { canChangeLocalitiesUnder, canReadLocality } from './locality.policy';
import { insertLocality } from './locality.repository';

type Deps = { db: Database; clock: Clock };

/** Thrown inside a preview's transaction to undo it, carrying what it would have done. */
class PreviewDone extends Error {
  constructor(readonly result: TApplyLocalityChangesResult) {
    super('preview');
  }
}

export const createLocalityChangeService = ({ db, clock }: Deps) => {
  const today = () => vietnamDateOf(clock.now());

  /** A locality named by code that the actor may see; else refused as unknown (no hint it exists). */
  const localityOf = async (tx: Executor, context: RequestContext, code: string, field: string) => {
    const row = await findLocalityByCode(tx, code);
    if (!row || !canReadLocality(context.actor, await findLocalityChain(tx, row.id), [])) {
      const message = `Không có địa phương mã "${code}" (hoặc địa phương nằm ngoài phạm vi của bạn).`;
      throw new AppError('UNKNOWN_LOCALITY', { message, details: [{ field, message }] });
    }
    return newestOf(tx, row);
  };

  /** Changing a locality needs an administrator covering its parent (the province, for a commune). */
  const authorize = async (tx: Executor, context: RequestContext, row: LocalityRow) => {
    if (!row.parentId) refuse('code', 'Không thay đổi được cấp quốc gia.');
    if (!canChangeLocalitiesUnder(context.actor, await findLocalityChain(tx, row.parentId!))) {
      throw new AppError('FORBIDDEN', {
        message: `Chỉ quản trị viên của cấp trên (${row.level === 'commune' ? 'tỉnh, thành phố' : 'cấp quốc gia'}) mới thay đổi được ${labelOf(row)}.`,
      });
    }
  };

  /**
   * Keeps the current name and kind as a former one (until the day before) and writes the new ones; for
   * a date still ahead, schedules them instead (the row keeps the name in force today until that day).
   *
   * @returns the locality as the change leaves it
   */
  const rename = async (
    tx: Executor,
    context: RequestContext,
    row: LocalityRow,
    next: { name: string; kind: string },
    date: string,
    note: Record<string, unknown>,
  ): Promise<LocalityRow> => {
    let after: LocalityRow;
    if (date > today()) {
      await tx
        .insert(localityNameScheduled)
        .values({ localityId: row.id, name: next.name, kind: next.kind, validFrom: date });
      after = { ...row, name: next.name, kind: next.kind };
    } else {
      await tx
        .insert(localityName)
        .values({ localityId: row.id, name: row.name, kind: row.kind, validTo: addDays(date, -1) });
      [after] = (await tx
        .update(locality)
        .set({ name: next.name, kind: next.kind, searchText: toSearchText(next.name) })
        .where(eq(locality.id, row.id))
        .returning()) as [LocalityRow];
    }
    await recordAudit(tx, context, clock.now(), {
      entityType: 'locality',
      entityId: row.id,
      localityId: row.id,
      action: 'update',
      before: { name: row.name, kind: row.kind },
      after: { name: next.name, kind: next.kind, ...note },
    });
    return after;
  };

  /** Ends a locality on the day before the date; its land goes to the successors (whole or part). */
  const close = async (
    tx: Executor,
    context: RequestContext,
    row: LocalityRow,
    successors: Array<{ id: string; share: 'whole' | 'part' }>,
    date: string,
    note: Record<string, unknown>,
  ) => {
    const validTo = addDays(date, -1);
    await tx.update(locality).set({ validTo }).where(eq(locality.id, row.id));
    await tx.insert(localitySuccession).values(
      successors.map((successor) => ({
        successorId: successor.id,
        predecessorId: row.id,
        effectiveDate: date,
        share: successor.share,
      })),
    );
    await recordAudit(tx, context, clock.now(), {
      entityType: 'locality',
      entityId: row.id,
      localityId: row.id,
      action: 'update',
      before: { validTo: row.validTo },
      after: { validTo, successors: successors.map((successor) => successor.id), ...note },
    });
  };

  /** The target of a merger or split: an existing locality in force, or a new one of that province. */
  const targetOf = async (
    tx: Executor,
    context: RequestContext,
    target: TChangeTarget,
    parent: string,
    date: string,
    field: string,
  ): Promise<{ row: LocalityRow | null; target: TChangeTarget }> => {
    const existing = await findLocalityByCode(tx, target.code);
    if (target.create) {
      if (existing) {
        const state =
          existing.validTo === null ? 'đang có hiệu lực' : `đơn vị cũ, đến ${formatDateVi(existing.validTo)}`;
        throw new AppError('LOCALITY_CODE_TAKEN', {
          message: `Mã ${target.code} đã là mã của ${existing.kind} ${existing.name} (${state}); đơn vị mới cần một mã khác.`,
          details: [{ field, message: `Mã ${target.code} đã được dùng` }],
        });
      }
      if (!target.name || !target.kind)
        refuse(field, `Đơn vị mới mã ${target.code} cần có tên (name) và loại (kind).`);
      assertKind('commune', target.kind!, field);
      return { row: null, target };
    }
    if (!existing) {
      refuse(
        field,
        `Không có địa phương mã "${target.code}". Để lập đơn vị mới, ghi "create": true kèm tên và loại.`,
      );
    }
    const row = await localityOf(tx, context, target.code, field);
    if (row.parentId !== parent || row.level !== 'commune') {
      refuse(field, `${sentenceLabelOf(row)} không cùng tỉnh, thành phố với đơn vị thay đổi.`);
    }
    await assertOpen(tx, row, date, field);
    if (target.kind) assertKind('commune', target.kind, field);
    return { row, target };
  };

  /** Creates the new target, or renames an existing one when the change gives it a new name or kind. */
  const settleTarget = async (
    tx: Executor,
    context: RequestContext,
    { row, target }: { row: LocalityRow | null; target: TChangeTarget },
    parentId: string,
    date: string,
    note: Record<string, unknown>,
  ): Promise<LocalityRow> => {
    if (!row) {
      const created = await insertLocality(tx, {
        code: target.code,
        name: target.name!,
        level: 'commune',
        kind: target.kind!,
        parentId,
        validFrom: date,
      });
      await recordAudit(tx, context, clock.now(), {
        entityType: 'locality',
        entityId: created.id,
        localityId: created.id,
        action: 'create',
        after: { ...created, ...note },
      });
      return created;
    }
    const name = target.name ?? row.name;
    const kind = target.kind ?? row.kind;
    return name === row.name && kind === row.kind
      ? row
      : rename(tx, context, row, { name, kind }, date, note);
  };

  const applyRename = async (
    tx: Executor,
    context: RequestContext,
    change: Extract<TLocalityChange, { type: 'rename' | 'change-kind' }>,
    note: Record<string, unknown>,
  ): Promise<Omit<TAppliedChange, 'applied'>> => {
    const row = await localityOf(tx, context, change.code, 'code');
    await authorize(tx, context, row);
    await assertOpen(tx, row, change.effectiveDate, 'code');
    const name = change.name ?? row.name;
    const kind = change.type === 'change-kind' ? change.kind : row.kind;
    if (change.type === 'change-kind') {
      assertKind(row.level, kind, 'kind');
      if (kind === row.kind) refuse('kind', `${sentenceLabelOf(row)} đã là ${kind}.`);
    } else if (name === row.name) {
      refuse('name', `${sentenceLabelOf(row)} đã mang tên "${name}".`);
    }
    await rename(tx, context, row, { name, kind }, change.effectiveDate, note);
    const english = row.nameEn
      ? ` Tên tiếng Anh ("${row.nameEn}") giữ nguyên: sửa trong Thiết lập địa phương nếu cần.`
      : '';
    return {
      type: change.type,
      effectiveDate: change.effectiveDate,
      summary: `Từ ${formatDateVi(change.effectiveDate)}, ${row.kind} ${row.name} (mã ${row.code}) là ${kind} ${name}; trước ngày đó vẫn hiện tên cũ.${english}`,
      consequences: [],
    };
  };

  const applyMerge = async (
    tx: Executor,
    context: RequestContext,
    change: Extract<TLocalityChange, { type: 'merge' }>,
    note: Record<string, unknown>,
  ): Promise<Omit<TAppliedChange, 'applied'>> => {
    const date = change.effectiveDate;
    if (new Set(change.from).size !== change.from.length)
      refuse('from', 'Danh sách đơn vị được sáp nhập có mã trùng nhau.');
    if (change.from.includes(change.into.code)) {
      refuse('into', `Mã ${change.into.code} vừa là đơn vị được sáp nhập vừa là đơn vị sau sáp nhập.`);
    }
    const rows: LocalityRow[] = [];
    for (const code of change.from) rows.push(await localityOf(tx, context, code, 'from'));
    const first = rows[0]!;
    for (const row of rows) {
      if (row.level !== 'commune')
        refuse('from', `Chỉ sáp nhập được xã, phường, đặc khu; ${labelOf(row)} không phải cấp xã.`);
      if (row.parentId !== first.parentId) {
        refuse(
          'from',
          `Các đơn vị sáp nhập phải cùng một tỉnh, thành phố: ${labelOf(first)} và ${labelOf(row)} thuộc hai tỉnh khác nhau.`,
        );
      }
    }
    await authorize(tx, context, first);
    for (const row of rows) await assertOpen(tx, row, date, 'from');
    const resolved = await targetOf(tx, context, change.into, first.parentId!, date, 'into');
    if (!resolved.row && rows.length < 2)
      refuse('from', 'Lập đơn vị mới bằng sáp nhập cần ít nhất hai đơn vị.');
    const target = await settleTarget(tx, context, resolved, first.parentId!, date, note);
    const consequences = [];
    for (const row of rows) {
      consequences.push(
        await consequenceOf(tx, row, { code: target.code, name: `${target.kind} ${target.name}` }),
      );
      await close(tx, context, row, [{ id: target.id, share: 'whole' }], date, note);
    }
    return {
      type: 'merge',
      effectiveDate: date,
      summary: `Từ ${formatDateVi(date)}, ${rows.map((row) => `${row.kind} ${row.name}`).join(', ')} sáp nhập vào ${target.kind} ${target.name} (mã ${target.code}${resolved.row ? '' : ', đơn vị mới'}); các đơn vị cũ hết hiệu lực ngày ${formatDateVi(addDays(date, -1))}.`,
      consequences,
    };
  };

  const applySplit = async (
    tx: Executor,
    context: RequestContext,
    change: Extract<TLocalityChange, { type: 'split' }>,
    note: Record<string, unknown>,
  ): Promise<Omit<TAppliedChange, 'applied'>> => {
    const date = change.effectiveDate;
    const row = await localityOf(tx, context, change.code, 'code');
    if (row.level !== 'commune')
      refuse('code', `Chỉ chia tách được xã, phường, đặc khu; ${labelOf(row)} không phải cấp xã.`);
    const codes = change.into.map((target) => target.code);
    if (new Set(codes).size !== codes.length)
      refuse('into', 'Danh sách đơn vị sau chia tách có mã trùng nhau.');
    if (codes.includes(row.code))
      refuse('into', `${sentenceLabelOf(row)} vừa là đơn vị được chia tách vừa là đơn vị sau chia tách.`);
    await authorize(tx, context, row);
    await assertOpen(tx, row, date, 'code');
    const resolved = [];
    for (const target of change.into)
      resolved.push(await targetOf(tx, context, target, row.parentId!, date, 'into'));
    const targets: LocalityRow[] = [];
    for (const target of resolved)
      targets.push(await settleTarget(tx, context, target, row.parentId!, date, note));
    // The plans count once, in the successor the overview takes as primary (docs/locality-history.md).
    const primaryId = primarySuccessorOf(
      targets.map((target) => ({
        predecessor_id: row.id,
        successor_id: target.id,
        share: 'part' as const,
        predecessor_name: row.name,
        predecessor_kind: row.kind,
        successor_name: target.name,
        successor_kind: target.kind,
        successor_code: target.code,
      })),
    );
    const primary = targets.find((target) => target.id === primaryId)!;
    const consequence = await consequenceOf(tx, row, {
      code: primary.code,
      name: `${primary.kind} ${primary.name}`,
    });
    await close(
      tx,
      context,
      row,
      targets.map((target) => ({ id: target.id, share: 'part' as const })),
      date,
      note,
    );
    return {
      type: 'split',
      effectiveDate: date,
      summary: `Từ ${formatDateVi(date)}, ${row.kind} ${row.name} (mã ${row.code}) chia tách vào ${targets.map((target) => `${target.kind} ${target.name}`).join(', ')}; kế hoạch của đơn vị cũ được tính vào ${primary.kind} ${primary.name}.`,
      consequences: [consequence],
    };
  };

  /** The changes applied in order in one transaction; a preview undoes it and answers what it did. */
  const run = (
    context: RequestContext,
    input: TApplyLocalityChangesRequest,
    options: { preview: boolean },
  ): Promise<TApplyLocalityChangesResult> =>
    db.transaction(async (tx) => {
      // Names that came into force since the last background run, so the checks below see today's map.
      await settleScheduledNames(tx, today(), clock.now());
      const changes: TAppliedChange[] = [];
      for (const [index, change] of input.changes.entries()) {
        const fingerprint = changeFingerprint(change);
        const [done] = await tx
          .select({ id: localityChange.id })
          .from(localityChange)
          .where(eq(localityChange.fingerprint, fingerprint));
        if (done) {
          changes.push({
            type: change.type,
            effectiveDate: change.effectiveDate,
            applied: false,
            summary: `Thay đổi thứ ${index + 1} đã được áp dụng trước đây; không ghi lại.`,
            consequences: [],
          });
          continue;
        }
        const note = { change: change.type, effectiveDate: change.effectiveDate, decision: change.decision };
        try {
          const result =
            change.type === 'merge'
              ? await applyMerge(tx, context, change, note)
              : change.type === 'split'
                ? await applySplit(tx, context, change, note)
                : await applyRename(tx, context, change, note);
          await tx.insert(localityChange).values({
            fingerprint,
            type: change.type,
            effectiveDate: change.effectiveDate,
            decision: change.decision,
            payload: canonical(change),
          });
          changes.push({ ...result, applied: true });
        } catch (error) {
          // Which change of the list was refused, for a list of many.
          if (error instanceof AppError && input.changes.length > 1) {
            throw new AppError(error.code, {
              message: `Thay đổi thứ ${index + 1}: ${error.message} Chưa thay đổi nào được ghi.`,
              details: error.details?.map((detail) => ({
                ...detail,
                field: `changes.${index}.${detail.field}`,
              })),
              cause: error,
            });
          }
          throw error;
        }
      }
      if (options.preview) throw new PreviewDone({ changes, preview: true });
      return { changes, preview: false };
    });

  /**
   * Applies the changes in order, in one transaction: all or none. A change already applied (same
   * fingerprint) is skipped, so a re-run of the same file writes nothing.
   *
   * @throws AppError UNKNOWN_LOCALITY (a code not found or out of scope), FORBIDDEN (not an administrator
   *   of the parent), VALIDATION_FAILED (a date not after the locality's start or an earlier change, an
   *   ended locality, localities of different provinces or levels, a kind foreign to the level),
   *   LOCALITY_CODE_TAKEN (a new locality's code already used)
   */
  const apply = (context: RequestContext, input: TApplyLocalityChangesRequest) =>
    run(context, input, { preview: false });

  /**
   * What `apply` would do, with the same checks and refusals, and nothing written: the changes are
   * applied in a transaction that is then undone.
   *
   * @throws AppError as `apply`
   */
  const preview = async (
    context: RequestContext,
    input: TApplyLocalityChangesRequest,
  ): Promise<TApplyLocalityChangesResult> => {
    try {
      return await run(context, input, { preview: true });
    } catch (error) {
      if (error instanceof PreviewDone) return error.result;
      throw error;
    }
  };

  return { apply, preview };
};

export type LocalityChangeService = ReturnType<typeof createLocalityChangeService>;
