/**
 * Errors name what is wrong in words a civil servant reads (issue #14): the field by its label, never
 * by a JSON path ("newPassword: …", "roles.0.localityId: …"), and a broken address says what it did not
 * find instead of "id: Mã: mã định danh không hợp lệ".
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../test/test-app';
import { pathProblem } from './error-handler';
import { fieldLabelOf, readableDetail, readableDetails } from './field-labels';

/** A JSON path or a bare key, as the old messages began: "newPassword:", "roles.0.localityId:", "id:". */
const JSON_PATH = /(^|[;\s])[a-z][a-zA-Z]*(\.\d+)?(\.[a-zA-Z]+)*: /;

describe('errors name fields by their labels', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('should say that a broken address finds no plan, not "id: Mã: …"', async () => {
    const response = await t.call('PATCH', '/api/v1/plans/khong-phai-ma', { title: 'Kế hoạch mới' });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(
      'Đường dẫn không hợp lệ: không tìm thấy kế hoạch này (mã trong đường dẫn bị sai hoặc thiếu).',
    );
    expect(response.body.message).not.toMatch(JSON_PATH);
    // Programs still learn which parameter it was.
    expect(response.body.details[0].field).toBe('id');
    const unit = await t.call('PATCH', '/api/v1/units/123', { name: 'Phòng mới' });
    expect(unit.status).toBe(400);
    expect(unit.body.message).toMatch(/^Đường dẫn không hợp lệ: không tìm thấy đơn vị này/);
  });

  it('should name the new password by its label, not "newPassword:"', async () => {
    const response = await t.call('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ngan',
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/Mật khẩu/);
    expect(response.body.message).not.toMatch(/newPassword/);
    expect(response.body.message).not.toMatch(JSON_PATH);
    expect(response.body.details[0].field).toBe('newPassword');
  });

  it('should say which row of a list is wrong, counted from 1, with the field by its label', async () => {
    const response = await t.call('POST', '/api/v1/users', {
      username: 'can-bo-nhieu-vai-tro',
      displayName: 'Cán bộ nhiều vai trò',
      password: 'mat-khau-ban-dau',
      roles: [
        // A well-formed first row: only the second and third are refused by the schema.
        { role: 'locality_admin', localityId: randomUUID() },
        { role: 'locality_admin', localityId: '' },
        { role: 'locality_admin', localityId: 'khong-phai-ma' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(
      'Dòng 2, 3: Địa phương của vai trò: chưa được chọn hoặc lựa chọn không có trong danh sách',
    );
    expect(response.body.message).not.toMatch(/roles\.\d|localityId/);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual([
      'roles.1.localityId',
      'roles.2.localityId',
    ]);
  });

  it('should name the locality of a role in plain words when none valid was chosen', async () => {
    const response = await t.call('POST', '/api/v1/users', {
      username: 'can-bo-moi',
      displayName: 'Cán bộ mới',
      password: 'mat-khau-ban-dau',
      roles: [{ role: 'locality_admin', localityId: '' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(
      'Địa phương của vai trò: chưa được chọn hoặc lựa chọn không có trong danh sách',
    );
    expect(response.body.message).not.toMatch(/mã định danh|roles\.0|localityId/);
    expect(response.body.details[0].field).toBe('roles.0.localityId');
  });
});

describe('readableDetail', () => {
  it('should lead with the label only when the message does not already name the field', () => {
    expect(readableDetail({ field: 'newPassword', message: 'Mật khẩu phải có ít nhất 10 ký tự' })).toBe(
      'Mật khẩu mới: Mật khẩu phải có ít nhất 10 ký tự',
    );
    // Inside a list the row is said too, counted from 1 as people count.
    expect(readableDetail({ field: 'values.3.value', message: 'Giá trị phải là một số' })).toBe(
      'Dòng 4: Giá trị phải là một số',
    );
    expect(readableDetail({ field: 'dataTo', message: 'Ngày cuối phải sau ngày đầu' })).toBe(
      'Số liệu đến ngày: Ngày cuối phải sau ngày đầu',
    );
    // A field with no label is left out of the message rather than shown as a path.
    expect(readableDetail({ field: 'xyzColumn', message: 'Không hợp lệ' })).toBe('Không hợp lệ');
    expect(fieldLabelOf('roles.0.localityId')).toBe('Địa phương');
    expect(fieldLabelOf('toString')).toBeNull();
  });

  it('should say the row of a list a problem is on, rows of a list within a row included', () => {
    expect(readableDetail({ field: 'values.0.value', message: 'phải là một số' })).toBe(
      'Dòng 1: Giá trị: phải là một số',
    );
    expect(readableDetail({ field: 'taskIds.11', message: 'Nhiệm vụ không thuộc kế hoạch này' })).toBe(
      'Dòng 12: Nhiệm vụ không thuộc kế hoạch này',
    );
    // A list within a row: the outer row, then the inner list by its label and its row.
    expect(readableDetail({ field: 'indicators.3.targets.0.value', message: 'phải là một số' })).toBe(
      'Dòng 4, Mục tiêu theo năm dòng 1: Giá trị: phải là một số',
    );
    expect(readableDetail({ field: 'draft.rows.2.cells.5', message: 'không đọc được' })).toBe(
      'Dòng 3, dòng 6: không đọc được',
    );
    // A number that is not a row (the first part of the path) is not one.
    expect(readableDetail({ field: '2026', message: 'Không hợp lệ' })).toBe('Không hợp lệ');
  });

  it('should say the same problem on several rows once, with its rows, and keep other problems apart', () => {
    const details = [
      { field: 'values.4.value', message: 'phải là một số' },
      { field: 'values.1.value', message: 'phải là một số' },
      { field: 'values.1.value', message: 'phải là một số' },
      { field: 'taskUpdates.1.completedOn', message: 'Ngày hoàn thành không được sau hôm nay' },
      { field: 'dataTo', message: 'Ngày cuối phải sau ngày đầu' },
      { field: 'values.2.note', message: 'quá dài' },
    ];
    expect(readableDetails(details)).toBe(
      'Dòng 2, 5: Giá trị: phải là một số; Dòng 2: Ngày hoàn thành không được sau hôm nay; ' +
        'Số liệu đến ngày: Ngày cuối phải sau ngày đầu; Dòng 3: Ghi chú: quá dài',
    );
    // A long list of rows names the first ten and counts the others.
    const many = Array.from({ length: 25 }, (_, index) => ({
      field: `values.${index}.value`,
      message: 'phải là một số',
    }));
    expect(readableDetails(many)).toBe(
      'Dòng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 và 15 dòng khác: Giá trị: phải là một số',
    );
    expect(readableDetails([])).toBe('');
  });

  it('should say what a broken address does not find, by the segment before the parameter', () => {
    expect(pathProblem('/api/v1/reporting-periods/:id/units/:unitId/report', 'unitId')).toMatch(
      /không tìm thấy đơn vị này/,
    );
    expect(pathProblem('/api/v1/reporting-periods/:id/units/:unitId/report', 'id')).toMatch(
      /không tìm thấy kỳ báo cáo này/,
    );
    expect(pathProblem('/api/v1/something-new/:id', 'id')).toMatch(/không tìm thấy dữ liệu này/);
    expect(pathProblem(undefined, 'id')).toMatch(/^Đường dẫn không hợp lệ/);
  });
});
