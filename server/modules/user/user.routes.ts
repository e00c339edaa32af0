import {
  ZAddRoleRequest,
  ZCreateUserRequest,
  ZListUsersQuery,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUser,
} from '@core/schemas/auth.schemas';
import { zId } from '@core/schemas/common.schemas';
import { ZImportedUser, ZUserImportPreview, ZUserImportRequest } from '@core/schemas/user-import.schemas';
import { z } from 'zod';
import { userListTemplateXlsx } from '../../documents/export/user-list-template';
import { routesOf } from '../../http/route-shapes';

const route = routesOf(['Người dùng'], { answers: ZUser });

export const userRoutes = [
  route.page({
    path: '/api/v1/users',
    operationId: 'listUsers',
    summary:
      'Người dùng có vai trò trong địa phương (hoặc trong phạm vi quản trị), theo trang; tìm không dấu theo tên, tên đăng nhập, thư điện tử',
    permission: 'user:read',
    query: ZListUsersQuery,
    call: async ({ query, meta }, { user }) => {
      const { users, total } = await user.list(meta, query);
      return { rows: users, total };
    },
  }),
  route.create({
    path: '/api/v1/users',
    operationId: 'createUser',
    summary: 'Tạo người dùng với vai trò (phải đổi mật khẩu khi đăng nhập lần đầu)',
    permission: 'user:write',
    params: null,
    body: ZCreateUserRequest,
    call: ({ body, meta }, { user }) => user.create(meta, body),
  }),
  route.download({
    path: '/api/v1/users/import-template.xlsx',
    operationId: 'downloadUserImportTemplate',
    summary: 'Biểu mẫu Excel của danh sách người dùng cần tạo',
    permission: 'user:write',
    params: null,
    call: async () => ({
      bytes: await userListTemplateXlsx(),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: 'mau-danh-sach-nguoi-dung.xlsx',
    }),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/users/import-preview',
    operationId: 'previewUserImport',
    summary: 'Đọc danh sách người dùng (CSV UTF-8 hoặc Excel .xlsx) và chỉ ra từng dòng sai; chưa lưu gì',
    permission: 'user:write',
    upload: true,
    params: null,
    data: ZUserImportPreview,
    call: ({ meta, upload }, { userImport }) => userImport.preview(meta, upload!),
  }),
  route.create({
    path: '/api/v1/users/import',
    operationId: 'importUsers',
    summary:
      'Tạo mọi người dùng của danh sách trong một lần (không tạo ai nếu có dòng sai); trả mật khẩu ban đầu một lần duy nhất',
    permission: 'user:write',
    params: null,
    body: ZUserImportRequest,
    data: z.array(ZImportedUser),
    call: ({ body, meta }, { userImport }) => userImport.create(meta, body.rows),
  }),
  route.change({
    method: 'PATCH',
    path: '/api/v1/users/:id',
    operationId: 'updateUser',
    summary: 'Sửa tên hoặc khóa/mở khóa người dùng',
    permission: 'user:write',
    body: ZUpdateUserRequest,
    call: ({ params, body, meta }, { user }) => user.update(meta, params.id, body),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/users/:id/password-reset',
    operationId: 'resetPassword',
    summary: 'Đặt lại mật khẩu (người dùng phải đổi khi đăng nhập)',
    permission: 'user:write',
    body: ZResetPasswordRequest,
    call: ({ params, body, meta }, { user }) => user.resetPassword(meta, params.id, body.password),
  }),
  route.create({
    path: '/api/v1/users/:id/roles',
    operationId: 'addRole',
    summary: 'Giao thêm vai trò',
    permission: 'user:write',
    body: ZAddRoleRequest,
    call: ({ params, body, meta }, { user }) => user.addRole(meta, params.id, body),
  }),
  route.change({
    method: 'DELETE',
    path: '/api/v1/users/:id/roles/:roleId',
    operationId: 'removeRole',
    summary: 'Thu hồi một vai trò',
    permission: 'user:write',
    params: z.object({ id: zId('Mã người dùng'), roleId: zId('Mã vai trò') }),
    call: ({ params, meta }, { user }) => user.removeRole(meta, params.id, params.roleId),
  }),
];
