/**
 * The package's checks on their own: a package read back as built; a byte changed anywhere in any file,
 * a file missing or added, a manifest or figures.json of another schema, or files that disagree, are
 * each refused with a Vietnamese message naming the file.
 */
import {
  SUBMISSION_FIGURES_SCHEMA,
  SUBMISSION_SCHEMA_VERSION,
  type TSubmissionFigures,
} from '@core/schemas/exchange.schemas';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import {
  buildSubmissionPackage,
  checksumOf,
  FIGURES_FILE,
  MANIFEST_FILE,
  readSubmissionPackage,
  sha256,
} from './submission-package';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

const FIGURES: TSubmissionFigures = {
  schema: SUBMISSION_FIGURES_SCHEMA,
  schemaVersion: SUBMISSION_SCHEMA_VERSION,
  catalogVersion: '2026.1',
  locality: {
    code: '05755',
    name: 'Dân Tiến',
    kind: 'xã',
    level: 'commune',
    parentCode: '19',
    parentName: 'Thái Nguyên',
  },
  plan: {
    id: '8a6f1f3e-2b1c-4d5e-9f00-112233445566',
    number: '54/KH-UBND',
    title: 'Kế hoạch thử',
    issuedDate: null,
  },
  period: {
    key: '2026',
    dhis2: '2026',
    label: 'Năm 2026',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    dataFrom: '2025-12-15',
    dataTo: '2026-12-14',
    dueDate: '2026-12-20',
  },
  approval: { version: 1, approvedAt: '2026-11-25T08:00:00.000Z', approvedOn: '2026-11-25', frozen: true },
  score: 72.5,
  colour: 'yellow',
  indicators: [
    {
      code: 'CDS-01',
      catalogMapped: true,
      catalogCode: 'CDS-01',
      planCode: 'I.1',
      name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
      unit: '%',
      groupName: null,
      target: '≥ 80%',
      expected: 70,
      value: 75.5,
      assessment: null,
      status: 'on_track',
    },
  ],
  indicatorCounts: { ...zeros(['achieved', 'at_risk', 'behind', 'no_data', 'needs_judgement']), on_track: 1 },
  tasks: {
    total: 0,
    counts: zeros([
      'done_on_time',
      'done_late',
      'in_progress_on_time',
      'in_progress_late',
      'not_started',
      'recurring_reported',
      'recurring_missing',
    ]),
    completion: null,
  },
  timeliness: { units: 0, counts: zeros(['on_time', 'late', 'missing', 'not_due']) },
};

const build = () =>
  buildSubmissionPackage({
    files: [
      { path: 'bao-cao-tong-hop.docx', bytes: Buffer.from('PK word bytes'), contentType: 'application/x' },
      { path: 'chi-tieu.xlsx', bytes: Buffer.from('PK sheet bytes'), contentType: 'application/y' },
    ],
    figures: FIGURES,
    missing: [{ path: 'bao-cao-tong-hop.pdf', reason: 'Chưa cài LibreOffice' }],
    generatedAt: '2026-11-25T08:00:00.000Z',
    generator: 'Lộ trình',
  });

