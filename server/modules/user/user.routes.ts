import {
  ZAddRoleRequest,
  ZCreateUserRequest,
  ZListUsersQuery,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUser,
} from '@core/schemas/auth.schemas';
import { pageOf, ZIdParams, zId } from '@core/schemas/common.schemas';
import { ZImportedUser, ZUserImportPreview, ZUserImportRequest } from '@core/schemas/user-import.schemas';
import { z } from 'zod';
import { userListTemplateXlsx } from '../../documents/export/user-list-template';
import { defineRoute, serviceRoute } from '../../http/route';

const tags = ['Người dùng'];

export const userRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    summary:
      'Người dùng có vai trò trong địa phương (hoặc trong phạm vi quản trị), theo trang; tìm không dấu theo tên, tên đăng nhập, thư điện tử',
    tags,
    permission: 'user:read',
    schema: { query: ZListUsersQuery, response: { 200: pageOf(ZUser) } },
    handler: async ({ query, meta }, { services }) => {
      const { users, total } = await services.user.list(meta, query);
      return {
        status: 200,
        body: { data: users, pagination: { total, limit: query.limit, offset: query.offset } },
      };
    },
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/users',
    operationId: 'createUser',
    summary: 'Tạo người dùng với vai trò (phải đổi mật khẩu khi đăng nhập lần đầu)',
    tags,
    permission: 'user:write',
    schema: { body: ZCreateUserRequest },
    data: ZUser,
    status: 201,
    handler: ({ body, meta }, { services }) => services.user.create(meta, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/users/import-template.xlsx',
    operationId: 'downloadUserImportTemplate',
    summary: 'Biểu mẫu Excel của danh sách người dùng cần tạo',
    tags,
    permission: 'user:write',
    schema: { response: { 200: null } },
    handler: async () => ({
      status: 200,
      file: {
        bytes: await userListTemplateXlsx(),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: 'mau-danh-sach-nguoi-dung.xlsx',
      },
    }),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/users/import-preview',
    operationId: 'previewUserImport',
    summary: 'Đọc danh sách người dùng (CSV UTF-8 hoặc Excel .xlsx) và chỉ ra từng dòng sai; chưa lưu gì',
    tags,
    permission: 'user:write',
    upload: true,
    data: ZUserImportPreview,
    handler: ({ meta, upload }, { services }) => services.userImport.preview(meta, upload!),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/users/import',
    operationId: 'importUsers',
    summary:
      'Tạo mọi người dùng của danh sách trong một lần (không tạo ai nếu có dòng sai); trả mật khẩu ban đầu một lần duy nhất',
    tags,
    permission: 'user:write',
    schema: { body: ZUserImportRequest },
    data: z.array(ZImportedUser),
    status: 201,
    handler: ({ body, meta }, { services }) => services.userImport.create(meta, body.rows),
  }),
  serviceRoute({
    method: 'PATCH',
    path: '/api/v1/users/:id',
    operationId: 'updateUser',
    summary: 'Sửa tên hoặc khóa/mở khóa người dùng',
    tags,
    permission: 'user:write',
    schema: { params: ZIdParams, body: ZUpdateUserRequest },
    data: ZUser,
    handler: ({ params, body, meta }, { services }) => services.user.update(meta, params.id, body),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/users/:id/password-reset',
    operationId: 'resetPassword',
    summary: 'Đặt lại mật khẩu (người dùng phải đổi khi đăng nhập)',
    tags,
    permission: 'user:write',
    schema: { params: ZIdParams, body: ZResetPasswordRequest },
    data: ZUser,
    handler: ({ params, body, meta }, { services }) =>
      services.user.resetPassword(meta, params.id, body.password),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/users/:id/roles',
    operationId: 'addRole',
    summary: 'Giao thêm vai trò',
    tags,
    permission: 'user:write',
    schema: { params: ZIdParams, body: ZAddRoleRequest },
    data: ZUser,
    status: 201,
    handler: ({ params, body, meta }, { services }) => services.user.addRole(meta, params.id, body),
  }),
  serviceRoute({
    method: 'DELETE',
    path: '/api/v1/users/:id/roles/:roleId',
    operationId: 'removeRole',
    summary: 'Thu hồi một vai trò',
    tags,
    permission: 'user:write',
    schema: { params: z.object({ id: zId('Mã người dùng'), roleId: zId('Mã vai trò') }) },
    data: ZUser,
    handler: ({ params, meta }, { services }) => services.user.removeRole(meta, params.id, params.roleId),
  }),
];
