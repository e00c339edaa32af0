/**
 * The one place the SPA talks HTTP: JSON in, `{ data }` out, and every failure turned into an `ApiError`
 * that carries the server's Vietnamese message and field details. Components never call fetch directly.
 *
 * The session itself is an httpOnly cookie the browser sends; what the client keeps is the CSRF token
 * from the sign-in (or GET /auth/me) answer, sent back in `X-CSRF-Token` on every write.
 *
 * When a session expires while a page is open, a 401 does not throw the page away: the registered
 * re-authentication (the password modal) signs the same user in again and the request is sent once
 * more, so what was typed is saved. Only a visit that starts without a session goes to /login.
 */
import type { TErrorResponse, TPage } from '@core/schemas/common.schemas';

export type ApiErrorDetail = { field: string; message: string };

/** A failed request, with the server's words (or a readable fallback) for the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const isErrorBody = (body: unknown): body is TErrorResponse =>
  typeof body === 'object' &&
  body !== null &&
  'message' in body &&
  typeof (body as { message: unknown }).message === 'string';

/** Fallback messages when the server (or a proxy) answers without our error body. */
const fallbackMessage = (status: number): string => {
  if (status === 0) return 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';
  if (status === 404) return 'Không tìm thấy dữ liệu yêu cầu.';
  if (status >= 500) return 'Máy chủ gặp lỗi. Vui lòng thử lại sau.';
  return `Yêu cầu không thành công (mã ${status}).`;
};

export const CSRF_HEADER = 'X-CSRF-Token';

let csrfToken: string | null = null;

/** Keeps the CSRF token of the current session (null after signing out). */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/**
 * What the session needs: a sign-in (401), a password change first, or a fresh CSRF token (another tab
 * signed in again, which replaced the session this page knew).
 */
export type AuthFailure = 'unauthenticated' | 'password_change_required' | 'csrf_failed';

let onAuthFailure: ((failure: AuthFailure) => void) | null = null;

/** Registers what to do when any request finds the session gone or a password change pending. */
export const setAuthFailureHandler = (handler: ((failure: AuthFailure) => void) | null): void => {
  onAuthFailure = handler;
};

/** GET /auth/me answers 401 to an anonymous visitor: the route guard decides, not the global handler. */
const ME_PATH = '/api/v1/auth/me';

/**
 * Requests whose 401 is their own answer (a wrong password), never a lost session. GET /auth/me is not
 * among them: on an open page (a CSRF token held) its 401 too means the session expired.
 */
const SESSION_PATHS = ['/api/v1/auth/login', '/api/v1/auth/logout'];

let reauthenticate: (() => Promise<boolean>) | null = null;
let pendingReauthentication: Promise<boolean> | null = null;

/**
 * Registers how to sign in again in place when the session of an open page has expired: resolves true
 * once the user is signed in again (the CSRF token then renewed), false when they give up.
 */
export const setReauthenticateHandler = (handler: (() => Promise<boolean>) | null): void => {
  reauthenticate = handler;
};

/**
 * Sends a request; on a 401 while this page holds a session (it has a CSRF token), asks once for the
 * password — every request failing meanwhile waits for the same answer — and sends it again.
 */
const sendWithReauthentication = async (path: string, send: () => Promise<Response>): Promise<Response> => {
  const response = await send();
  if (response.status !== 401 || SESSION_PATHS.includes(path) || !csrfToken || !reauthenticate)
    return response;
  pendingReauthentication ??= reauthenticate().finally(() => {
    pendingReauthentication = null;
  });
  return (await pendingReauthentication) ? send() : response;
};

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
};

const buildUrl = (path: string, query?: RequestOptions['query']): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

/** Reads the JSON answer, or turns a failure into an ApiError (and tells the session handler when it must act). */
const readBody = async (response: Response, path: string): Promise<unknown> => {
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      const code = parsed.error ?? 'error';
      if (code === 'unauthenticated' && path !== ME_PATH) onAuthFailure?.('unauthenticated');
      if (code === 'password_change_required') onAuthFailure?.('password_change_required');
      if (code === 'csrf_failed') onAuthFailure?.('csrf_failed');
      throw new ApiError(response.status, code, parsed.message, parsed.details ?? []);
    }
    throw new ApiError(response.status, 'http_error', fallbackMessage(response.status));
  }
  return parsed;
};

/** Unwraps `{ data }`, or turns a failure into an ApiError. */
const readResponse = async <T>(response: Response, path: string): Promise<T> => {
  if (response.status === 204) return undefined as T;
  return ((await readBody(response, path)) as { data: T } | null)?.data as T;
};

/**
 * Sends a request to the API and unwraps the `{ data }` envelope.
 *
 * @param path - an absolute API path, e.g. "/api/v1/plans"
 * @param options - method, JSON body, query string and abort signal
 * @returns the `data` of the response, or undefined for 204
 * @throws ApiError with the server's message and details on any non-2xx answer or network failure
 */
