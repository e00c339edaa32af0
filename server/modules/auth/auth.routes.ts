import { ZChangePasswordRequest, ZLoginRequest, ZMe } from '@core/schemas/auth.schemas';
import { AppError } from '../../errors';
import type { SessionContext } from '../../http/route';
import { routesOf } from '../../http/route-shapes';

const route = routesOf(['Đăng nhập']);

/** The signed-in user behind the request's session. @throws AppError UNAUTHENTICATED without one */
const signedInOf = ({ signedIn }: SessionContext) => {
  if (!signedIn) throw new AppError('UNAUTHENTICATED');
  return signedIn;
};

export const authRoutes = [
  route.session({
    path: '/api/v1/auth/login',
    operationId: 'login',
    summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
    permission: 'public',
    body: ZLoginRequest,
    data: ZMe,
    call: async ({ body, meta }, { auth, user }) => {
      const result = await auth.login(meta, body);
      return {
        data: { user: await user.presentOne(result.user), csrfToken: result.csrfToken },
        session: { token: result.token },
      };
    },
  }),
  route.session({
    path: '/api/v1/auth/logout',
    operationId: 'logout',
    summary: 'Đăng xuất',
    permission: 'self',
    call: async ({ meta, session }, { auth }) => {
      if (session.sessionToken) await auth.logout(meta, session.sessionToken);
      return { session: null };
    },
  }),
  route.read({
    path: '/api/v1/auth/me',
    operationId: 'getMe',
    summary: 'Người dùng đang đăng nhập, vai trò và mã chống giả mạo (CSRF)',
    permission: 'self',
    params: null,
    data: ZMe,
    call: async ({ session }, { user }) => {
      const signedIn = signedInOf(session);
      return { user: await user.presentOne(signedIn.user), csrfToken: signedIn.session.csrfToken };
    },
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/auth/password',
    operationId: 'changePassword',
    summary: 'Đổi mật khẩu của chính mình (đóng các phiên đăng nhập khác)',
    permission: 'self',
    params: null,
    body: ZChangePasswordRequest,
    status: 204,
    call: ({ body, meta, session }, { auth }) => auth.changePassword(meta, signedInOf(session), body),
  }),
];