const refusal = (bytes: Buffer): AppError => {
  try {
    readSubmissionPackage(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the package was accepted');
};

const rezip = (entries: Record<string, Uint8Array>) => Buffer.from(zipSync(entries));

describe('submission package', () => {
  it('should read back what it built, with a SHA-256 per file and the checksum of the whole', () => {
    const { bytes, manifest } = build();
    const read = readSubmissionPackage(bytes);
    expect(read.figures).toEqual(FIGURES);
    expect(read.manifest).toEqual(manifest);
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries).sort()).toEqual(
      ['bao-cao-tong-hop.docx', 'chi-tieu.xlsx', FIGURES_FILE, MANIFEST_FILE].sort(),
    );
    for (const file of manifest.files) expect(sha256(entries[file.path]!)).toBe(file.sha256);
    expect(manifest.checksum).toBe(checksumOf(manifest.files));
    expect(read.figuresSha256).toBe(sha256(entries[FIGURES_FILE]!));
  });

  it('should refuse a package with one byte changed anywhere in any listed file, naming the file', () => {
    const entries = unzipSync(new Uint8Array(build().bytes));
    for (const path of Object.keys(entries).filter((name) => name !== MANIFEST_FILE)) {
      const content = entries[path]!;
      for (const at of [0, Math.floor(content.length / 2), content.length - 1]) {
        const changed = new Uint8Array(content);
        changed[at] = changed[at]! ^ 0x01;
        const error = refusal(rezip({ ...entries, [path]: changed }));
        expect(error.status).toBe(422);
        expect(error.message).toContain(path);
        expect(error.message).toContain('SHA-256');
        expect(error.message.normalize('NFC')).toBe(error.message);
      }
    }
  });

  it('should refuse a missing file, a file the manifest does not list, and a missing manifest', () => {
    const entries = unzipSync(new Uint8Array(build().bytes));
    const { 'chi-tieu.xlsx': _sheet, ...withoutSheet } = entries;
    expect(refusal(rezip(withoutSheet)).message).toContain('thiếu tệp chi-tieu.xlsx');
    expect(refusal(rezip({ ...entries, 'them.txt': strToU8('x') })).message).toContain('them.txt');
    const { [MANIFEST_FILE]: _manifest, ...withoutManifest } = entries;
    expect(refusal(rezip(withoutManifest)).message).toContain(`thiếu tệp ${MANIFEST_FILE}`);
  });

  it('should refuse an altered checksum of the whole, and a manifest of another schema version', () => {
    const entries = unzipSync(new Uint8Array(build().bytes));
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_FILE]!));
    const withChecksum = { ...manifest, checksum: sha256('autre') };
    expect(
      refusal(rezip({ ...entries, [MANIFEST_FILE]: strToU8(JSON.stringify(withChecksum)) })).message,
    ).toContain('checksum');
    const later = { ...manifest, schemaVersion: 2 };
    const error = refusal(rezip({ ...entries, [MANIFEST_FILE]: strToU8(JSON.stringify(later)) }));
    expect(error.message).toContain('lược đồ');
    expect(error.message).toContain('schemaVersion');
  });

  it('should refuse figures.json rewritten with a matching manifest when it breaks the schema', () => {
    const entries = unzipSync(new Uint8Array(build().bytes));
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_FILE]!));
    const broken = strToU8(
      JSON.stringify({ ...FIGURES, indicators: [{ ...FIGURES.indicators[0], status: 'good' }] }),
    );
    const files = manifest.files.map((file: { path: string }) =>
      file.path === FIGURES_FILE ? { ...file, sha256: sha256(broken), bytes: broken.length } : file,
    );
    const rebuilt = { ...manifest, files, checksum: checksumOf(files) };
    const error = refusal(
      rezip({ ...entries, [FIGURES_FILE]: broken, [MANIFEST_FILE]: strToU8(JSON.stringify(rebuilt)) }),
    );
    expect(error.message).toContain('figures.json');
    expect(error.details?.[0]?.field).toContain('indicators.0.status');
  });

  it('should refuse a text the database cannot store (NUL, broken Unicode), naming the field', () => {
    const entries = unzipSync(new Uint8Array(build().bytes));
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_FILE]!));
    for (const bad of ['Dân\\u0000Tiến', 'Dân \\ud800 Tiến']) {
      const text = JSON.stringify({ ...FIGURES, plan: { ...FIGURES.plan, title: 'x' } }).replace(
        '"title":"x"',
        `"title":"${bad}"`,
      );
      const broken = strToU8(text);
      const files = manifest.files.map((file: { path: string }) =>
        file.path === FIGURES_FILE ? { ...file, sha256: sha256(broken), bytes: broken.length } : file,
      );
      const rebuilt = { ...manifest, files, checksum: checksumOf(files) };
      const error = refusal(
        rezip({ ...entries, [FIGURES_FILE]: broken, [MANIFEST_FILE]: strToU8(JSON.stringify(rebuilt)) }),
      );
      expect(error.status).toBe(422);
      expect(error.message).toContain('plan.title');
    }
  });

  it('should refuse bytes that are not a ZIP', () => {
    expect(refusal(Buffer.from('%PDF-1.4 not a zip')).message).toContain('.zip');
    expect(refusal(Buffer.alloc(0)).status).toBe(422);
  });
});

describe('submission package (generated figures)', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 60 });
  const indicator = fc.record({
    code: fc.string({ minLength: 1, maxLength: 30 }),
    catalogMapped: fc.boolean(),
    catalogCode: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    planCode: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
    name: text,
    unit: fc.option(text, { nil: null }),
    groupName: fc.option(text, { nil: null }),
    target: fc.option(text, { nil: null }),
    expected: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
    value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
    assessment: fc.constantFrom('achieved' as const, 'not_achieved' as const, null),
    status: fc.constantFrom(
      ...(['achieved', 'on_track', 'at_risk', 'behind', 'no_data', 'needs_judgement'] as const),
    ),
  });
  const figures = fc
    .record({ indicators: fc.array(indicator, { maxLength: 40 }), name: text, planTitle: text })
    .map(
      ({ indicators, name, planTitle }): TSubmissionFigures => ({
        ...FIGURES,
        locality: { ...FIGURES.locality, name },
        plan: { ...FIGURES.plan, title: planTitle },
        // JSON has no -0: the figures travel as the numbers JSON can write.
        indicators: indicators.map((row) => ({
          ...row,
          expected: row.expected === 0 ? 0 : row.expected,
          value: row.value === 0 ? 0 : row.value,
        })),
      }),
    );

  it('should read back any figures exactly, and refuse any single changed byte of figures.json', () => {
    fc.assert(
      fc.property(figures, fc.nat(), fc.integer({ min: 1, max: 255 }), (input, at, mask) => {
        const { bytes } = buildSubmissionPackage({
          files: [{ path: 'chi-tieu.xlsx', bytes: Buffer.from('sheet'), contentType: 'application/y' }],
          figures: input,
          missing: [],
          generatedAt: '2026-11-25T08:00:00.000Z',
          generator: 'Lộ trình',
        });
        expect(readSubmissionPackage(bytes).figures).toEqual(input);
        const entries = unzipSync(new Uint8Array(bytes));
        const changed = new Uint8Array(entries[FIGURES_FILE]!);
        const index = at % changed.length;
        changed[index] = changed[index]! ^ mask;
        expect(refusal(rezip({ ...entries, [FIGURES_FILE]: changed })).message).toContain(FIGURES_FILE);
      }),
      { numRuns: 60 },
    );
  });
});
