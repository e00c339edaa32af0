/**
 * The national register of administrative units (./register, 34 provinces and 3,321 communes, wards and
 * special zones with their official codes) loaded into the locality tree under the nation "VN".
 *
 * Idempotent and set-based: one upsert statement per level (nation, provinces, communes), keyed on the
 * official code; a row already as the register says is left untouched, so a second run changes
 * nothing. Localities that are not in the register (demo slugs, units created by hand) are left alone.
 * The load is written in the audit trail as one entry with the counts and the codes it changed.
 *
 * History of 1/7/2025: each commune's `formedFrom` is read (core/domain/formed-from.ts) into the former
 * units merged into it. Each former unit becomes a locality of its own (level commune, under the
 * successor's province, valid until 30/6/2025) with a derived code (`formerUnitCode`), and a
 * `locality_succession` row (effective 1/7/2025, whole or part) ties it to each successor: a unit split
 * between several communes is one locality with several successor rows. A commune formed from former
 * units is valid from 1/7/2025. Also set-based (one statement for the former units, one for the rows).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type FormerUnitShare, formerUnitKey, parseFormedFrom } from '@core/domain/formed-from';
import { foldText, toSearchText } from '@core/domain/text';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';

const REGISTER_FILE = new URL('./register/vn-localities-2025.json', import.meta.url);

/** The day the 2025 commune-level units came into force; the former ones were valid until the day before. */
export const REFORM_DATE = '2025-07-01';
export const FORMER_VALID_TO = '2025-06-30';

/** Kinds of letters marks may sit on in the old and new tone placement ("hoà" and "hòa"). */
const TONE_MARKS = /([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])(?=[\s|)]|$)/gu;

/**
 * A former unit's identity inside its province: kind, name and qualifier in lower case, with the tone
 * mark placed the new way ("Trung Hoà" and "Trung Hòa" are one ward). Diacritics stay: "Phú Đông" and
 * "Phù Đổng" are two communes.
 */
export const formerIdentity = (
  provinceCode: string,
  unit: { kind: string; name: string; qualifier: string | null },
): string =>
  `${provinceCode}|${formerUnitKey(unit).normalize('NFD').replace(TONE_MARKS, '$1$3$2').normalize('NFC')}`;

/**
 * The code of a former unit: the province's code, the unit's kind and name without diacritics, and six
 * hex digits of its identity ("19-xa-dan-tien-3fa2c1"). It holds letters and hyphens, so it never takes
 * an official code (2 or 5 digits), and it is the same on every load (derived from the text only).
 */
export const formerUnitCode = (
  provinceCode: string,
  unit: { kind: string; name: string; qualifier: string | null },
): string => {
  const identity = formerIdentity(provinceCode, unit);
  const slug = foldText(`${unit.kind} ${unit.name}`).replace(/ /g, '-');
  return `${provinceCode}-${slug}-${createHash('sha1').update(identity).digest('hex').slice(0, 6)}`;
};

/** The nation every province hangs under. */
export const NATION = { code: 'VN', name: 'Việt Nam', kind: 'quốc gia' } as const;

const ZRegisterUnit = z.object({
  code: z.string().regex(/^\d{2}(\d{3})?$/),
  name: z.string().min(1),
  nameEn: z.string().nullable(),
  kind: z.enum(['thành phố', 'tỉnh', 'xã', 'phường', 'đặc khu']),
  formedFrom: z.string().nullable(),
});
const ZRegister = z.object({
  provinces: z.array(ZRegisterUnit.extend({ communes: z.array(ZRegisterUnit) })),
});
export type Register = z.infer<typeof ZRegister>;

/** Reads and checks the register shipped with the product. */
export const readRegister = (): Register => ZRegister.parse(JSON.parse(readFileSync(REGISTER_FILE, 'utf8')));

/**
 * The name without the kind the register prints before it ("Phường Thành Đông", phường → "Thành Đông"),
 * as localities are stored (the kind has its own column). A name that does not start with its kind is
 * kept whole.
 */
export const shortNameOf = (name: string, kind: string): string => {
  const prefix = `${kind} `;
  return name.toLocaleLowerCase('vi').startsWith(prefix) ? name.slice(prefix.length).trim() : name;
};

type UpsertRow = {
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  formed_from: string | null;
  search_text: string;
  parent_code: string | null;
  valid_from: string | null;
};

const rowOf = (
  unit: { code: string; name: string; nameEn: string | null; kind: string; formedFrom: string | null },
  parentCode: string | null,
): UpsertRow => {
  const name = shortNameOf(unit.name, unit.kind);
  return {
    code: unit.code,
    name,
    name_en: unit.nameEn,
    kind: unit.kind,
    formed_from: unit.formedFrom,
    search_text: toSearchText(name),
    parent_code: parentCode,
    valid_from:
      unit.kind === 'xã' || unit.kind === 'phường' || unit.kind === 'đặc khu'
        ? formedOnReform(unit.formedFrom)
          ? REFORM_DATE
          : null
        : null,
  };
};

