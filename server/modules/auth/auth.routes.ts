import { ZChangePasswordRequest, ZLoginRequest, ZMe } from '@core/schemas/auth.schemas';
import { dataOf } from '@core/schemas/common.schemas';
import { AppError } from '../../errors';
import { defineRoute, serviceRoute } from '../../http/route';

const tags = ['Đăng nhập'];

export const authRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/login',
    operationId: 'login',
    summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
    tags,
    permission: 'public',
    schema: { body: ZLoginRequest, response: { 200: dataOf(ZMe) } },
    handler: async ({ body, meta }, { services }) => {
      const result = await services.auth.login(meta, body);
      return {
        status: 200,
        body: { data: { user: await services.user.presentOne(result.user), csrfToken: result.csrfToken } },
        session: { token: result.token },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/logout',
    operationId: 'logout',
    summary: 'Đăng xuất',
    tags,
    permission: 'self',
    schema: { response: { 204: null } },
    handler: async ({ meta, session }, { services }) => {
      if (session.sessionToken) await services.auth.logout(meta, session.sessionToken);
      return { status: 204, session: null };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/auth/me',
    operationId: 'getMe',
    summary: 'Người dùng đang đăng nhập, vai trò và mã chống giả mạo (CSRF)',
    tags,
    permission: 'self',
    schema: { response: { 200: dataOf(ZMe) } },
    handler: async ({ session }, { services }) => {
      if (!session.signedIn) throw new AppError('UNAUTHENTICATED');
      return {
        status: 200,
        body: {
          data: {
            user: await services.user.presentOne(session.signedIn.user),
            csrfToken: session.signedIn.session.csrfToken,
          },
        },
      };
    },
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/auth/password',
    operationId: 'changePassword',
    summary: 'Đổi mật khẩu của chính mình (đóng các phiên đăng nhập khác)',
    tags,
    permission: 'self',
    schema: { body: ZChangePasswordRequest },
    status: 204,
    handler: async ({ body, meta, session }, { services }) => {
      if (!session.signedIn) throw new AppError('UNAUTHENTICATED');
      await services.auth.changePassword(meta, session.signedIn, body);
    },
  }),
];
