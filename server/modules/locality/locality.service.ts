import { vietnamDateOf } from '@core/domain/deadlines';
import { DEFAULT_THRESHOLDS } from '@core/domain/evaluation';
import type {
  TCreateLocalityRequest,
  TListLocalitiesQuery,
  TLocalityLink,
  TUpdateLocalityRequest,
} from '@core/schemas/locality.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityById, findLocalityChain, type LocalityRow } from '../../shared/localities';
import { type FormerName, findFormerNames, findSuccessions } from '../../shared/locality-history';
import { ancestorLocalityIds, readableLocalityIds } from '../auth/scope';
import {
  canCreateLocalityUnder,
  canCreateRootLocality,
  canEditLocality,
  canReadLocality,
} from './locality.policy';
import { insertLocality, listLocalities, updateLocalitySettings } from './locality.repository';

type LocalityServiceDeps = { db: Database; clock: Clock };

/** The level a locality's parent must have, and the refusal when it has another. */
const PARENT_RULE = {
  nation: { level: null, message: 'Cấp quốc gia không thuộc địa phương nào.' },
  province: { level: 'nation', message: 'Tỉnh, thành phố phải thuộc cấp quốc gia.' },
  commune: { level: 'province', message: 'Xã, phường, đặc khu phải thuộc một tỉnh, thành phố.' },
} as const;