/** The rows of a raw statement (PGlite and node-postgres both answer `{ rows }`). */
const rowsOf = async <T>(executor: Executor, query: SQL): Promise<T[]> =>
  ((await executor.execute(query)) as unknown as { rows: T[] }).rows;

/** Whether the locality was renamed by a dated change (done, or scheduled ahead). */
const RENAMED =
  'exists (select 1 from locality_name n where n.locality_id = locality.id) or exists (select 1 from locality_name_scheduled s where s.locality_id = locality.id)';

/**
 * The stored value for a renamed locality, the register's otherwise (a fixed column name, never input);
 * the English name is also kept when an administrator set it in the settings (`name_en_edited`).
 */
const kept = (column: 'name' | 'name_en' | 'kind' | 'search_text') =>
  sql.raw(
    `case when ${column === 'name_en' ? 'locality.name_en_edited or ' : ''}${RENAMED} then locality.${column} else excluded.${column} end`,
  );

/**
 * On an existing code, take the register's fields, but only where they differ (no write otherwise). The
 * start of validity is only filled in when missing; the name, kind and English name of a locality
 * renamed by a dated change (former names in `locality_name`, or a name scheduled ahead) are kept, and
 * so is an English name edited in the settings: a dated change or an administrator's edit is never undone.
 */
const onConflictUpdate = sql`on conflict (code) do update set
  name = ${kept('name')}, name_en = ${kept('name_en')}, level = excluded.level, kind = ${kept('kind')},
  parent_id = excluded.parent_id, formed_from = excluded.formed_from, search_text = ${kept('search_text')},
  valid_from = coalesce(locality.valid_from, excluded.valid_from)
  where (locality.name, locality.name_en, locality.level, locality.kind, locality.parent_id,
      locality.formed_from, locality.search_text, coalesce(locality.valid_from, excluded.valid_from))
    is distinct from (${kept('name')}, ${kept('name_en')}, excluded.level, ${kept('kind')}, excluded.parent_id,
      excluded.formed_from, ${kept('search_text')}, locality.valid_from)`;

/**
 * Inserts the rows of one level, or updates those whose fields differ from the register (one statement).
 *
 * @returns the codes inserted and the codes updated
 */
const upsertLevel = async (
  executor: Executor,
  level: 'nation' | 'province' | 'commune',
  rows: UpsertRow[],
  options: { keepExisting?: boolean } = {},
): Promise<{ inserted: string[]; updated: string[] }> => {
  if (rows.length === 0) return { inserted: [], updated: [] };
  const result = await rowsOf<{ code: string; inserted: boolean }>(
    executor,
    sql`
    insert into locality (code, name, name_en, level, kind, parent_id, formed_from, search_text, valid_from)
    select r.code, r.name, r.name_en, ${level}, r.kind, parent.id, r.formed_from, r.search_text, r.valid_from
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(
      code text, name text, name_en text, kind text, formed_from text, search_text text, parent_code text,
      valid_from date)
    left join locality parent on parent.code = r.parent_code
    where true
    ${options.keepExisting ? sql`on conflict (code) do nothing` : onConflictUpdate}
    returning code, (xmax = 0) as inserted`,
  );
  const inserted: string[] = [];
  const updated: string[] = [];
  for (const row of result) (row.inserted ? inserted : updated).push(row.code);
  return { inserted, updated };
};

export type RegisterLoadResult = {
  /** Localities in the register (the nation included). */
  total: number;
  inserted: number;
  /** Codes of localities that existed and were changed to what the register says. */
  updated: string[];
  unchanged: number;
  /** The former units of 2025 (localities valid until 30/6/2025) and their succession rows. */
  former: { total: number; inserted: number; successions: number; successionsWritten: number };
};

type FormerRow = {
  code: string;
  name: string;
  kind: string;
  search_text: string;
  province_code: string;
};
type SuccessionRow = { successor_code: string; predecessor_code: string; share: FormerUnitShare };

/**
 * The former units the register's communes were formed from, one per identity in each province, and the
 * succession rows tying them to their successors (a unit printed by two communes: two rows).
 */
export const formerUnitsOf = (register: Register): { units: FormerRow[]; successions: SuccessionRow[] } => {
  const units = new Map<string, FormerRow>();
  const successions = new Map<string, SuccessionRow>();
  for (const province of register.provinces) {
    for (const commune of province.communes) {
      for (const unit of parseFormedFrom(commune.formedFrom).units) {
        const code = formerUnitCode(province.code, unit);
        const name = unit.qualifier ? `${unit.name} (${unit.qualifier})` : unit.name;
        if (!units.has(code)) {
          units.set(code, {
            code,
            name,
            kind: unit.kind,
            search_text: toSearchText(name),
            province_code: province.code,
          });
        }
        const key = `${commune.code}|${code}`;
        const earlier = successions.get(key);
        if (earlier) {
          if (unit.share === 'part') earlier.share = 'part';
        } else {
          successions.set(key, { successor_code: commune.code, predecessor_code: code, share: unit.share });
        }
      }
    }
  }
  return { units: [...units.values()], successions: [...successions.values()] };
};

