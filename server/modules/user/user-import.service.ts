/**
 * Creating many users from a list (CSV or Excel .xlsx): a preview that names every wrong row in
 * Vietnamese and saves nothing, then the creation of all of them in one transaction, each with a first
 * password shown once (the user must change it at the first sign-in), each audited as a single creation
 * is. The cells are read by core/domain/user-import.ts; here the rows are checked against the database
 * and the administrator's scope, by the same policy as a single creation (user.policy.ts).
 */
import { randomInt } from 'node:crypto';
import { parseCsv } from '@core/domain/csv';
import { foldText } from '@core/domain/text';
import {
  checkUserImportCells,
  MAX_IMPORTED_USERS,
  problemText,
  ROLE_LABELS,
  readUserImportGrid,
  type UserImportProblem,
  type UserImportRow,
} from '@core/domain/user-import';
import type { TRole } from '@core/schemas/auth.schemas';
import type { TImportedUser, TUserImportPreview, TUserImportRow } from '@core/schemas/user-import.schemas';
import { inArray } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { appUser } from '../../db/schema';
import {
  readGuardedSheetRows,
  TEMPLATE_LIMITS,
  type TemplateLimits,
} from '../../documents/export/guarded-template-reader';
import { AppError } from '../../errors';
import type { RequestContext, Upload } from '../../http/request-context';
import { findLocalityByCode, findLocalityChain } from '../../shared/localities';
import { listUnitsByLocality } from '../../shared/units';
import type { Actor } from '../auth/access';
import { hashPassword } from '../auth/password';
import { canGrantRole, canManageUsersIn } from './user.policy';
import { insertAccount } from './user.service';

/** A list file above this size is refused before it is read (a list of 500 users is far smaller). */
export const MAX_USER_LIST_BYTES = 2 * 1024 * 1024;

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A first password: three groups of four, e.g. "k7Pq-Xm3a-Tz9w" (14 characters, about 69 bits). */
export const firstPassword = (): string =>
  Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
  ).join('-');

const quote = (text: string) => `“${text}”`;

/** A problem of a row; `locality` marks an unknown locality or one outside the actor's scope. */
type RowProblem = UserImportProblem & { locality?: boolean };

/** What the database says of a row: its locality and unit, once every check has passed. */
type Placed = { row: UserImportRow; localityId: string; localityName: string; unitId: string | null };

/** Is the file an Excel workbook (a zip), rather than text? */
const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

/**
 * The text of a CSV file, which must be UTF-8 (Excel's "CSV UTF-8"): a file in another encoding would
 * turn every Vietnamese letter into something else, so it is refused, not guessed.
 */
const csvText = (bytes: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('UNREADABLE_DOCUMENT', {
      message:
        'Tệp CSV không ở bảng mã UTF-8 nên chữ tiếng Việt sẽ bị sai. Trong Excel, hãy chọn Lưu thành “CSV UTF-8”, hoặc gửi tệp Excel (.xlsx).',
    });
  }
};

/**
 * Checks rows against the database and the actor's scope: the locality code exists and lies in the
 * actor's area, the actor may grant the role there, the unit belongs to the locality, the user name is
 * free.
 */
const placeRows = async (
  executor: Executor,
  actor: Actor,
  rows: UserImportRow[],
): Promise<{ placed: Placed[]; problems: RowProblem[] }> => {
  const problems: RowProblem[] = [];
  const placed: Placed[] = [];
  const localities = new Map<
    string,
    { id: string; name: string; chain: string[]; units: Array<{ id: string; name: string }> } | null
  >();
  const localityOf = async (code: string) => {
    if (!localities.has(code)) {
      const row = await findLocalityByCode(executor, code);
      localities.set(
        code,
        row
          ? {
              id: row.id,
              name: row.name,
              chain: await findLocalityChain(executor, row.id),
              units: await listUnitsByLocality(executor, row.id),
            }
          : null,
      );
    }
    return localities.get(code)!;
  };
  const usernames = rows.map((row) => row.username);
  const taken = new Set(
    usernames.length
      ? (
          await executor
            .select({ username: appUser.username })
            .from(appUser)
            .where(inArray(appUser.username, usernames))
        ).map((row) => row.username)
      : [],
  );
  for (const row of rows) {
    const say = (message: string) => problems.push({ line: row.line, message });
    const before = problems.length;
    if (taken.has(row.username)) say(`tên đăng nhập ${quote(row.username)} đã có người dùng trong hệ thống.`);
    const found = await localityOf(row.localityCode);
    if (!found) {
      const hint = /^\d{1,4}$/.test(row.localityCode)
        ? ' Nếu mã bắt đầu bằng chữ số 0, hãy định dạng cột “Mã địa phương” là văn bản (Text) rồi nhập lại mã.'
        : '';
      problems.push({
        line: row.line,
        message: `không có địa phương mang mã ${quote(row.localityCode)}.${hint}`,
        locality: true,
      });
      continue;
    }
    if (!canManageUsersIn(actor, found.chain)) {
      problems.push({
        line: row.line,
        message: `địa phương ${found.name} (mã ${row.localityCode}) nằm ngoài phạm vi quản lý của bạn.`,
        locality: true,
      });
      continue;
    }
    if (!canGrantRole(actor, found.chain, row.role)) {
      say(`bạn không được giao vai trò ${ROLE_LABELS[row.role as TRole]}.`);
    }
    let unitId: string | null = null;
    if (row.unitName) {
      const wanted = foldText(row.unitName);
      const matches = found.units.filter((unit) => foldText(unit.name) === wanted);
      if (matches.length === 0) say(`${found.name} không có đơn vị ${quote(row.unitName)}.`);
      else if (matches.length > 1)
        say(
          `${found.name} có ${matches.length} đơn vị cùng tên ${quote(row.unitName)}; hãy sửa tên đơn vị cho khác nhau.`,
        );
      else unitId = matches[0]!.id;
    }
    if (problems.length === before) {
      placed.push({ row, localityId: found.id, localityName: found.name, unitId });
    }
  }
  return { placed, problems };
};

