/**
 * Seeded request generation for the fuzz test (server/http/fuzz.test.ts): values drawn from the JSON
 * Schema the OpenAPI document publishes, plus the mutations that once answered 500 (NUL, lone
 * surrogates, integers beyond int4, floats where integers go, wrong types, empty objects, very long
 * strings, extra fields). Deterministic: the same seed gives the same requests.
 */

/** JSON Schema as @fastify/swagger writes it (OpenAPI 3.0: `nullable`, no $ref in this app). */
export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** mulberry32: a small, fast, seeded PRNG. */
export const createRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => next() < p;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16));
    hex[12] = '4';
    hex[16] = pick(['8', '9', 'a', 'b']);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { next, int, pick, chance, uuid };
};
export type Random = ReturnType<typeof createRandom>;

/** Values that broke, or could break, something below the schemas. */
export const MUTANTS: readonly unknown[] = [
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDC00y',
  '\uDBFF',
  '',
  '   ',
  'x'.repeat(10_001),
  'ế'.repeat(2_100),
  "'; drop table plan; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '2026-02-30',
  '9999-12-31',
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 63,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  true,
  false,
  null,
  [],
  {},
  [null],
  { nested: { deeper: ['\u0000'] } },
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const SAMPLE_TEXTS = ['Phòng Văn hóa – Xã hội', 'Tỷ lệ phủ sóng 5G', 'UBND xã', 'Ghi chú 🚀', 'a', 'I.1'];

/** Known-good texts for the patterns the app's schemas use. */
const PATTERN_SAMPLES: Array<[RegExp, string[]]> = [
  [/0\[1-9\]\|1\[0-2\]/, ['11-30', '01-15', '13-01', '02-30']],
  [/A-Z0-9_\./, ['INTERNET_5G', 'A.1', 'KHONG_CO']],
];

/** Field names whose plain-string schema is really a calendar date (zIsoDate publishes no format). */
const DATE_FIELD = /date|^from$|^to$|^due|dataFrom|dataTo|completedOn|validFrom/i;

/** Existing ids by kind, so requests reach the services and the database. */
export type IdPools = Record<string, readonly string[]>;

/** The kind of id a field or path parameter names: `leadUnitId` → unit, `/plans/{id}` → plan. */
export const idKindOf = (name: string, path = ''): string => {
  if (name !== 'id') {
    if (/parent/i.test(name)) return 'locality';
    if (/standingAgency|unit/i.test(name)) return 'unit';
    if (/actor|user/i.test(name)) return 'user';
    if (/plan/i.test(name)) return 'plan';
    if (/indicator/i.test(name)) return 'indicator';
    if (/task/i.test(name)) return 'task';
    if (/period/i.test(name)) return 'period';
    if (/locality/i.test(name)) return 'locality';
    return 'any';
  }
  const segment = /\/api\/v1\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '';
  const kinds: Record<string, string> = {
    plans: 'plan',
    units: 'unit',
    localities: 'locality',
    indicators: 'indicator',
    tasks: 'task',
    'reporting-periods': 'period',
    'unit-reports': 'report',
    users: 'user',
  };
  return kinds[segment] ?? 'any';
};

const pickId = (pools: IdPools, kind: string, random: Random): string => {
  const pool = pools[kind]?.length ? pools[kind] : pools.any;
  return pool?.length ? random.pick(pool) : random.uuid();
};

export type GenerateOptions = {
  random: Random;
  ids: IdPools;
  /** Probability of replacing a value by a mutant. */
  mutation: number;
  depth?: number;
};

const isoDate = (random: Random) =>
  `${2000 + random.int(101)}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;

const generateString = (schema: JsonSchema, name: string, options: GenerateOptions): string => {
  const { random } = options;
  if (schema.format === 'uuid')
    return random.chance(0.85) ? pickId(options.ids, idKindOf(name), random) : random.uuid();
  if (schema.pattern) {
    const samples = PATTERN_SAMPLES.find(([test]) => test.test(schema.pattern ?? ''))?.[1];
    if (samples) return random.pick(samples);
  }
  if (DATE_FIELD.test(name)) return isoDate(random);
  const text = random.pick(SAMPLE_TEXTS);
  return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
};

/**
 * A value for a schema: usually valid-looking, sometimes (per `mutation`) a mutant in its place, an
 * extra field, or a missing required one.
 */
export const generate = (schema: JsonSchema, name: string, options: GenerateOptions): unknown => {
  const { random } = options;
  const depth = options.depth ?? 0;
  if (random.chance(options.mutation)) return random.pick(MUTANTS);
  if (schema.nullable && random.chance(0.1)) return null;
  const inner = { ...options, depth: depth + 1 };
  if (schema.enum) return random.pick(schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return generate(random.pick(union), name, options);
  switch (schema.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const keep = required.has(key) ? !random.chance(options.mutation / 2) : random.chance(0.6);
        if (keep && depth < 6) result[key] = generate(property, key, inner);
      }
      if (typeof schema.additionalProperties === 'object' && depth < 6) {
        for (let index = random.int(3); index > 0; index--) {
          result[random.pick(SAMPLE_TEXTS)] = generate(schema.additionalProperties, name, inner);
        }
      }
      if (random.chance(options.mutation))
        result[random.pick(['extra', '__proto__x', 'id', 'constructor'])] = random.pick(MUTANTS);
      return result;
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      const length = depth < 4 ? min + random.int(3) : min;
      return Array.from({ length }, () => generate(schema.items ?? {}, name, inner));
    }
    case 'string':
      return generateString(schema, name, options);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (name.toLowerCase().includes('year') ? 2000 : 0);
      const max = schema.maximum ?? (name.toLowerCase().includes('year') ? 2100 : 1000);
      const value = min + random.next() * Math.min(max - min, 10_000);
      return schema.type === 'integer' ? Math.floor(value) : Math.round(value * 100) / 100;
    }
    case 'boolean':
      return random.chance(0.5);
    default:
      return random.pick(MUTANTS);
  }
};

/** A query-string or path value as URL text: mutants that cannot be %-encoded are sent as raw escapes. */
export const encodeValue = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate has no UTF-8 form: send the bytes a careless client would (CESU-8).
    return '%ED%A0%80';
  }
};

/** Path parameters that are not ids, by name, with invalid forms. */
export const pathValues = (name: string, path: string, ids: IdPools, random: Random): string => {
  if (name === 'year')
    return random.pick(['2026', '2025', '1999', '2101', '2147483648', '-1', '1.5', 'abc', '1e3']);
  if (name === 'code') return random.pick(['INTERNET_5G', 'A.1', 'a', '%00', 'X'.repeat(101)]);
  const roll = random.next();
  if (roll < 0.6) return pickId(ids, idKindOf(name, path), random);
  if (roll < 0.7) return random.uuid();
  return random.pick([
    'abc',
    '0',
    '-1',
    '99999999999999999999',
    '%00',
    '%ED%A0%80',
    '%E0%A4%A',
    '%25',
    'x'.repeat(150),
    `${random.uuid()}%00`,
    '00000000-0000-0000-0000-000000000000',
    'null',
    '%20',
  ]);
};

const STRING_MUTANTS = MUTANTS.filter((value) => typeof value === 'string');
const NUMBER_MUTANTS = MUTANTS.filter((value) => typeof value === 'number');

/** Every place in a JSON value: the root, each property and each array item. */
const placesOf = (value: unknown, path: Array<string | number> = []): Array<Array<string | number>> => {
  const places = [path];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) places.push(...placesOf(item, [...path, index]));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) places.push(...placesOf(item, [...path, key]));
  }
  return places;
};

/**
 * One mutation in an otherwise valid-looking value, so that it passes every other check and reaches
 * what lies behind the schema: a mutant in place of one value (a text gets a text mutant, a NUL or a
 * lone surrogate, most of the time; a number a number mutant), a property removed, or one added.
 */
export const mutateOnce = (value: unknown, random: Random): unknown => {
  const copy = structuredClone(value);
  const path = random.pick(placesOf(copy));
  if (path.length === 0) return random.chance(0.5) ? random.pick(MUTANTS) : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const current = parent[last];
  const roll = random.next();
  if (roll < 0.1 && !Array.isArray(parent)) delete parent[last];
  else if (roll < 0.2 && !Array.isArray(parent)) parent[`${String(last)}Extra`] = random.pick(MUTANTS);
  else if (typeof current === 'string' && random.chance(0.8)) {
    const mutant = random.pick(STRING_MUTANTS) as string;
    parent[last] = random.chance(0.5) ? `${current}${mutant}` : mutant;
  } else if (typeof current === 'number' && random.chance(0.8)) parent[last] = random.pick(NUMBER_MUTANTS);
  else parent[last] = random.pick(MUTANTS);
  return copy;
};