/** The communes formed from former units on 1/7/2025 (not those "giữ nguyên"): valid from that day. */
const formedOnReform = (formedFrom: string | null): boolean => parseFormedFrom(formedFrom).units.length > 0;

/**
 * Inserts the former units missing (an existing code is left as it is: a later dated change may have
 * touched it) and writes their succession rows (share and date corrected where they differ).
 */
const upsertFormerUnits = async (
  executor: Executor,
  register: Register,
): Promise<RegisterLoadResult['former']> => {
  const { units, successions } = formerUnitsOf(register);
  if (units.length === 0) return { total: 0, inserted: 0, successions: 0, successionsWritten: 0 };
  const inserted = await rowsOf<{ code: string }>(
    executor,
    sql`
    insert into locality (code, name, level, kind, parent_id, valid_to, search_text)
    select r.code, r.name, 'commune', r.kind, province.id, ${FORMER_VALID_TO}::date, r.search_text
    from json_to_recordset(${JSON.stringify(units)}::json) as r(
      code text, name text, kind text, search_text text, province_code text)
    join locality province on province.code = r.province_code
    on conflict (code) do nothing
    returning code`,
  );
  const written = await rowsOf<{ successor_id: string }>(
    executor,
    sql`
    insert into locality_succession (successor_id, predecessor_id, effective_date, share)
    select successor.id, predecessor.id, ${REFORM_DATE}::date, r.share
    from json_to_recordset(${JSON.stringify(successions)}::json) as r(
      successor_code text, predecessor_code text, share text)
    join locality successor on successor.code = r.successor_code
    join locality predecessor on predecessor.code = r.predecessor_code
    on conflict (successor_id, predecessor_id) do update set
      effective_date = excluded.effective_date, share = excluded.share
      where (locality_succession.effective_date, locality_succession.share)
        is distinct from (excluded.effective_date, excluded.share)
    returning successor_id`,
  );
  return {
    total: units.length,
    inserted: inserted.length,
    successions: successions.length,
    successionsWritten: written.length,
  };
};

/**
 * Loads the register into the locality tree: the nation, its 34 provinces and their communes, with
 * official codes, kinds, English names and the units each was formed from. Run it in a transaction
 * (the demo does; the admin command opens one) so a failure leaves nothing half loaded.
 *
 * @param executor - the database or an open transaction
 * @param context - who loads it, for the audit trail
 * @param register - the register (default: the one shipped with the product)
 */
export const loadRegister = async (
  executor: Executor,
  clock: Clock,
  context: RequestContext,
  register: Register = readRegister(),
): Promise<RegisterLoadResult> => {
  // The nation is not in the register: created when missing, otherwise left as the installation named it.
  const nation = await upsertLevel(
    executor,
    'nation',
    [rowOf({ ...NATION, nameEn: null, formedFrom: null }, null)],
    {
      keepExisting: true,
    },
  );
  const provinces = await upsertLevel(
    executor,
    'province',
    register.provinces.map((province) => rowOf(province, NATION.code)),
  );
  const communes = await upsertLevel(
    executor,
    'commune',
    register.provinces.flatMap((province) =>
      province.communes.map((commune) => rowOf(commune, province.code)),
    ),
  );
  const former = await upsertFormerUnits(executor, register);
  const total = 1 + register.provinces.reduce((sum, province) => sum + 1 + province.communes.length, 0);
  const inserted = nation.inserted.length + provinces.inserted.length + communes.inserted.length;
  const updated = [...nation.updated, ...provinces.updated, ...communes.updated];
  if (inserted > 0 || updated.length > 0 || former.inserted > 0 || former.successionsWritten > 0) {
    const [root] = await rowsOf<{ id: string }>(
      executor,
      sql`select id from locality where code = ${NATION.code}`,
    );
    await recordAudit(executor, context, clock.now(), {
      entityType: 'locality',
      entityId: root!.id,
      localityId: root!.id,
      action: nation.inserted.length > 0 ? 'create' : 'update',
      after: {
        register: 'vn-localities-2025',
        inserted,
        updated,
        formerInserted: former.inserted,
        successionsWritten: former.successionsWritten,
      },
    });
    // Fresh statistics for the planner: the locality table just grew by thousands of rows.
    await executor.execute(sql`analyze locality, locality_succession`);
  }
  return { total, inserted, updated, unchanged: total - inserted - updated.length, former };
};
