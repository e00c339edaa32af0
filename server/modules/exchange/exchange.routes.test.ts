/**
 * The round trip of the exchange with the levels above: commune instance A (its own database, demo
 * data) approves its consolidated report and produces the submission package and the DHIS2 file;
 * province instance B (a second app on a second database) imports the package twice — the second time
 * nothing changes and it says so — and lists the figures; a tampered package is refused with a
 * Vietnamese message. Packages are signed with A's Ed25519 key: B accepts them only once its province
 * administrator registered A's public key for the commune; unsigned, re-signed with another key, signed
 * for another commune, or altered after signing, they are refused and the refusal audited. Also who may download (the commune and the province above it, not another
 * locality) and who may import (the commune's province, not another province nor the commune itself).
 */

import { generateKeyPairSync } from 'node:crypto';
import { CATALOG_VERSION } from '@core/catalog/standard-catalog';
import type { TSubmissionFigures } from '@core/schemas/exchange.schemas';
import { and, eq, ne } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceSigningKey, locality } from '../../db/schema';
import { SUBMISSION_HEADER_ROW, SUBMISSION_SHEET } from '../../documents/export/excel-submission';
import type { PdfConverter } from '../../documents/export/pdf-converter';
import { AppError } from '../../errors';
import { localityIdByCode } from '../../test/factories';
import {
  buildTestApp,
  type Client,
  FAKE_PDF_CONVERTER,
  fixedClock,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app';
import { type Role, systemActor } from '../auth/access';
import { createUserService } from '../user/user.service';
import { fingerprintOf, signManifest } from './package-signature';
import { checksumOf, FIGURES_FILE, MANIFEST_FILE, SIGNATURE_FILE, sha256 } from './submission-package';

const DAN_TIEN = '05755';
const THAI_NGUYEN = '19';
const HAI_PHONG = '31';

const NO_PDF: PdfConverter = {
  isAvailable: async () => false,
  docxToPdf: async () => {
    throw new AppError('PDF_UNAVAILABLE');
  },
  close: async () => undefined,
};

type Indicator = { id: string; code: string | null; name: string; catalogCode: string | null };

const addUser = async (t: TestApp, username: string, role: Role, localityCode: string) => {
  const localityId = await localityIdByCode(t, localityCode);
  await createUserService({ db: t.handle.db, clock: fixedClock }).create(
    { actor: systemActor('test setup'), ip: null, userAgent: null },
    {
      username,
      displayName: `Người dùng ${username}`,
      password: TEST_PASSWORD,
      roles: [{ role, localityId }],
    },
    { mustChangePassword: false },
  );
  return { client: await t.signIn(username), localityId };
};

const upload = (t: TestApp, client: Client, bytes: Buffer, fileName = 'goi.zip') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/submission-packages',
    payload: bytes,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': fileName, ...client.headers },
    cookies: client.cookies,
  });

const download = (t: TestApp, client: Client, url: string) =>
  t.app.inject({ method: 'GET', url, cookies: client.cookies });

type Entries = Record<string, Uint8Array>;

/** The package with figures.json changed, its manifest rebuilt to match, and signature.json as given. */
const rebuilt = (
  entries: Entries,
  change: (figures: TSubmissionFigures) => void,
  sign: ((manifest: Uint8Array) => object) | 'keep' | 'drop',
): Buffer => {
  const figures = JSON.parse(strFromU8(entries[FIGURES_FILE]!));
  change(figures);
  const changed = strToU8(`${JSON.stringify(figures, null, 2)}\n`);
  const manifest = JSON.parse(strFromU8(entries[MANIFEST_FILE]!));
  manifest.catalogVersion = figures.catalogVersion;
  manifest.reportVersion = figures.approval.version;
  manifest.files = manifest.files.map((file: { path: string }) =>
    file.path === FIGURES_FILE ? { ...file, sha256: sha256(changed), bytes: changed.length } : file,
  );
  manifest.checksum = checksumOf(manifest.files);
  const manifestBytes = strToU8(JSON.stringify(manifest));
  const out: Entries = { ...entries, [FIGURES_FILE]: changed, [MANIFEST_FILE]: manifestBytes };
  if (sign === 'drop') delete out[SIGNATURE_FILE];
  else if (sign !== 'keep') out[SIGNATURE_FILE] = strToU8(JSON.stringify(sign(manifestBytes)));
  return Buffer.from(zipSync(out));
};

