/**
 * Logs never keep secrets (issue #10, item 9): a failing user insert carries the argon2 hash of the new
 * password in its query parameters, and neither it nor cookies, tokens or passwords reach the log.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../modules/auth/password';
import { insertUser } from '../modules/user/user.repository';
import { buildTestApp, type TestApp } from '../test/test-app';

describe('log output', () => {
  let t: TestApp;
  const lines: string[] = [];
  const logged = () => lines.join('');

  beforeAll(async () => {
    t = await buildTestApp({
      config: { logLevel: 'info' },
      logStream: { write: (line) => lines.push(line) },
    });
  });
  afterAll(() => t.close());

  it('should log a user insert that fails in the database without its argon2 hash', async () => {
    lines.length = 0;
    // A failure no input check can foresee (here a trigger that refuses every new account) reaches the
    // error handler as a 500 and is logged with the failed query, whose parameters hold the hash.
    await t.handle.db.execute(
      sql.raw(`create function refuse_user() returns trigger language plpgsql as $$
        begin raise exception 'tài khoản bị từ chối'; end $$`),
    );
    await t.handle.db.execute(
      sql.raw(
        'create trigger refuse_user before insert on app_user for each row execute function refuse_user()',
      ),
    );
    try {
      const response = await t.call('POST', '/api/v1/users', {
        username: 'bi.tu.choi',
        displayName: 'Người bị từ chối',
        password: 'mat-khau-thu-nghiem',
        roles: [{ role: 'leader', localityId: t.rootLocalityId }],
      });
      expect(response.status).toBe(500);
    } finally {
      await t.handle.db.execute(sql.raw('drop trigger refuse_user on app_user'));
      await t.handle.db.execute(sql.raw('drop function refuse_user()'));
    }
    const errorLine = lines.map((line) => JSON.parse(line)).find((line) => line.level === 50);
    expect(errorLine.err.message).toContain('insert into "app_user"');
    expect(errorLine.err.message).toContain('params: [REDACTED]');
    expect(errorLine.err).not.toHaveProperty('params');
    expect(logged()).not.toContain('$argon2');
  });

  it('should log the database error of a duplicate user name without its argon2 hash', async () => {
    lines.length = 0;
    const passwordHash = await hashPassword('mat-khau-trung-ten');
    const error = await insertUser(t.handle.db, {
      username: 'admin',
      displayName: 'Trùng tên',
      passwordHash,
    }).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).toContain('$argon2');
    t.app.log.error({ err: error }, 'user insert failed');
    const line = JSON.parse(lines.at(-1)!);
    expect(line.msg).toBe('user insert failed');
    expect(line.err.type).toBe('DrizzleQueryError');
    expect(line.err.cause.message).toMatch(/duplicate key|unique/i);
    expect(logged()).not.toContain('$argon2');
    expect(logged()).not.toContain(passwordHash.slice(20));
  });

  it('should redact passwords, hashes, tokens, cookies and CSRF headers in logged objects', () => {
    lines.length = 0;
    t.app.log.info(
      {
        password: 'mat-khau-lo',
        body: { newPassword: 'mat-khau-moi-lo', currentPassword: 'mat-khau-cu-lo' },
        user: { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' },
        session: { sessionToken: 'phien-bi-mat', csrfToken: 'csrf-bi-mat' },
        req: { headers: { cookie: 'lotrinh_session=cookie-bi-mat', 'x-csrf-token': 'csrf-header-bi-mat' } },
        res: { headers: { 'set-cookie': 'lotrinh_session=cookie-moi-bi-mat' } },
      },
      'secrets',
    );
    const text = logged();
    for (const secret of ['mat-khau', '$argon2', 'bi-mat']) expect(text, secret).not.toContain(secret);
    expect(JSON.parse(lines[0]!).body.newPassword).toBe('[REDACTED]');
  });
});
