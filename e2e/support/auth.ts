/**
 * Signing in through the API instead of the login form: POST /api/v1/auth/login from the browser
 * context's own request client, so the httpOnly session cookie lands in that context's cookie jar. The
 * app then asks GET /auth/me for the CSRF token as it does after any page load.
 */
import type { BrowserContext } from 'playwright-core';

/** The demo accounts (server/db/seeds/demo.ts DEMO_USERS); all share DEMO_PASSWORD. */
export type DemoUser =
  | 'admin'
  | 'haiphong.admin'
  | 'haiphong.thanhtra'
  | 'thanhdong.lanhdao'
  | 'thanhdong.vhxh'
  | 'thanhdong.hcc'
  | 'thanhdong.kinhte'
  | 'dantien.vhxh'
  | 'dantien.hcc'
  | 'dantien.lanhdao';

export const DEMO_PASSWORD = 'lotrinh-demo';

/** Display names of the demo accounts the specs look for on screen. */
export const DEMO_DISPLAY_NAMES: Partial<Record<DemoUser, string>> = {
  'thanhdong.vhxh': 'Cán bộ Phòng Văn hóa - Xã hội (Thành Đông)',
  'thanhdong.hcc': 'Cán bộ Trung tâm HCC (Thành Đông)',
};

/**
 * Signs a browser context in as a demo user.
 *
 * @param context - a context created with the app's baseURL
 * @param username - the demo account
 * @returns the CSRF token of the new session (the app fetches its own; tests calling the API need it)
 * @throws Error with the server's answer when the sign-in is refused
 */
export const signIn = async (context: BrowserContext, username: DemoUser): Promise<string> => {
  const response = await context.request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  if (!response.ok()) {
    throw new Error(`Sign-in as ${username} failed: ${response.status()} ${await response.text()}`);
  }
  const body = (await response.json()) as { data: { csrfToken: string } };
  return body.data.csrfToken;
};