const byLine = (a: UserImportProblem, b: UserImportProblem) => a.line - b.line;

export const createUserImportService = ({
  db,
  clock,
  limits = TEMPLATE_LIMITS,
}: {
  db: Database;
  clock: Clock;
  limits?: TemplateLimits;
}) => {
  /**
   * Reads an uploaded list and says what is wrong with it, row by row; saves nothing.
   *
   * @throws AppError FILE_TOO_LARGE, UNREADABLE_DOCUMENT (not UTF-8, a damaged workbook), SERVER_BUSY
   */
  const preview = async (context: RequestContext, upload: Upload): Promise<TUserImportPreview> => {
    if (upload.bytes.length > MAX_USER_LIST_BYTES) {
      throw new AppError('FILE_TOO_LARGE', {
        message: `Tệp danh sách người dùng lớn quá 2 MB. Mỗi lần tạo tối đa ${MAX_IMPORTED_USERS} người dùng; hãy chia thành nhiều tệp.`,
      });
    }
    const grid = isZip(upload.bytes)
      ? await readGuardedSheetRows(upload.bytes, limits)
      : parseCsv(csvText(upload.bytes));
    const read = readUserImportGrid(grid);
    const checked = await placeRows(db, context.actor, read.rows);
    const localityNames = new Map(checked.placed.map((item) => [item.row.line, item.localityName]));
    return {
      fileName: upload.fileName,
      rows: read.rows.map((row) => ({ ...row, localityName: localityNames.get(row.line) ?? null })),
      problems: [...read.problems, ...checked.problems.map(({ line, message }) => ({ line, message }))].sort(
        byLine,
      ),
    };
  };

  /**
   * Creates every user of a list the preview found right, in one transaction: all or none. The rows
   * are checked again (cells, repeats, database, scope), as the list may have been sent by hand.
   *
   * @returns each user with the first password, which is not kept anywhere in clear
   * @throws AppError VALIDATION_FAILED naming every wrong row ("Dòng 4: …"); USERNAME_TAKEN when another
   *   administrator took a user name meanwhile
   */
  const create = async (context: RequestContext, sent: TUserImportRow[]): Promise<TImportedUser[]> => {
    const problems: UserImportProblem[] = [];
    const rows: UserImportRow[] = [];
    const firstLineOf = new Map<string, number>();
    for (const item of sent) {
      const checked = checkUserImportCells(item.line, {
        displayName: item.displayName,
        username: item.username,
        email: item.email ?? '',
        role: item.role,
        localityCode: item.localityCode,
        unitName: item.unitName ?? '',
      });
      problems.push(...checked.problems);
      if (!checked.row) continue;
      const first = firstLineOf.get(checked.row.username);
      if (first !== undefined) {
        problems.push({
          line: item.line,
          message: `tên đăng nhập ${quote(checked.row.username)} trùng với dòng ${first}.`,
        });
        continue;
      }
      firstLineOf.set(checked.row.username, item.line);
      rows.push(checked.row);
    }
    // A locality unknown or outside the scope is refused as a single creation refuses it.
    const refuse = (found: RowProblem[]) =>
      new AppError(found.some((problem) => problem.locality) ? 'UNKNOWN_LOCALITY' : 'VALIDATION_FAILED', {
        message: `Danh sách có dòng sai nên chưa tạo người dùng nào: ${found.sort(byLine).map(problemText).join(' ')}`,
        details: found.map((problem) => ({ field: `Dòng ${problem.line}`, message: problem.message })),
      });
    if (problems.length > 0) throw refuse(problems);
    // The slow part (hashing) before the transaction, so it holds no lock meanwhile.
    const passwords = rows.map(() => firstPassword());
    const hashes = await Promise.all(passwords.map((password) => hashPassword(password)));
    try {
      return await db.transaction(async (tx) => {
        const checked = await placeRows(tx, context.actor, rows);
        if (checked.problems.length > 0) throw refuse(checked.problems);
        const now = clock.now();
        const created: TImportedUser[] = [];
        for (const [index, item] of checked.placed.entries()) {
          const { row } = item;
          const user = await insertAccount(tx, context, now, {
            username: row.username,
            displayName: row.displayName,
            email: row.email,
            passwordHash: hashes[index]!,
            roles: [{ role: row.role, localityId: item.localityId, unitId: item.unitId }],
          });
          created.push({
            id: user.id,
            line: row.line,
            username: user.username,
            displayName: user.displayName,
            role: row.role,
            localityName: item.localityName,
            unitName: row.unitName,
            password: passwords[index]!,
          });
        }
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('USERNAME_TAKEN', {
          message:
            'Trong lúc tạo, một tên đăng nhập của danh sách vừa được dùng cho người khác nên chưa tạo người dùng nào. Hãy xem lại danh sách rồi gửi lại.',
          cause: error,
        });
      }
      throw error;
    }
  };

  return { preview, create };
};

export type UserImportService = ReturnType<typeof createUserImportService>;
