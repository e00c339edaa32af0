/**
 * Administration from the command line, for the first administrator of a fresh installation.
 *
 *   npm run admin -- create-user --username admin --name "Quản trị hệ thống" --password '…' \
 *     --role system_admin --locality VN [--unit "Tên đơn vị"]
 *   npm run admin -- create-locality --code VN --name "Việt Nam" --level nation --kind "quốc gia"
 *   npm run admin -- load-register
 *   npm run admin -- apply-change FILE.json [--preview]   (dated changes: rename, change-kind, merge, split)
 *
 * Works on the configured database (DATABASE_URL or DATA_DIR, as the server). The new user must
 * change the password at the first sign-in. Exit codes: 0 done, 2 bad input, 3 the data folder is in use
 * (the server runs on it: stop it, or create the user in the web app or through the API).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { foldText } from '@core/domain/text';
import { ROLE_LABELS, roleOfText } from '@core/domain/user-import';
import { ROLE_NAMES, ZCreateUserRequest } from '@core/schemas/auth.schemas';
import { ZCreateLocalityRequest } from '@core/schemas/locality.schemas';
import { ZApplyLocalityChangesRequest } from '@core/schemas/locality-change.schemas';
import { z } from 'zod';
import { systemClock } from '../server/clock';
import { loadConfig } from '../server/config';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { openMigratedDatabase } from '../server/db/migrate';
import { AppError } from '../server/errors';
import { readableDetails } from '../server/http/field-labels';
import { scrubSecrets } from '../server/http/logging';
import { systemActor } from '../server/modules/auth/access';
import { createLocalityChangeService } from '../server/modules/locality/locality.changes';
import { loadRegister } from '../server/modules/locality/locality.register';
import { createLocalityService } from '../server/modules/locality/locality.service';
import { createUserService } from '../server/modules/user/user.service';
import { findLocalityByCode } from '../server/shared/localities';
import { listUnitsByLocality } from '../server/shared/units';

class UsageError extends Error {}

const USAGE = `Cách dùng:
  npm run admin -- create-user --username TÊN --name "Họ và tên" --password MẬT_KHẨU --role VAI_TRÒ --locality MÃ_ĐỊA_PHƯƠNG [--unit "Tên đơn vị"]
  npm run admin -- create-locality --code MÃ --name "Tên" --level nation|province|commune --kind "loại" [--parent MÃ_CẤP_TRÊN]
  npm run admin -- load-register   (nạp danh mục 34 tỉnh, 3.321 xã, phường, đặc khu; chạy lại không thay đổi gì)
  npm run admin -- apply-change TỆP.json [--preview]   (đổi tên, đổi loại, sáp nhập, chia tách có ngày hiệu lực; tất cả hoặc không; chạy lại không ghi thêm; --preview: chỉ xem trước, không ghi; xem docs/locality-history.md)
Vai trò (ghi tên hoặc mã): ${ROLE_NAMES.map((role) => `${ROLE_LABELS[role]} (${role})`).join(', ')}`;

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    locality: { type: 'string' },
    unit: { type: 'string' },
    code: { type: 'string' },
    level: { type: 'string' },
    kind: { type: 'string' },
    parent: { type: 'string' },
    preview: { type: 'boolean' },
  },
  strict: true,
});

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  // The variables are named as they are set; the sentence around them is for people.
  const message = (error as Error).message.replace(
    /^Invalid configuration:/,
    'Cấu hình (biến môi trường) chưa đúng:',
  );
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
// Refused while the server (or another command) has the embedded database open: its writes would be lost.
const handle = await openMigratedDatabase(config, { purpose: 'admin' }).catch((error: unknown) => {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(
    error.holder?.purpose === 'server'
      ? 'Máy chủ Lộ trình đang chạy trên dữ liệu này nên lệnh không mở được (mở cùng lúc sẽ làm mất dữ liệu). Hãy dừng máy chủ rồi chạy lại lệnh, hoặc làm việc này trong ứng dụng web.\n'
      : 'Dữ liệu đang được một lệnh khác sử dụng. Hãy đợi lệnh đó xong rồi chạy lại.\n',
  );
  process.exit(3);
});
const context = { actor: systemActor('Dòng lệnh quản trị'), ip: null, userAgent: 'npm run admin' };

/** The problems of the input named by their labels ("Vai trò không hợp lệ"), never by a JSON path. */
const describeIssues = (error: z.ZodError) =>
  readableDetails(
    error.issues.map((issue) => ({
      // The command takes one role: no row number to say.
      field: issue.path.filter((part) => typeof part === 'string').join('.'),
      message: issue.message,
    })),
  );

const localityIdOf = async (code: string | undefined): Promise<string> => {
  if (!code) throw new UsageError('Thiếu --locality (mã địa phương, ví dụ VN).');
  const row = await findLocalityByCode(handle.db, code);
  if (!row) throw new UsageError(`Không có địa phương mã "${code}".`);
  return row.id;
};