export const apiRequest = async <T>(path: string, options: RequestOptions = {}): Promise<T> =>
  readResponse<T>(await send(path, options), path);

/** How long the boot script's answers wait for the app: past it, the data may be stale. */
const EARLY_MAX_AGE_MS = 15_000;

declare global {
  interface Window {
    /** GET answers the boot script (web/pwa/boot.js) asked for before the entry arrived, by URL. */
    __loTrinhEarly?: { at: number; responses: Record<string, Promise<Response> | undefined> };
  }
}

/**
 * The boot script's answer for this GET, if it asked for that URL: each is taken once, within
 * EARLY_MAX_AGE_MS, and none once the app has sent a change (the answer may predate it).
 */
const takeEarly = (method: string, url: string): Promise<Response> | undefined => {
  const early = typeof window === 'undefined' ? undefined : window.__loTrinhEarly;
  if (!early) return undefined;
  if (method !== 'GET' || Date.now() - early.at > EARLY_MAX_AGE_MS) {
    window.__loTrinhEarly = undefined;
    return undefined;
  }
  const response = early.responses[url];
  delete early.responses[url];
  return response;
};

/** Sends a request; a network failure becomes an ApiError (an abort stays an AbortError). */
const send = async (path: string, options: RequestOptions): Promise<Response> => {
  const { method = 'GET', body, query, signal } = options;
  const url = buildUrl(path, query);
  // Only the first try: a retry after re-authentication asks the network again.
  let early = takeEarly(method, url);
  let response: Response;
  try {
    response = await sendWithReauthentication(path, () => {
      const answer = early;
      early = undefined;
      return (
        answer ??
        fetch(url, {
          method,
          credentials: 'same-origin',
          headers: {
            Accept: 'application/json',
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...(method !== 'GET' && csrfToken ? { [CSRF_HEADER]: csrfToken } : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal,
        })
      );
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', fallbackMessage(0));
  }
  return response;
};

/**
 * Reads one page of a paged list (GET /localities, /plans, /users): the rows and the pagination
 * (`total`, `limit`, `offset`) the server answered with.
 *
 * @throws ApiError with the server's message (a page size above the limit is a 400)
 */
export const apiPage = async <T>(
  path: string,
  query?: RequestOptions['query'],
  signal?: AbortSignal,
): Promise<TPage<T>> => (await readBody(await send(path, { query, signal }), path)) as TPage<T>;

/** The header carrying an uploaded file's name (URI-encoded, so Vietnamese names survive HTTP headers). */
export const FILE_NAME_HEADER = 'X-File-Name';

/**
 * Sends a file as the raw request body (the API's upload routes read `application/octet-stream`).
 *
 * @param path - the upload route, e.g. "/api/v1/unit-reports/<id>/attachments"
 * @param file - the file the user picked
 * @param query - extra query parameters (which row the file backs)
 * @returns the `data` of the response
 * @throws ApiError with the server's message (413 too large, 415 refused type, …)
 */
export const apiUpload = async <T>(path: string, file: File, query?: RequestOptions['query']): Promise<T> => {
  takeEarly('POST', path);
  let response: Response;
  try {
    response = await sendWithReauthentication(path, () =>
      fetch(buildUrl(path, query), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/octet-stream',
          [FILE_NAME_HEADER]: encodeURIComponent(file.name),
          ...(csrfToken ? { [CSRF_HEADER]: csrfToken } : {}),
        },
        body: file,
      }),
    );
  } catch {
    throw new ApiError(0, 'network_error', fallbackMessage(0));
  }
  return readResponse<T>(response, path);
};

/** The file name of an attachment answer: `filename*=UTF-8''…` (what the API sends), else `filename="…"`. */
export const fileNameOf = (disposition: string | null, fallback: string): string => {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      return fallback;
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
};

/**
 * Downloads a file the API generates (Word, Excel, PDF) and hands it to the browser as a download, so a
 * refusal (403, 503 "LibreOffice is not installed") reaches the user as a message instead of a JSON page.
 *
 * @param path - the download route, e.g. "/api/v1/plans/<id>/export.docx"
 * @param fallbackName - the file name when the answer names none
 * @throws ApiError with the server's message on any non-2xx answer or network failure
 */
export const apiDownload = async (path: string, fallbackName: string): Promise<void> => {
  let response: Response;
  try {
    response = await sendWithReauthentication(path, () => fetch(path, { credentials: 'same-origin' }));
  } catch {
    throw new ApiError(0, 'network_error', fallbackMessage(0));
  }
  if (!response.ok) await readResponse<never>(response, path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  page: apiPage,
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body: body ?? {} }),
  delete: (path: string) => apiRequest<void>(path, { method: 'DELETE' }),
};

/** The text to show for any error thrown by a query or mutation. */
export const errorMessage = (error: unknown): string => {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return fallbackMessage(0);
};
