/**
 * The national register of administrative units (./register, 34 provinces and 3,321 communes, wards and
 * special zones with their official codes) loaded into the locality tree under the nation "VN".
 *
 * Idempotent and set-based: one upsert statement per level (nation, provinces, communes), keyed on the
 * official code; a row already as the register says is left untouched, so a second run changes
 * nothing. Localities that are not in the register (demo slugs, units created by hand) are left alone.
 * The load is written in the audit trail as one entry with the counts and the codes it changed.
 */
import { readFileSync } from 'node:fs';
import { toSearchText } from '@core/domain/text';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';

const REGISTER_FILE = new URL('./register/vn-localities-2025.json', import.meta.url);

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
  };
};

/** The rows of a raw statement (PGlite and node-postgres both answer `{ rows }`). */
const rowsOf = async <T>(executor: Executor, query: SQL): Promise<T[]> =>
  ((await executor.execute(query)) as unknown as { rows: T[] }).rows;

/** On an existing code, take the register's fields, but only where they differ (no write otherwise). */
const onConflictUpdate = sql`on conflict (code) do update set
  name = excluded.name, name_en = excluded.name_en, level = excluded.level, kind = excluded.kind,
  parent_id = excluded.parent_id, formed_from = excluded.formed_from, search_text = excluded.search_text
  where (locality.name, locality.name_en, locality.level, locality.kind, locality.parent_id,
      locality.formed_from, locality.search_text)
    is distinct from (excluded.name, excluded.name_en, excluded.level, excluded.kind, excluded.parent_id,
      excluded.formed_from, excluded.search_text)`;

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
    insert into locality (code, name, name_en, level, kind, parent_id, formed_from, search_text)
    select r.code, r.name, r.name_en, ${level}, r.kind, parent.id, r.formed_from, r.search_text
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(
      code text, name text, name_en text, kind text, formed_from text, search_text text, parent_code text)
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
  const total = 1 + register.provinces.reduce((sum, province) => sum + 1 + province.communes.length, 0);
  const inserted = nation.inserted.length + provinces.inserted.length + communes.inserted.length;
  const updated = [...nation.updated, ...provinces.updated, ...communes.updated];
  if (inserted > 0 || updated.length > 0) {
    const [root] = await rowsOf<{ id: string }>(
      executor,
      sql`select id from locality where code = ${NATION.code}`,
    );
    await recordAudit(executor, context, clock.now(), {
      entityType: 'locality',
      entityId: root!.id,
      localityId: root!.id,
      action: nation.inserted.length > 0 ? 'create' : 'update',
      after: { register: 'vn-localities-2025', inserted, updated },
    });
    // Fresh statistics for the planner: the locality table just grew by thousands of rows.
    await executor.execute(sql`analyze locality`);
  }
  return { total, inserted, updated, unchanged: total - inserted - updated.length };
};