const run = async (): Promise<void> => {
  if (command === 'create-user') {
    const localityId = await localityIdOf(values.locality);
    const unit = values.unit
      ? (await listUnitsByLocality(handle.db, localityId)).find(
          (row) => foldText(row.name) === foldText(values.unit ?? ''),
        )
      : undefined;
    if (values.unit && !unit) throw new UsageError(`Địa phương không có đơn vị "${values.unit}".`);
    const input = ZCreateUserRequest.parse({
      username: values.username,
      displayName: values.name,
      password: values.password,
      roles: [{ role: roleOfText(values.role ?? '') ?? values.role, localityId, unitId: unit?.id ?? null }],
    });
    const user = await createUserService({ db: handle.db, clock: systemClock }).create(context, input);
    const roles = user.roles.map((role) =>
      [ROLE_LABELS[role.role], role.unitName, role.localityName].filter(Boolean).join(', '),
    );
    process.stdout.write(
      `Đã tạo người dùng "${user.username}" (${roles.join('; ')}). Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.\n`,
    );
    return;
  }
  if (command === 'create-locality') {
    const parentId = values.parent ? await localityIdOf(values.parent) : null;
    const input = ZCreateLocalityRequest.parse({
      code: values.code,
      name: values.name,
      level: values.level,
      kind: values.kind,
      parentId,
    });
    const row = await createLocalityService({ db: handle.db, clock: systemClock }).create(context, input);
    process.stdout.write(`Đã tạo địa phương "${row.name}" (mã ${row.code}).\n`);
    return;
  }
  if (command === 'load-register') {
    const result = await handle.db.transaction((tx) => loadRegister(tx, systemClock, context));
    process.stdout.write(
      `Danh mục đơn vị hành chính: ${result.total} địa phương; thêm mới ${result.inserted}, cập nhật ${result.updated.length}, giữ nguyên ${result.unchanged}.\n`,
    );
    if (result.updated.length > 0) process.stdout.write(`Mã đã cập nhật: ${result.updated.join(', ')}\n`);
    process.stdout.write(
      `Đơn vị trước 01/07/2025: ${result.former.total} đơn vị (thêm mới ${result.former.inserted}), ${result.former.successions} quan hệ kế thừa (ghi ${result.former.successionsWritten}).\n`,
    );
    return;
  }
  if (command === 'apply-change') {
    const file = positionals[0];
    if (!file) throw new UsageError('Thiếu tệp thay đổi: npm run admin -- apply-change TỆP.json');
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`Không đọc được tệp "${file}".`);
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UsageError(`Tệp "${file}" không phải JSON hợp lệ.`);
    }
    // The file is the API's body ({ "changes": [...] }) or the bare list.
    const input = ZApplyLocalityChangesRequest.parse(Array.isArray(json) ? { changes: json } : json);
    const service = createLocalityChangeService({ db: handle.db, clock: systemClock });
    const result = await (values.preview ? service.preview : service.apply)(context, input);
    if (result.preview) process.stdout.write('Xem trước (chưa ghi gì):\n');
    for (const change of result.changes) {
      process.stdout.write(`${change.applied ? '' : '(đã có) '}${change.summary}\n`);
      for (const moved of change.consequences) {
        process.stdout.write(
          `  ${moved.from.name} (mã ${moved.from.code}): ${moved.plans} kế hoạch (${moved.activePlans} đang thực hiện) được tính vào ${moved.to.name} (mã ${moved.to.code}); ${moved.users} người dùng vẫn giữ vai trò ở đơn vị cũ, cần giao vai trò ở đơn vị mới.\n`,
        );
      }
    }
    const applied = result.changes.filter((change) => change.applied).length;
    process.stdout.write(
      `${result.preview ? 'Sẽ ghi' : 'Đã ghi'} ${applied} thay đổi; ${result.changes.length - applied} thay đổi đã có từ trước.\n`,
    );
    return;
  }
  throw new UsageError(USAGE);
};

let exitCode = 0;
try {
  await run();
} catch (error) {
  exitCode = 2;
  if (error instanceof z.ZodError) process.stderr.write(`Dữ liệu không hợp lệ:\n${describeIssues(error)}\n`);
  else if (error instanceof AppError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
  else {
    exitCode = 1;
    // A failed insert of a user names its query's values, the password hash among them.
    process.stderr.write(
      `Lệnh không thực hiện được do một lỗi ngoài dự kiến; dữ liệu chưa thay đổi. Chi tiết để gửi người hỗ trợ kỹ thuật: ${scrubSecrets((error as Error).message)}\n`,
    );
  }
} finally {
  await handle.close();
}
process.exit(exitCode);
