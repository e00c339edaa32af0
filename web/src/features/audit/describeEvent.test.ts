import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type TAuditEvent } from '@core/schemas/auth.schemas';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { AUDIT_VERBS, describeEvent, verbOf } from './describeEvent';

const ID = '0b6f2c1e-4d7a-4c1b-9a3e-5f2d8c7b6a10';
const OTHER = '7c1d9e2f-3b4a-4e5f-8a6b-1c2d3e4f5a6b';

const languages: Record<'vi' | 'en', TFunction> = {} as Record<'vi' | 'en', TFunction>;

beforeAll(async () => {
  for (const [lng, translation] of [
    ['vi', vi],
    ['en', en],
  ] as const) {
    const instance = createInstance();
    await instance.init({
      lng,
      resources: { [lng]: { translation } },
      interpolation: { escapeValue: false },
      // A missing key must show, not fall back to the other language.
      fallbackLng: false,
    });
    languages[lng] = instance.t;
  }
});

/** A realistic snapshot of each kind of row the server records, with a name to show. */
const SNAPSHOTS: Record<(typeof AUDIT_ENTITY_TYPES)[number], Record<string, unknown>> = {
  locality: { id: ID, name: 'Thành Đông', level: 'commune', parentId: OTHER },
  unit: { id: ID, name: 'Trung tâm HCC', localityId: OTHER },
  plan: { id: ID, number: '15/KH-UBND', title: 'Kế hoạch thực hiện Nghị quyết 57', status: 'draft' },
  indicator: { id: ID, name: 'Tỷ lệ phủ sóng 5G', unit: '%', leadUnitId: OTHER },
  indicator_target: { id: ID, indicatorId: OTHER, year: 2026, op: '>=', value: 80, rawText: '≥ 80%' },
  task: { id: ID, name: 'Số hóa hồ sơ một cửa', leadUnitId: OTHER },
  user: { id: ID, username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan', isDisabled: false },
  role_assignment: { id: ID, userId: OTHER, role: 'unit_officer', localityId: OTHER, unitId: OTHER },
  reporting_period: { id: ID, label: 'Quý III/2026', key: '2026-Q3' },
  unit_report: { id: ID, periodId: OTHER, unitId: OTHER, version: 1, status: 'draft', values: [{ a: 1 }] },
  attachment: { id: ID, fileName: 'bien-ban.pdf', reportId: OTHER },
  consolidated_report: { id: ID, periodId: OTHER, version: 1, status: 'draft' },
  reminder: { name: 'Đôn đốc báo cáo năm 2026 – Thành Đông', year: 2026, late: 1, missing: 2 },
  report_publication: { id: ID, reportId: OTHER, periodId: OTHER, version: 1, publishedAt: '2026-10-02' },
  submission_package: { localityCode: '10123', periodKey: '2026-Q3', fileName: 'goi-bao-cao.zip' },
  api_key: { name: 'Cổng dữ liệu tỉnh', scope: 'read', prefix: 'lt_abc' },
  signing_key: { name: 'Hệ thống xã Dân Tiến', fingerprint: 'ab12cd34', localityName: 'xã Dân Tiến' },
  sign_in: { username: 'lan.nguyen', outcome: 'succeeded' },
};

const eventOf = (overrides: Partial<TAuditEvent>): TAuditEvent => ({
  id: ID,
  at: '2026-10-01T03:04:05.000Z',
  actorUserId: OTHER,
  actorName: 'Nguyễn Thị Lan',
  actorUnitName: 'Phòng Văn hóa – Xã hội',
  entityType: 'unit',
  entityId: ID,
  parentEntityId: OTHER,
  planId: OTHER,
  localityId: OTHER,
  action: 'create',
  before: null,
  after: null,
  entityLabel: null,
  subject: { unit: 'Trung tâm HCC', period: 'Quý III/2026', parent: 'Tỷ lệ phủ sóng 5G' },
  ...overrides,
});

/** What must never reach a reader: a key, an id, an object dumped as text, a template left unfilled. */
const expectPlain = (sentence: string) => {
  expect(sentence).not.toMatch(/\[object Object\]|\{\{|\}\}|auditTrail\.|history\.|undefined|null/);
  expect(sentence).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
  expect(sentence).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(sentence.startsWith('Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) ')).toBe(true);
};

describe('describeEvent', () => {
  for (const language of ['vi', 'en'] as const) {
    for (const entityType of AUDIT_ENTITY_TYPES) {
      for (const action of AUDIT_ACTIONS) {
        it(`should say in ${language} who did ${action} to a ${entityType}`, () => {
          const t = languages[language];
          const snapshot = SNAPSHOTS[entityType];
          const event = eventOf({
            entityType,
            action,
            before: action === 'create' ? null : snapshot,
            after: action === 'delete' ? null : snapshot,
          });
          const sentence = describeEvent(event, t);
          expectPlain(sentence);
          // Without any names looked up, the sentence still names the kind of thing, not an id.
          const bare = describeEvent({ ...event, subject: undefined, entityLabel: null }, t);
          expectPlain(bare);
        });
      }
    }
  }

  it('should have a sentence for every verb in both languages', () => {
    for (const language of ['vi', 'en'] as const) {
      for (const verb of AUDIT_VERBS) {
        const sentence = languages[language](`auditTrail.sentence.${verb}`, { actor: 'A', object: 'B' });
        expect(sentence, `${language}: ${verb}`).not.toContain('auditTrail');
        // A failed sign-in is nobody's act: its sentence names the account, not an actor.
        if (verb !== 'signInFailed') expect(sentence).toContain('A');
        expect(sentence).toContain('B');
      }
    }
  });

  it('should say how many held-back attempts a burst had', () => {
    const event = eventOf({
      entityType: 'sign_in',
      action: 'create',
      actorName: null,
      after: { username: 'lan.nguyen', outcome: 'throttled', count: 12, lastAt: '2026-10-01T03:10:00Z' },
    });
    expect(describeEvent(event, languages.vi)).toBe(
      'Đăng nhập không thành công vào tài khoản lan.nguyen: bị tạm chặn vì đăng nhập sai quá nhiều lần (12 lần thử bị chặn trong 15 phút)',
    );
    expect(
      describeEvent(
        { ...event, after: { ...SNAPSHOTS.sign_in, outcome: 'throttled', count: 1 } },
        languages.vi,
      ),
    ).toBe('Đăng nhập không thành công vào tài khoản lan.nguyen: bị tạm chặn vì đăng nhập sai quá nhiều lần');
  });

  it('should tell a refused package and why, and a registered signing key', () => {
    const refused = eventOf({
      entityType: 'submission_package',
      action: 'create',
      after: { ...SNAPSHOTS.submission_package, refused: 'unknown_key', keyFingerprint: 'ab12' },
    });
    expect(describeEvent(refused, languages.vi)).toBe(
      'Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) gửi gói báo cáo “goi-bao-cao.zip”, bị từ chối: gói ký bằng khóa chưa đăng ký cho xã',
    );
    const registered = eventOf({ entityType: 'signing_key', action: 'create', after: SNAPSHOTS.signing_key });
    expect(describeEvent(registered, languages.vi)).toBe(
      'Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) đăng ký khóa ký gói “Hệ thống xã Dân Tiến”',
    );
  });

  it('should tell the return of a unit report with its reason', () => {
    const event = eventOf({
      entityType: 'unit_report',
      action: 'update',
      before: { ...SNAPSHOTS.unit_report, status: 'submitted' },
      after: { ...SNAPSHOTS.unit_report, status: 'returned', returnReason: 'Thiếu số liệu quý' },
    });
    expect(describeEvent(event, languages.vi)).toBe(
      'Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) trả lại báo cáo Quý III/2026 của Trung tâm HCC, lý do: Thiếu số liệu quý',
    );
    expect(describeEvent(event, languages.en)).toBe(
      'Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) returned the Quý III/2026 report of Trung tâm HCC, reason: Thiếu số liệu quý',
    );
  });

  it('should read each workflow step as its verb', () => {
    const step = (entityType: string, from: Record<string, unknown>, to: Record<string, unknown>) =>
      verbOf(eventOf({ entityType, action: 'update', before: from, after: to }));
    expect(step('unit_report', { status: 'draft' }, { status: 'submitted' })).toBe('submit');
    expect(step('unit_report', { status: 'submitted' }, { status: 'accepted' })).toBe('accept');
    expect(step('unit_report', { status: 'draft' }, { status: 'draft' })).toBe('save');
    expect(step('consolidated_report', { status: 'draft' }, { status: 'sent' })).toBe('send');
    expect(step('consolidated_report', { status: 'sent' }, { status: 'approved' })).toBe('approve');
    expect(step('consolidated_report', { version: 1 }, { version: 1, scanFileName: 'a.pdf' })).toBe(
      'attachScan',
    );
    expect(step('plan', { status: 'draft' }, { status: 'active' })).toBe('activate');
    expect(step('user', { passwordChanged: false }, { passwordChanged: true })).toBe('changePassword');
    expect(step('user', { isDisabled: false }, { isDisabled: true })).toBe('lock');
    expect(step('api_key', { revokedAt: null }, { revokedAt: '2026-10-01T00:00:00Z' })).toBe('revokeKey');
    expect(step('report_publication', {}, { withdrawnAt: '2026-10-01T00:00:00Z' })).toBe('withdraw');
    expect(
      verbOf(eventOf({ entityType: 'unit_report', action: 'create', after: { enteredOnBehalfBy: ID } })),
    ).toBe('enterOnBehalf');
    expect(verbOf(eventOf({ entityType: 'unit_report', action: 'create', after: { version: 2 } }))).toBe(
      'reopen',
    );
  });

  it('should name a plan by its number and title and a target by its indicator and year', () => {
    const plan = eventOf({ entityType: 'plan', action: 'update', before: {}, after: SNAPSHOTS.plan });
    expect(describeEvent(plan, languages.vi)).toBe(
      'Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) sửa kế hoạch 15/KH-UBND – Kế hoạch thực hiện Nghị quyết 57',
    );
    const target = eventOf({
      entityType: 'indicator_target',
      action: 'create',
      after: SNAPSHOTS.indicator_target,
    });
    expect(describeEvent(target, languages.vi)).toBe(
      'Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) tạo mục tiêu năm 2026 của chỉ tiêu “Tỷ lệ phủ sóng 5G”',
    );
  });

  it('should not repeat the unit when the name already says it', () => {
    const event = eventOf({
      entityType: 'unit',
      actorName: 'Cán bộ Phòng Văn hóa – Xã hội (Thành Đông)',
      after: SNAPSHOTS.unit,
    });
    expect(describeEvent(event, languages.vi)).toBe(
      'Cán bộ Phòng Văn hóa – Xã hội (Thành Đông) tạo đơn vị Trung tâm HCC',
    );
  });

  it('should fall back to "Hệ thống" and a plain word for an unknown kind of record', () => {
    const event = eventOf({ entityType: 'something_new', actorName: null, actorUnitName: null });
    expect(describeEvent(event, languages.vi)).toBe('Hệ thống tạo một dữ liệu');
  });

  it('should tell a sign-in, a sign-out and every kind of failed sign-in, without naming an actor for a failure', () => {
    const signIn = eventOf({ entityType: 'sign_in', after: SNAPSHOTS.sign_in });
    expect(describeEvent(signIn, languages.vi)).toBe(
      'Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) đăng nhập bằng tài khoản lan.nguyen',
    );
    const signOut = eventOf({ entityType: 'sign_in', action: 'delete', before: { username: 'lan.nguyen' } });
    expect(describeEvent(signOut, languages.en)).toBe(
      'Nguyễn Thị Lan (Phòng Văn hóa – Xã hội) signed out of the account lan.nguyen',
    );
    const failed = (outcome: string) =>
      eventOf({
        entityType: 'sign_in',
        actorUserId: null,
        actorName: null,
        actorUnitName: null,
        after: { username: 'lan.nguyen', outcome },
      });
    expect(describeEvent(failed('wrong_password'), languages.vi)).toBe(
      'Đăng nhập không thành công vào tài khoản lan.nguyen: sai mật khẩu',
    );
    expect(describeEvent(failed('throttled'), languages.en)).toBe(
      'Failed sign-in to the account lan.nguyen: held back after too many failed attempts',
    );
    for (const language of ['vi', 'en'] as const) {
      for (const outcome of [
        'wrong_password',
        'unknown_user',
        'disabled',
        'demo_refused',
        'throttled',
        'new',
      ]) {
        const sentence = describeEvent(failed(outcome), languages[language]);
        expect(sentence).toContain('lan.nguyen');
        expect(sentence).not.toMatch(/auditTrail\.|\{\{|undefined|null|_/);
        expect(sentence).not.toMatch(/Hệ thống|System/);
      }
    }
  });
});