/** Signs as instance A does, with A's private key read from A's database (what only A's server can do). */
const signerOf = async (t: TestApp) => {
  const [key] = await t.handle.db.select().from(instanceSigningKey);
  return (manifest: Uint8Array) => signManifest(manifest, key!);
};

describe('exchange with the levels above (instance A → instance B)', () => {
  let a: TestApp;
  let b: TestApp;
  let standing: Client;
  let periodId: string;
  let planId: string;
  let indicators: Indicator[];
  let dashboardValues: Map<string, number | null>;
  let unmapped: Indicator;
  let packageBytes: Buffer;
  const packageUrl = () => `/api/v1/reporting-periods/${periodId}/consolidated-report/submission-package.zip`;
  const dhis2Url = () => `/api/v1/reporting-periods/${periodId}/consolidated-report/dhis2.json`;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      buildTestApp({ demo: true, pdf: FAKE_PDF_CONVERTER }),
      // The province's server has no LibreOffice: its own packages say the PDF is missing, and why.
      buildTestApp({ demo: true, pdf: NO_PDF }),
    ]);
    standing = await a.signIn('dantien.vhxh');
    const plans = (await a.call('GET', '/api/v1/plans')).body.data as Array<{
      id: string;
      localityName: string;
    }>;
    planId = plans.find((row) => row.localityName === 'Dân Tiến')!.id;
    indicators = (await a.call('GET', `/api/v1/plans/${planId}`)).body.data.indicators;
    // One indicator mapped to no catalog code: it travels under the plan's own code, marked so.
    unmapped = indicators.find((row) => row.catalogCode && row.code)!;
    const patched = await standing.call('PATCH', `/api/v1/indicators/${unmapped.id}`, { catalogCode: null });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    indicators = (await a.call('GET', `/api/v1/plans/${planId}`)).body.data.indicators;
    const dashboard = (await standing.call('GET', `/api/v1/plans/${planId}/dashboard`)).body.data;
    periodId = dashboard.period.id;
    dashboardValues = new Map(
      (dashboard.indicators as Array<{ id: string; value: number | null }>).map((row) => [row.id, row.value]),
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('should refuse a package while the report is not approved, in Vietnamese', async () => {
    const response = await download(a, standing, packageUrl());
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('chưa được lãnh đạo phê duyệt');
  });

  it('should pack the approved report: DOCX, PDF, the catalog sheet, figures.json and a manifest that checks', async () => {
    const saved = await standing.call('PUT', `/api/v1/reporting-periods/${periodId}/consolidated-report`, {
      revision: 0,
      narrative: 'Đánh giá chung của xã',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/send`, {
      revision: saved.body.data.revision,
    });
    const leader = await a.signIn('dantien.lanhdao');
    const approved = await leader.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/approve`, {
      revision: sent.body.data.revision,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const response = await download(a, standing, packageUrl());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(String(response.headers['content-disposition'])).toContain(`goi-bao-cao-${DAN_TIEN}-`);
    packageBytes = response.rawPayload;
    const entries = unzipSync(new Uint8Array(packageBytes));
    expect(Object.keys(entries).sort()).toEqual(
      [
        'bao-cao-tong-hop.docx',
        'bao-cao-tong-hop.pdf',
        'chi-tieu.xlsx',
        FIGURES_FILE,
        MANIFEST_FILE,
        SIGNATURE_FILE,
      ].sort(),
    );
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_FILE]!));
    expect(manifest.files.map((file: { path: string }) => file.path).sort()).toEqual(
      Object.keys(entries)
        .filter((path) => path !== MANIFEST_FILE && path !== SIGNATURE_FILE)
        .sort(),
    );
    for (const file of manifest.files) expect(sha256(entries[file.path]!), file.path).toBe(file.sha256);
    expect(manifest.checksum).toBe(checksumOf(manifest.files));
    expect(manifest.missing).toEqual([]);

    const figures = JSON.parse(strFromU8(entries[FIGURES_FILE]!));
    expect(figures).toMatchObject({
      schemaVersion: 1,
      catalogVersion: CATALOG_VERSION,
      locality: { code: DAN_TIEN, name: 'Dân Tiến', level: 'commune', parentCode: THAI_NGUYEN },
      plan: { id: planId },
      period: { dhis2: expect.stringMatching(/^\d{4}/) },
      approval: { version: 1, approvedOn: '2026-11-25', frozen: true },
    });
    expect(figures.indicators).toHaveLength(indicators.length);
    for (const indicator of indicators) {
      const row = figures.indicators.find(
        (item: { planCode: string | null; name: string }) =>
          item.planCode === indicator.code && item.name === indicator.name,
      );
      expect(row, indicator.name).toBeDefined();
      expect(row.catalogMapped).toBe(indicator.catalogCode != null);
      expect(row.code).toBe(indicator.catalogCode ?? indicator.code);
      expect(row.value).toBe(dashboardValues.get(indicator.id) ?? null);
    }
    expect(figures.indicators.some((row: { value: number | null }) => row.value != null)).toBe(true);
    expect(
      figures.indicators.find((row: { planCode: string }) => row.planCode === unmapped.code),
    ).toMatchObject({
      code: unmapped.code,
      catalogMapped: false,
      catalogCode: null,
    });

    // The approved report as a real Word file, and the sheet in the catalog's layout.
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(entries['bao-cao-tong-hop.docx']!) }))
      .value;
    expect(text).toContain('Đánh giá chung của xã');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(entries['chi-tieu.xlsx']!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SUBMISSION_SHEET)!;
    expect(sheet.getRow(SUBMISSION_HEADER_ROW).getCell(1).value).toBe('Mã chỉ tiêu');
    const codes = figures.indicators.map((row: { code: string }) => row.code);
    const sheetCodes = Array.from(
      { length: sheet.rowCount - SUBMISSION_HEADER_ROW },
      (_, index) => sheet.getRow(SUBMISSION_HEADER_ROW + 1 + index).getCell(1).value,
    );
    expect(sheetCodes).toEqual(codes);
    expect(String(sheet.getCell('A1').value)).toContain(DAN_TIEN);
  });

  it('should give the figures as DHIS2 dataValueSets: catalog codes, the official code, DHIS2 periods', async () => {
    const response = await download(a, standing, dhis2Url());
    expect(response.statusCode, response.body).toBe(200);
    const set = JSON.parse(response.body);
    const figures = JSON.parse(strFromU8(unzipSync(new Uint8Array(packageBytes))[FIGURES_FILE]!));
    expect(set.period).toBe(figures.period.dhis2);
    const withValue = figures.indicators.filter((row: { value: number | null }) => row.value != null);
    expect(set.dataValues).toHaveLength(withValue.length);
    for (const [index, row] of withValue.entries()) {
      expect(set.dataValues[index]).toMatchObject({
        dataElement: row.code,
        orgUnit: DAN_TIEN,
        period: figures.period.dhis2,
        value: String(row.value),
      });
      expect(typeof set.dataValues[index].value).toBe('string');
    }
  });

  it('should let the province above download, and refuse another locality as if the report did not exist', async () => {
    const { client: province } = await addUser(a, 'thainguyen.vp', 'inspector', THAI_NGUYEN);
    expect((await download(a, province, packageUrl())).statusCode).toBe(200);
    for (const username of ['thanhdong.lanhdao', 'haiphong.admin']) {
      const other = await a.signIn(username);
      for (const url of [packageUrl(), dhis2Url()]) {
        const response = await download(a, other, url);
        expect(response.statusCode, `${username} ${url}`).toBe(404);
      }
    }
    expect((await download(a, a.anonymous, packageUrl())).statusCode).toBe(401);
  });

  it("should show A's public key and fingerprint, never its private key, and sign the package with it", async () => {
    const response = await standing.call('GET', '/api/v1/instance/signing-key');
    expect(response.status).toBe(200);
    const key = response.body.data;
    expect(key).toMatchObject({ algorithm: 'Ed25519', fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(key.publicKey).toContain('-----BEGIN PUBLIC KEY-----');
    expect(JSON.stringify(response.body)).not.toMatch(/PRIVATE/);
    expect(Object.keys(key).sort()).toEqual(['algorithm', 'createdAt', 'fingerprint', 'publicKey']);
    const entries = unzipSync(new Uint8Array(packageBytes));
    const signature = JSON.parse(strFromU8(entries[SIGNATURE_FILE]!));
    expect(signature).toMatchObject({
      schema: 'lotrinh.submission-signature',
      algorithm: 'Ed25519',
      keyFingerprint: key.fingerprint,
      signedFile: MANIFEST_FILE,
    });
    // signature.json signs the manifest; it is not listed in it.
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_FILE]!));
    expect(manifest.files.map((file: { path: string }) => file.path)).not.toContain(SIGNATURE_FILE);
    // The same key every time: made once, kept.
    expect((await standing.call('GET', '/api/v1/instance/signing-key')).body.data.fingerprint).toBe(
      key.fingerprint,
    );
    expect((await a.anonymous.call('GET', '/api/v1/instance/signing-key')).status).toBe(401);
  });

  it("should refuse A's package at B until B's province administrator registers A's key for the commune", async () => {
    const { client: province } = await addUser(
      b,
      'thainguyen.chanhvanphong',
      'standing_officer',
      THAI_NGUYEN,
    );
    const { client: admin } = await addUser(b, 'thainguyen.quantri', 'locality_admin', THAI_NGUYEN);
    const { publicKey, fingerprint } = (await standing.call('GET', '/api/v1/instance/signing-key')).body.data;
    const danTien = await localityIdByCode(b, DAN_TIEN);
    const thaiNguyen = await localityIdByCode(b, THAI_NGUYEN);
    const [neighbour] = await b.handle.db
      .select({ id: locality.id })
      .from(locality)
      .where(and(eq(locality.parentId, thaiNguyen), ne(locality.code, DAN_TIEN)))
      .limit(1);

    const unregistered = await upload(b, province, packageBytes);
    expect(unregistered.statusCode).toBe(422);
    expect(unregistered.json().message).toContain('khóa chưa đăng ký cho xã Dân Tiến');

    // Registered for another commune only: still not Dân Tiến's key.
    const elsewhere = await admin.call('POST', `/api/v1/localities/${neighbour!.id}/signing-keys`, {
      name: 'Hệ thống xã bên cạnh',
      publicKey,
    });
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(201);
    expect((await upload(b, province, packageBytes)).json().message).toContain('khóa chưa đăng ký');

    // Not an Ed25519 public key; the commune's own administrator; another province's administrator.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const wrongType = await admin.call('POST', `/api/v1/localities/${danTien}/signing-keys`, {
      name: 'Khóa RSA',
      publicKey: rsa,
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details[0]).toMatchObject({
      field: 'publicKey',
      message: expect.stringContaining('Ed25519'),
    });
    const garbage = await admin.call('POST', `/api/v1/localities/${danTien}/signing-keys`, {
      name: 'Khóa hỏng',
      publicKey: 'không phải khóa',
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.details[0].message).toContain('BEGIN PUBLIC KEY');
    const { client: communeAdmin } = await addUser(b, 'dantien.quantri', 'locality_admin', DAN_TIEN);
    for (const client of [communeAdmin, await b.signIn('haiphong.admin')]) {
      const refused = await client.call('POST', `/api/v1/localities/${danTien}/signing-keys`, {
        name: 'Hệ thống xã Dân Tiến',
        publicKey,
      });
      expect(refused.status).toBe(404);
      expect((await client.call('GET', `/api/v1/localities/${danTien}/signing-keys`)).status).toBe(404);
    }

    const registered = await admin.call('POST', `/api/v1/localities/${danTien}/signing-keys`, {
      name: 'Hệ thống xã Dân Tiến',
      publicKey: `\n${publicKey}\n`,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body.data).toMatchObject({
      fingerprint,
      name: 'Hệ thống xã Dân Tiến',
      revokedAt: null,
    });
    const again = await admin.call('POST', `/api/v1/localities/${danTien}/signing-keys`, {
      name: 'Lần nữa',
      publicKey,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('đã được đăng ký cho xã Dân Tiến');
    const listed = await admin.call('GET', `/api/v1/localities/${danTien}/signing-keys`);
    expect(listed.body.data.map((row: { fingerprint: string }) => row.fingerprint)).toEqual([fingerprint]);

    const audit = await b.call('GET', '/api/v1/audit-events?entityType=signing_key');
    expect(audit.body.data).toHaveLength(2);
    expect(audit.body.data.map((row: { after: { fingerprint: string } }) => row.after.fingerprint)).toEqual([
      fingerprint,
      fingerprint,
    ]);
    const refusals = await b.call('GET', '/api/v1/audit-events?entityType=submission_package');
    expect(refusals.body.data).toHaveLength(2);
    expect(refusals.body.data[0].after).toMatchObject({
      refused: 'unknown_key',
      keyFingerprint: fingerprint,
    });
  });

  it('should refuse an unsigned package, one signed by another key, and one altered after signing', async () => {
    const province = await b.signIn('thainguyen.chanhvanphong');
    const entries = unzipSync(new Uint8Array(packageBytes));
    const same = () => {};
    const unsigned = await upload(b, province, rebuilt(entries, same, 'drop'));
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json().message).toContain('Gói chưa được ký số');

    // Another key claiming A's fingerprint: the signature does not verify.
    const stranger = generateKeyPairSync('ed25519');
    const strangerKey = {
      privateKey: stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      fingerprint: fingerprintOf(stranger.publicKey),
    };
    const aFingerprint = JSON.parse(strFromU8(entries[SIGNATURE_FILE]!)).keyFingerprint;
    const forged = await upload(
      b,
      province,
      rebuilt(entries, same, (manifest) => ({
        ...signManifest(manifest, strangerKey),
        keyFingerprint: aFingerprint,
      })),
    );
    expect(forged.statusCode).toBe(422);
    expect(forged.json().message).toContain('Chữ ký của gói không đúng');
    // Another key under its own name: not registered for the commune.
    const wrongKey = await upload(
      b,
      province,
      rebuilt(entries, same, (manifest) => signManifest(manifest, strangerKey)),
    );
    expect(wrongKey.statusCode).toBe(422);
    expect(wrongKey.json().message).toContain('khóa chưa đăng ký cho xã Dân Tiến');

    // A figure changed and the manifest rebuilt to match, A's signature kept: the signature tells.
    const tampered = await upload(
      b,
      province,
      rebuilt(
        entries,
        (figures) => {
          figures.indicators[0]!.value = (figures.indicators[0]!.value ?? 0) + 1;
        },
        'keep',
      ),
    );
    expect(tampered.statusCode).toBe(422);
    expect(tampered.json().message).toContain('đã bị sửa sau khi ký');
    const refusals = await b.call('GET', '/api/v1/audit-events?entityType=submission_package');
    expect(
      refusals.body.data.slice(0, 4).map((row: { after: { refused: string } }) => row.after.refused),
    ).toEqual(['bad_signature', 'unknown_key', 'bad_signature', 'unsigned']);
  });

  it('should import the package at the province once; the second import changes nothing and says so', async () => {
    const province = await b.signIn('thainguyen.chanhvanphong');
    const provinceId = await localityIdByCode(b, THAI_NGUYEN);
    const first = await upload(b, province, packageBytes, 'goi-dan-tien.zip');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().data.outcome).toBe('created');
    expect(first.json().data.message).toContain('Đã nhận gói báo cáo');
    expect(first.json().data).toMatchObject({ signature: 'verified', catalogWarning: null });
    const second = await upload(b, province, packageBytes, 'goi-dan-tien.zip');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().data.outcome).toBe('already_received');
    expect(second.json().data.message).toContain('không có gì thay đổi');
    expect(second.json().data.package.id).toBe(first.json().data.package.id);
    // The same approved report downloaded again (a new file, new manifest date) is the same submission.
    const again = await download(a, standing, packageUrl());
    const third = await upload(b, province, again.rawPayload, 'goi-tai-lai.zip');
    expect(third.statusCode, third.body).toBe(200);
    expect(third.json().data.outcome).toBe('already_received');

    const listed = await province.call('GET', `/api/v1/localities/${provinceId}/submission-packages`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    const received = listed.body.data[0];
    const sent = JSON.parse(strFromU8(unzipSync(new Uint8Array(packageBytes))[FIGURES_FILE]!));
    expect(received).toMatchObject({
      localityCode: DAN_TIEN,
      reportVersion: 1,
      fileName: 'goi-dan-tien.zip',
    });
    expect(received.figures).toEqual(sent);

    const audit = (
      await b.call('GET', '/api/v1/audit-events?entityType=submission_package')
    ).body.data.filter((row: { after: { refused?: string } }) => !row.after.refused);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityId: received.id });
  });

  it('should refuse a package with one byte changed in figures.json, in Vietnamese, and store nothing', async () => {
    const province = await b.signIn('thainguyen.chanhvanphong');
    const entries = unzipSync(new Uint8Array(packageBytes));
    const figures = new Uint8Array(entries[FIGURES_FILE]!);
    const at = strFromU8(figures).indexOf('"value": ') + 9;
    figures[at] = figures[at] === 0x31 ? 0x32 : 0x31;
    const response = await upload(b, province, Buffer.from(zipSync({ ...entries, [FIGURES_FILE]: figures })));
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toContain('figures.json');
    expect(response.json().message).toContain('đã bị thay đổi');
    const thaiNguyen = (
      (await b.call('GET', '/api/v1/localities?level=province')).body.data as Array<{
        id: string;
        code: string;
      }>
    ).find((row) => row.code === THAI_NGUYEN)!.id;
    const listed = await province.call('GET', `/api/v1/localities/${thaiNguyen}/submission-packages`);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0].figures.indicators).toEqual(
      JSON.parse(strFromU8(entries[FIGURES_FILE]!)).indicators,
    );
  });

  it('should refuse the same report version with other figures, even with a consistent manifest', async () => {
    const province = await b.signIn('thainguyen.chanhvanphong');
    const entries = unzipSync(new Uint8Array(packageBytes));
    // Signed by A itself (say, restored from an old backup and approved again): the version decides.
    const response = await upload(
      b,
      province,
      rebuilt(
        entries,
        (figures) => {
          figures.indicators[0]!.value = (figures.indicators[0]!.value ?? 0) + 1;
        },
        await signerOf(a),
      ),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('số liệu khác');
  });

  it('should accept a package of another catalog version and say so, and refuse codes this catalog lacks', async () => {
    const province = await b.signIn('thainguyen.chanhvanphong');
    const entries = unzipSync(new Uint8Array(packageBytes));
    const sign = await signerOf(a);
    const unknownCode = await upload(
      b,
      province,
      rebuilt(
        entries,
        (figures) => {
          figures.catalogVersion = '2027.1';
          figures.approval.version = 3;
          const mapped = figures.indicators.find((row) => row.catalogMapped)!;
          mapped.catalogCode = 'MA-MOI-2027';
          mapped.code = 'MA-MOI-2027';
        },
        sign,
      ),
    );
    expect(unknownCode.statusCode).toBe(422);
    expect(unknownCode.json().message).toContain('MA-MOI-2027');
    expect(unknownCode.json().message).toContain(`phiên bản ${CATALOG_VERSION} của hệ thống này`);

    const other = await upload(
      b,
      province,
      rebuilt(
        entries,
        (figures) => {
          figures.catalogVersion = '2025.9';
          figures.approval.version = 2;
        },
        sign,
      ),
    );
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json().data.catalogWarning).toContain(`phiên bản 2025.9, khác phiên bản ${CATALOG_VERSION}`);
    expect(other.json().data.message).toContain('tính theo mã danh mục');
    expect(other.json().data.package.catalogVersion).toBe('2025.9');
  });

  it('should refuse an import by another province or by the commune itself, and hide the list from them', async () => {
    for (const username of ['haiphong.admin', 'dantien.lanhdao']) {
      const client = await b.signIn(username);
      const response = await upload(b, client, packageBytes);
      expect(response.statusCode, username).toBe(403);
      expect(response.json().message).toContain('không thuộc tỉnh, thành phố bạn phụ trách');
    }
    const provinces = (await b.call('GET', '/api/v1/localities?level=province')).body.data as Array<{
      id: string;
      code: string;
    }>;
    const thaiNguyen = provinces.find((row) => row.code === THAI_NGUYEN)!.id;
    const haiPhong = provinces.find((row) => row.code === HAI_PHONG)!.id;
    const other = await b.signIn('haiphong.admin');
    expect((await other.call('GET', `/api/v1/localities/${thaiNguyen}/submission-packages`)).status).toBe(
      404,
    );
    expect((await other.call('GET', `/api/v1/localities/${haiPhong}/submission-packages`)).body.data).toEqual(
      [],
    );
  });

  it('should refuse what is not a package, and a commune this instance does not know', async () => {
    const province = await b.signIn('thainguyen.chanhvanphong');
    const notZip = await upload(b, province, Buffer.from('%PDF-1.4 không phải gói'));
    expect(notZip.statusCode).toBe(422);
    expect(notZip.json().message).toContain('không phải gói báo cáo');
    const entries = unzipSync(new Uint8Array(packageBytes));
    const figures = JSON.parse(strFromU8(entries[FIGURES_FILE]!));
    figures.locality.code = '99999';
    const changed = strToU8(JSON.stringify(figures));
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_FILE]!));
    manifest.localityCode = '99999';
    manifest.files = manifest.files.map((file: { path: string }) =>
      file.path === FIGURES_FILE ? { ...file, sha256: sha256(changed), bytes: changed.length } : file,
    );
    manifest.checksum = checksumOf(manifest.files);
    const unknown = await upload(
      b,
      province,
      Buffer.from(
        zipSync({ ...entries, [FIGURES_FILE]: changed, [MANIFEST_FILE]: strToU8(JSON.stringify(manifest)) }),
      ),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().message).toContain('99999');
  });

  it('should store a package sent twice at the same moment once, and tell the second it was already received', async () => {
    const created = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
      label: 'Kỳ đột xuất quý IV',
      dataFrom: '2026-10-01',
      dataTo: '2026-12-31',
      dueDate: '2027-01-15',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const adhoc = created.body.data.id as string;
    const saved = await standing.call('PUT', `/api/v1/reporting-periods/${adhoc}/consolidated-report`, {
      revision: 0,
      narrative: 'Báo cáo đột xuất',
    });
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/send`, {
      revision: saved.body.data.revision,
    });
    const leader = await a.signIn('dantien.lanhdao');
    const approved = await leader.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/approve`, {
      revision: sent.body.data.revision,
    });
    expect(approved.status).toBe(200);
    const bytes = (
      await download(
        a,
        standing,
        `/api/v1/reporting-periods/${adhoc}/consolidated-report/submission-package.zip`,
      )
    ).rawPayload;
    const figures = JSON.parse(strFromU8(unzipSync(new Uint8Array(bytes))[FIGURES_FILE]!));
    // An ad hoc period that is a whole calendar quarter has its DHIS2 name.
    expect(figures.period).toMatchObject({ key: expect.stringMatching(/^adhoc-/), dhis2: '2026Q4' });
    const province = await b.signIn('thainguyen.chanhvanphong');
    const answers = await Promise.all([upload(b, province, bytes), upload(b, province, bytes)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    expect(answers.map((answer) => answer.json().data.outcome).sort()).toEqual([
      'already_received',
      'created',
    ]);
    expect(new Set(answers.map((answer) => answer.json().data.package.id)).size).toBe(1);
  });

  it('should pack without the PDF when LibreOffice is missing, and say so in the manifest', async () => {
    const commune = await b.signIn('dantien.vhxh');
    const plans = (await commune.call('GET', '/api/v1/plans')).body.data as Array<{
      id: string;
      localityName: string;
    }>;
    const ownPlan = plans.find((row) => row.localityName === 'Dân Tiến')!.id;
    const current = (await commune.call('GET', `/api/v1/plans/${ownPlan}/dashboard`)).body.data.period.id;
    const saved = await commune.call('PUT', `/api/v1/reporting-periods/${current}/consolidated-report`, {
      revision: 0,
      narrative: 'Tổng hợp',
    });
    const sent = await commune.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/send`, {
      revision: saved.body.data.revision,
    });
    const leader = await b.signIn('dantien.lanhdao');
    await leader.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/approve`, {
      revision: sent.body.data.revision,
    });
    const response = await download(
      b,
      commune,
      `/api/v1/reporting-periods/${current}/consolidated-report/submission-package.zip`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const entries = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(entries)).not.toContain('bao-cao-tong-hop.pdf');
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_FILE]!));
    expect(manifest.missing).toEqual([
      { path: 'bao-cao-tong-hop.pdf', reason: expect.stringContaining('LibreOffice') },
    ]);
    expect(manifest.files.map((file: { path: string }) => file.path)).not.toContain('bao-cao-tong-hop.pdf');
  });
  it('should refuse packages signed by a key once it is revoked, and audit the revocation', async () => {
    const admin = await b.signIn('thainguyen.quantri');
    const danTien = await localityIdByCode(b, DAN_TIEN);
    const [key] = (await admin.call('GET', `/api/v1/localities/${danTien}/signing-keys`)).body.data;
    const revoked = await admin.call('POST', `/api/v1/signing-keys/${key.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revokedAt).not.toBeNull();
    const province = await b.signIn('thainguyen.chanhvanphong');
    const refused = await upload(b, province, packageBytes);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('khóa đã bị thu hồi');
    const audit = await b.call('GET', '/api/v1/audit-events?entityType=signing_key');
    expect(audit.body.data[0]).toMatchObject({ action: 'update', entityId: key.id });
    // Registered again for the commune: refused, a revoked key stays revoked.
    const again = await admin.call('POST', `/api/v1/localities/${danTien}/signing-keys`, {
      name: 'Lại khóa cũ',
      publicKey: key.publicKey,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('đã bị thu hồi');
  });
});
