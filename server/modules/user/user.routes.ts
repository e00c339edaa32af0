import {
  ZAddRoleRequest,
  ZCreateUserRequest,
  ZListUsersQuery,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUser,
} from '@core/schemas/auth.schemas';
import { dataOf, pageOf, ZIdParams, zId } from '@core/schemas/common.schemas';
import { ZImportedUser, ZUserImportPreview, ZUserImportRequest } from '@core/schemas/user-import.schemas';
import { z } from 'zod';
import { userListTemplateXlsx } from '../../documents/export/user-list-template';
import { defineRoute } from '../../http/route';

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
  defineRoute({
    method: 'POST',
    path: '/api/v1/users',
    operationId: 'createUser',
    summary: 'Tạo người dùng với vai trò (phải đổi mật khẩu khi đăng nhập lần đầu)',
    tags,
    permission: 'user:write',
    schema: { body: ZCreateUserRequest, response: { 201: dataOf(ZUser) } },
    handler: async ({ body, meta }, { services }) => ({
      status: 201,
      body: { data: await services.user.create(meta, body) },
    }),
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
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/import-preview',
    operationId: 'previewUserImport',
    summary: 'Đọc danh sách người dùng (CSV UTF-8 hoặc Excel .xlsx) và chỉ ra từng dòng sai; chưa lưu gì',
    tags,
    permission: 'user:write',
    upload: true,
    schema: { response: { 200: dataOf(ZUserImportPreview) } },
    handler: async ({ meta, upload }, { services }) => ({
      status: 200,
      body: { data: await services.userImport.preview(meta, upload!) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/import',
    operationId: 'importUsers',
    summary:
      'Tạo mọi người dùng của danh sách trong một lần (không tạo ai nếu có dòng sai); trả mật khẩu ban đầu một lần duy nhất',
    tags,
    permission: 'user:write',
    schema: { body: ZUserImportRequest, response: { 201: dataOf(z.array(ZImportedUser)) } },
    handler: async ({ body, meta }, { services }) => ({
      status: 201,
      body: { data: await services.userImport.create(meta, body.rows) },
    }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/users/:id',
    operationId: 'updateUser',
    summary: 'Sửa tên hoặc khóa/mở khóa người dùng',
    tags,
    permission: 'user:write',
    schema: { params: ZIdParams, body: ZUpdateUserRequest, response: { 200: dataOf(ZUser) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.user.update(meta, params.id, body) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/:id/password-reset',
    operationId: 'resetPassword',
    summary: 'Đặt lại mật khẩu (người dùng phải đổi khi đăng nhập)',
    tags,
    permission: 'user:write',
    schema: { params: ZIdParams, body: ZResetPasswordRequest, response: { 200: dataOf(ZUser) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.user.resetPassword(meta, params.id, body.password) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/:id/roles',
    operationId: 'addRole',
    summary: 'Giao thêm vai trò',
    tags,
    permission: 'user:write',
    schema: { params: ZIdParams, body: ZAddRoleRequest, response: { 201: dataOf(ZUser) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 201,
      body: { data: await services.user.addRole(meta, params.id, body) },
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/users/:id/roles/:roleId',
    operationId: 'removeRole',
    summary: 'Thu hồi một vai trò',
    tags,
    permission: 'user:write',
    schema: {
      params: z.object({ id: zId('Mã người dùng'), roleId: zId('Mã vai trò') }),
      response: { 200: dataOf(ZUser) },
    },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      body: { data: await services.user.removeRole(meta, params.id, params.roleId) },
    }),
  }),
];