export const createLocalityService = ({ db, clock }: LocalityServiceDeps) => {
  /**
   * One page of the localities the actor may see (their subtrees, the former localities whose land is
   * theirs, and the ancestors of their own) in force on a date (default today), optionally the children
   * of one, of one level or kind, or those a search finds; `total` counts only what the actor may see.
   */
  const list = async (context: RequestContext, query: TListLocalitiesQuery) => {
    const readable = await readableLocalityIds(db, context.actor);
    const visibleIds =
      readable === null
        ? null
        : [...new Set([...readable, ...(await ancestorLocalityIds(db, context.actor))])];
    return listLocalities(
      db,
      {
        query: query.q,
        parentId: query.parentId,
        level: query.level,
        kind: query.kind,
        asOf: query.asOf ?? vietnamDateOf(clock.now()),
        visibleIds,
      },
      { limit: query.limit, offset: query.offset },
    );
  };

  /** @throws AppError LOCALITY_NOT_FOUND, also when the locality is outside the actor's scope */
  const get = async (context: RequestContext, id: string): Promise<LocalityRow> => {
    const row = await findLocalityById(db, id);
    if (!row) throw new AppError('LOCALITY_NOT_FOUND');
    const chain = await findLocalityChain(db, id);
    if (!canReadLocality(context.actor, chain, await ancestorLocalityIds(db, context.actor))) {
      throw new AppError('LOCALITY_NOT_FOUND');
    }
    return row;
  };

  /**
   * The locality with its history: the former localities it was formed from and, for a former one,
   * those its land went to, as far as the actor may see them (a link outside their scope is left out).
   *
   * @throws AppError LOCALITY_NOT_FOUND as `get`
   */
  const getWithHistory = async (
    context: RequestContext,
    id: string,
  ): Promise<
    LocalityRow & { predecessors: TLocalityLink[]; successors: TLocalityLink[]; formerNames: FormerName[] }
  > => {
    const row = await get(context, id);
    const { predecessors, successors } = await findSuccessions(db, id);
    const readable = await readableLocalityIds(db, context.actor);
    const visible = (link: TLocalityLink) => readable === null || readable.includes(link.id);
    return {
      ...row,
      predecessors: predecessors.filter(visible),
      successors: successors.filter(visible),
      formerNames: await findFormerNames(db, id),
    };
  };

  /**
   * Creates a locality under its parent.
   *
   * @throws AppError UNKNOWN_LOCALITY when the parent does not exist or is out of scope, FORBIDDEN,
   *   LOCALITY_CODE_TAKEN on a duplicate code
   */
  const create = async (context: RequestContext, input: TCreateLocalityRequest): Promise<LocalityRow> =>
    db.transaction(async (tx) => {
      if (input.parentId) {
        const parentChain = await findLocalityChain(tx, input.parentId);
        if (parentChain.length === 0 || !canReadLocality(context.actor, parentChain, [])) {
          throw new AppError('UNKNOWN_LOCALITY', {
            message: 'Địa phương cấp trên không tồn tại hoặc nằm ngoài phạm vi của bạn.',
            details: [
              { field: 'parentId', message: 'Địa phương cấp trên không tồn tại hoặc ngoài phạm vi của bạn' },
            ],
          });
        }
        if (!canCreateLocalityUnder(context.actor, parentChain)) throw new AppError('FORBIDDEN');
        const parent = await findLocalityById(tx, input.parentId);
        const rule = PARENT_RULE[input.level];
        if (parent && parent.level !== rule.level) {
          const { message } = rule;
          throw new AppError('VALIDATION_FAILED', { message, details: [{ field: 'parentId', message }] });
        }
      } else if (!canCreateRootLocality(context.actor)) {
        throw new AppError('FORBIDDEN');
      }
      try {
        const row = await insertLocality(tx, {
          code: input.code,
          name: input.name,
          level: input.level,
          kind: input.kind,
          parentId: input.parentId ?? null,
          validFrom: input.validFrom ?? null,
        });
        await recordAudit(tx, context, clock.now(), {
          entityType: 'locality',
          entityId: row.id,
          localityId: row.id,
          action: 'create',
          after: row,
        });
        return row;
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('LOCALITY_CODE_TAKEN', { cause: error });
        throw error;
      }
    });

  /**
   * Changes a locality's settings: its English name and the score thresholds of Xanh and Vàng (null:
   * the defaults). Audited with the values before and after.
   *
   * @throws AppError LOCALITY_NOT_FOUND (missing or out of scope), FORBIDDEN (not its administrator),
   *   VALIDATION_FAILED (Vàng's threshold not below Xanh's, counting the stored value of the one not sent)
   */
  const updateSettings = async (
    context: RequestContext,
    id: string,
    input: TUpdateLocalityRequest,
  ): Promise<LocalityRow> =>
    db.transaction(async (tx) => {
      const chain = await findLocalityChain(tx, id);
      const before = await findLocalityById(tx, id);
      if (!before || !canReadLocality(context.actor, chain, await ancestorLocalityIds(tx, context.actor)))
        throw new AppError('LOCALITY_NOT_FOUND');
      if (!canEditLocality(context.actor, chain)) throw new AppError('FORBIDDEN');
      const green =
        (input.scoreGreen === undefined ? before.scoreGreen : input.scoreGreen) ?? DEFAULT_THRESHOLDS.green;
      const yellow =
        (input.scoreYellow === undefined ? before.scoreYellow : input.scoreYellow) ??
        DEFAULT_THRESHOLDS.yellow;
      if (yellow >= green) {
        throw new AppError('VALIDATION_FAILED', {
          message: `Ngưỡng Vàng (${yellow}) phải nhỏ hơn ngưỡng Xanh (${green}).`,
          details: [{ field: 'scoreYellow', message: `Ngưỡng Vàng phải nhỏ hơn ngưỡng Xanh (${green})` }],
        });
      }
      // An English name set here is the administrator's: the register's is no longer loaded over it.
      const nameEnEdited = input.nameEn !== undefined && input.nameEn !== before.nameEn;
      const after = await updateLocalitySettings(tx, id, nameEnEdited ? { ...input, nameEnEdited } : input);
      await recordAudit(tx, context, clock.now(), {
        entityType: 'locality',
        entityId: id,
        localityId: id,
        action: 'update',
        before: { nameEn: before.nameEn, scoreGreen: before.scoreGreen, scoreYellow: before.scoreYellow },
        after: { nameEn: after.nameEn, scoreGreen: after.scoreGreen, scoreYellow: after.scoreYellow },
      });
      return after;
    });

  return { list, get, getWithHistory, create, updateSettings };
};

export type LocalityService = ReturnType<typeof createLocalityService>;
