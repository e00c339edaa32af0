import type { TAuditEvent } from '@core/schemas/auth.schemas';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../i18n/vi';
import { describeChanges, type NameLookup } from './describeChanges';

const ID = '0b6f2c1e-4d7a-4c1b-9a3e-5f2d8c7b6a10';
const OTHER = '7c1d9e2f-3b4a-4e5f-8a6b-1c2d3e4f5a6b';
let t: TFunction;
const names: NameLookup = { unitName: () => 'Trung tâm HCC', localityName: () => 'Thành Đông' };

beforeAll(async () => {
  const instance = createInstance();
  await instance.init({ lng: 'vi', resources: { vi: { translation: vi } }, fallbackLng: false });
  t = instance.t;
});

const update = (entityType: string, before: unknown, after: unknown): TAuditEvent => ({
  id: ID,
  at: '2026-10-01T03:04:05.000Z',
  actorUserId: OTHER,
  actorName: 'Nguyễn Thị Lan',
  entityType,
  entityId: ID,
  parentEntityId: null,
  planId: null,
  localityId: null,
  action: 'update',
  before,
  after,
  entityLabel: null,
});

const linesOf = (event: TAuditEvent) =>
  describeChanges(event, t, names).map(
    (line) => `${line.label}: ${line.before ?? '∅'} → ${line.after ?? '∅'}`,
  );

describe('describeChanges', () => {
  it('should name the statuses of a unit report and of a consolidated report in words', () => {
    expect(linesOf(update('unit_report', { status: 'submitted' }, { status: 'accepted' }))).toEqual([
      'Trạng thái: Đã nộp → Đã chấp nhận',
    ]);
    expect(linesOf(update('consolidated_report', { status: 'sent' }, { status: 'approved' }))).toEqual([
      'Trạng thái: Đã trình → Đã duyệt',
    ]);
  });

  it('should never show an object as text, an id, an ISO time or a column name', () => {
    const lines = linesOf(
      update(
        'unit_report',
        {
          values: [{ indicatorId: ID, value: 1 }],
          reviewedBy: null,
          submittedAt: null,
          mysteryColumn: { a: 1 },
        },
        {
          values: [{ indicatorId: ID, value: 2 }],
          reviewedBy: OTHER,
          submittedAt: '2026-10-01T03:04:05.000Z',
          mysteryColumn: { a: 2 },
          returnReason: 'Thiếu số liệu',
        },
      ),
    );
    const text = lines.join('\n');
    expect(text).not.toMatch(
      /\[object Object\]|\{"|[0-9a-f]{8}-[0-9a-f]{4}-|T\d{2}:\d{2}|mysteryColumn|reviewedBy/,
    );
    expect(lines).toContain('Số liệu chỉ tiêu: 1 mục → (đã sửa nội dung)');
    expect(lines).toContain('Lý do trả lại: ∅ → Thiếu số liệu');
    expect(lines).toContain('Thông tin khác: (có thay đổi) → (đã sửa nội dung)');
    expect(lines.find((line) => line.startsWith('Thời điểm nộp'))).toMatch(
      /^Thời điểm nộp: ∅ → 01\/10\/2026 \d{2}:04$/,
    );
  });
});
