import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import {
  type DatabaseErrorInfo,
  databaseErrorOf,
  isConcurrentWriteConflict,
  isDatabaseUnavailable,
} from '../db/errors';
import { AppError, type AppErrorCode, type ErrorDetail } from '../errors';
import { readableDetails } from './field-labels';

const CONTEXT_NAMES: Record<string, string> = {
  body: 'nội dung',
  querystring: 'tham số tìm kiếm',
  params: 'đường dẫn',
};

/** What the rows of a path segment are, to say what a broken address does not find. */
const RESOURCE_LABELS: Record<string, string> = {
  localities: 'địa phương',
  units: 'đơn vị',
  plans: 'kế hoạch',
  indicators: 'chỉ tiêu',
  'indicator-groups': 'nhóm chỉ tiêu',
  tasks: 'nhiệm vụ',
  'task-groups': 'nhóm nhiệm vụ',
  users: 'người dùng',
  'role-assignments': 'vai trò',
  roles: 'vai trò',
  'reporting-periods': 'kỳ báo cáo',
  reports: 'báo cáo',
  'unit-reports': 'báo cáo của đơn vị',
  consolidated: 'báo cáo tổng hợp',
  'consolidated-reports': 'báo cáo tổng hợp',
  attachments: 'tệp minh chứng',
  publications: 'báo cáo công khai',
  notifications: 'thông báo',
  imports: 'lượt đọc văn bản',
  'import-jobs': 'lượt đọc văn bản',
  'api-keys': 'khóa API',
  packages: 'gói báo cáo',
  targets: 'mục tiêu',
  catalog: 'chỉ tiêu chuẩn',
  versions: 'phiên bản',
};

/**
 * The message for a path parameter that is not valid ("/api/v1/plans/abc"): the address is broken, so
 * the thing it names cannot be found. The thing is read from the route: the segment before the parameter.
 *
 * @param route - the route's pattern, e.g. "/api/v1/plans/:id/tasks"
 * @param param - the parameter's name, e.g. "id"
 * @returns "Đường dẫn không hợp lệ: không tìm thấy kế hoạch này (…)"
 */
export const pathProblem = (route: string | undefined, param: string): string => {
  const segments = (route ?? '').split('/');
  const at = segments.indexOf(`:${param}`);
  const resource = at > 0 ? RESOURCE_LABELS[segments[at - 1] ?? ''] : undefined;
  return resource
    ? `Đường dẫn không hợp lệ: không tìm thấy ${resource} này (mã trong đường dẫn bị sai hoặc thiếu).`
    : 'Đường dẫn không hợp lệ: không tìm thấy dữ liệu này (mã trong đường dẫn bị sai hoặc thiếu).';
};

/** Seconds a client should wait before retrying when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;

/** What a referenced row is, by its table: "Đơn vị được chọn không tồn tại". */
const TABLE_LABELS: Record<string, string> = {
  locality: 'Địa phương',
  unit: 'Đơn vị',
  plan: 'Kế hoạch',
  indicator: 'Chỉ tiêu',
  indicator_group: 'Nhóm chỉ tiêu',
  task: 'Nhiệm vụ',
  task_group: 'Nhóm nhiệm vụ',
  app_user: 'Người dùng',
  reporting_period: 'Kỳ báo cáo',
  unit_report: 'Báo cáo của đơn vị',
  consolidated_report: 'Báo cáo tổng hợp',
  import_job: 'Lượt đọc văn bản',
};

/** A 4xx a framework raises (Fastify, its content parsers, Node's HTTP parser), by status. */
const STATUS_ERRORS: Record<number, AppErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'BODY_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADER_TOO_LARGE',
};

const FRAMEWORK_CODES: Record<string, AppErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_BAD_URL: 'BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
};

const camelCase = (column: string) =>
  column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** "Key (unit_id)=(…) is not present in table "unit"." → the column and the table. */
const referenceOf = (error: DatabaseErrorInfo): { column?: string; table?: string } => {
  const match = /Key \(([a-z_]+)\)=.*table "([a-z_]+)"/s.exec(error.detail ?? '');
  return match ? { column: match[1], table: match[2] } : {};
};

/**
 * A database error that bad input caused (a reference to nothing, a number too large, a character the
 * database cannot store), or that says to try again (the database away, a concurrent writer), as the
 * AppError it should have been; null for anything else.
 */
