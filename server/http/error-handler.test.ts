/** The error handler's mapping of database and framework errors, on a bare Fastify app (no database). */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientErrorHandler,
  DATABASE_RETRY_AFTER_SECONDS,
  frameworkErrors,
  installErrorHandler,
} from './error-handler';

/** What pg and PGlite throw, wrapped the way drizzle wraps it. */
const driverError = (fields: Record<string, string>) => {
  const cause = Object.assign(new Error(fields.message ?? 'database error'), fields);
  return Object.assign(new Error('Failed query: insert …'), { cause });
};

describe('error handler', () => {
  const app = Fastify({ frameworkErrors, clientErrorHandler });
  let thrown: unknown;

  beforeAll(async () => {
    installErrorHandler(app);
    app.get('/boom', async () => {
      throw thrown;
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const answer = async (error: unknown) => {
    thrown = error;
    const response = await app.inject({ method: 'GET', url: '/boom' });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  it('should answer a foreign key violation on a write as 400 naming the field and what is missing', async () => {
    const { status, body } = await answer(
      driverError({
        code: '23503',
        detail: 'Key (unit_id)=(7d0c5c7e-0000-4000-8000-000000000000) is not present in table "unit".',
      }),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: 'unknown_reference',
      details: [{ field: 'unitId', message: 'Đơn vị được chọn không tồn tại' }],
    });
  });

  it('should answer a foreign key violation on a delete as 409 (still in use)', async () => {
    const { status, body } = await answer(
      driverError({ code: '23503', detail: 'Key (id)=(…) is still referenced from table "task".' }),
    );
    expect(status).toBe(409);
    expect(body.error).toBe('still_referenced');
  });

  it.each([
    ['40P01', 'deadlock detected'],
    ['40001', 'could not serialize access due to concurrent update'],
  ])('should answer concurrent-write error %s as 409 "try again" in Vietnamese', async (code, message) => {
    const { status, body } = await answer(driverError({ code, message }));
    expect(status).toBe(409);
    expect(body).toMatchObject({ ok: false, error: 'concurrent_write' });
    expect(body.message).toMatch(/chưa được lưu\. Vui lòng thử lại/);
  });

  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
    ['22P02', 'invalid input syntax for type uuid'],
    ['22003', 'value "2147483648" is out of range for type integer'],
    ['22001', 'value too long for type character varying(200)'],
  ])('should answer data error %s as 400 in Vietnamese', async (code, message) => {
    const { status, body } = await answer(driverError({ code, message }));
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, status: 400, error: 'invalid_value' });
    expect(body.message).toMatch(/Dữ liệu gửi lên/);
  });

  it.each([
    ['ECONNREFUSED', driverError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' })],
    ['ECONNRESET', driverError({ code: 'ECONNRESET', message: 'read ECONNRESET' })],
    [
      '57P01 admin shutdown',
      driverError({ code: '57P01', message: 'terminating connection due to administrator command' }),
    ],
    [
      '57P03 cannot connect now',
      driverError({ code: '57P03', message: 'the database system is starting up' }),
    ],
    ['08006 connection failure', driverError({ code: '08006', message: 'connection failure' })],
    ['Connection terminated', new Error('Connection terminated unexpectedly')],
  ])('should answer %s as 503 with Retry-After', async (_name, error) => {
    const { status, body, headers } = await answer(error);
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(body).toMatchObject({
      error: 'database_unavailable',
      message: expect.stringContaining('tạm thời không kết nối được cơ sở dữ liệu'),
    });
  });

  it('should still answer an unexpected error as a 500 that reveals nothing', async () => {
    const { status, body } = await answer(new TypeError('x is undefined'));
    expect(status).toBe(500);
    expect(body.error).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('undefined');
  });

  it('should answer a broken %-encoding in the URL in Vietnamese', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'bad_url', status: 400 });
  });
});