export const appErrorOfDatabase = (error: unknown): AppError | null => {
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE', { cause: error });
  if (isConcurrentWriteConflict(error)) return new AppError('CONCURRENT_WRITE', { cause: error });
  const database = databaseErrorOf(error);
  if (!database) return null;
  const { code } = database;
  if (code === '23503') {
    // On a delete, the row is still referenced from elsewhere; on a write, the row referenced is missing.
    if (/still referenced/i.test(database.detail ?? ''))
      return new AppError('STILL_REFERENCED', { cause: error });
    const { column, table } = referenceOf(database);
    const label = (table && TABLE_LABELS[table]) ?? 'Dữ liệu';
    return new AppError('UNKNOWN_REFERENCE', {
      cause: error,
      details: [{ field: column ? camelCase(column) : '', message: `${label} được chọn không tồn tại` }],
    });
  }
  if (code === '23505') return new AppError('DUPLICATE', { cause: error });
  if (code === '23502' || code === '23514') return new AppError('INVALID_VALUE', { cause: error });
  if (code === '22003' || code === '22008') {
    return new AppError('INVALID_VALUE', {
      cause: error,
      message: 'Dữ liệu gửi lên có số hoặc ngày vượt quá giới hạn lưu trữ.',
    });
  }
  if (code === '22021' || code === '22P05' || code === '22P02' || code === '22001' || code === '54000') {
    return new AppError('INVALID_VALUE', { cause: error });
  }
  if (code.startsWith('22')) return new AppError('INVALID_VALUE', { cause: error });
  return null;
};

/** Sends an AppError as the one error body, with Retry-After when trying again later may work. */
const sendAppError = (reply: FastifyReply, error: AppError) => {
  if (error.headers) reply.headers(error.headers);
  if (error.status === 503 && error.code === 'DATABASE_UNAVAILABLE') {
    reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  }
  return reply.code(error.status).send(error.toBody());
};

/** A framework error (FST_ERR_*, a content parser's 4xx) in the app's Vietnamese body; null when not one. */
const appErrorOfFramework = (error: FastifyError): AppError | null => {
  const byCode = error.code ? FRAMEWORK_CODES[error.code] : undefined;
  if (byCode) return new AppError(byCode, { cause: error });
  if (error instanceof SyntaxError || (error.statusCode === 400 && /json/i.test(error.message))) {
    return new AppError('INVALID_JSON', { cause: error });
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = STATUS_ERRORS[status] ?? 'BAD_REQUEST';
    const appError = new AppError(code, { cause: error });
    return appError.status === status ? appError : new AppError('BAD_REQUEST', { cause: error });
  }
  return null;
};

/**
 * Turns every failure into the one error body (STYLE.md §11): validation problems become a 400
 * naming each field by its Vietnamese label (a broken address says so, not "id: …"), framework errors keep their status with a Vietnamese message,
 * database errors caused by bad input are 400/409, an unreachable database is a 503 with Retry-After,
 * anything unexpected is a 500 that is logged and reveals nothing.
 */
export const installErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendAppError(reply, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const inPath = error.validationContext === 'params';
      const details: ErrorDetail[] = error.validation.map((issue) => {
        const field =
          issue.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
          (CONTEXT_NAMES[error.validationContext ?? ''] ?? '');
        // A path parameter is not typed by the person but read from the address: say what was not found.
        const message = !inPath
          ? (issue.message ?? 'không hợp lệ')
          : /^(id|code)$|Id$/.test(field)
            ? pathProblem(request.routeOptions.url, field)
            : `Đường dẫn không hợp lệ: ${issue.message ?? 'có phần không đọc được'}`;
        return { field, message };
      });
      const message = inPath
        ? [...new Set(details.map((detail) => detail.message))].join('; ')
        : readableDetails(details);
      return reply.code(400).send(new AppError('VALIDATION_FAILED', { message, details }).toBody());
    }

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.code(500).send(new AppError('INTERNAL').toBody());
    }

    const fromDatabase = appErrorOfDatabase(error);
    if (fromDatabase) {
      // A schema should have refused the input first: worth a warning, not an alarm.
      if (fromDatabase.code === 'DATABASE_UNAVAILABLE')
        request.log.error({ err: error }, 'database unavailable');
      else request.log.warn({ err: error }, 'database refused the input');
      return sendAppError(reply, fromDatabase);
    }

    const fromFramework = appErrorOfFramework(error);
    if (fromFramework) return sendAppError(reply, fromFramework);

    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(new AppError('INTERNAL').toBody());
  });
};

/**
 * Fastify's `frameworkErrors`: a URL whose %-encoding is broken, or a path parameter longer than
 * allowed, answered before routing, in the same Vietnamese body.
 */
export const frameworkErrors = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
  const appError = appErrorOfFramework(error) ?? new AppError('BAD_REQUEST', { cause: error });
  return reply
    .code(appError.status)
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(JSON.stringify(appError.toBody()));
};

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (a header or URL over the size
 * limit, a malformed request line, a client too slow to send): answer them with the same Vietnamese
 * JSON body, then close the connection.
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: AppErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADER_TOO_LARGE'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : error.code === 'HPE_URI_TOO_LONG'
          ? 'URI_TOO_LONG'
          : 'BAD_REQUEST';
  const appError = new AppError(code);
  this.log.trace({ err: error }, 'client error');
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const body = JSON.stringify(appError.toBody());
  // end(), not write() + destroy(): the answer is flushed before the connection closes (Node's advice).
  socket.end(
    `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? 'Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
