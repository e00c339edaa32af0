/**
 * A list of users to create, as an administrator fills it in a spreadsheet (CSV or Excel): one header
 * row naming the columns (in Vietnamese or English, with or without diacritics, in any order), then one
 * user a row. This file reads the grid into rows and checks what needs no database: required cells, the
 * user name's form, the e-mail's form, the role by its name, a unit for a unit officer only, user names
 * repeated in the file. Every problem is one Vietnamese sentence that names the row ("Dòng 4: …"), and
 * nothing is guessed or dropped: a cell that cannot be read is a problem, never a default.
 */
import { ROLE_NAMES, type TRole } from '../schemas/auth.schemas';
import { TextLimits } from '../validations';
import { foldText, normalizeText } from './text';

/** The columns of the list, in the order of the template. */
export const USER_IMPORT_FIELDS = [
  'displayName',
  'username',
  'email',
  'role',
  'localityCode',
  'unitName',
] as const;
export type UserImportField = (typeof USER_IMPORT_FIELDS)[number];

/** The header of each column in the template (and in messages). */
export const USER_IMPORT_HEADERS: Record<UserImportField, string> = {
  displayName: 'Họ và tên',
  username: 'Tên đăng nhập',
  email: 'Thư điện tử',
  role: 'Vai trò',
  localityCode: 'Mã địa phương',
  unitName: 'Tên đơn vị',
};

/** Headers each column is recognised by, folded (no diacritics, lower case). */
const HEADER_ALIASES: Record<UserImportField, readonly string[]> = {
  displayName: ['ho va ten', 'ho ten', 'ten nguoi dung', 'full name', 'name', 'display name'],
  username: ['ten dang nhap', 'tai khoan', 'username', 'user name', 'login'],
  email: ['thu dien tu', 'email', 'e mail', 'dia chi email'],
  role: ['vai tro', 'role'],
  localityCode: ['ma dia phuong', 'ma don vi hanh chinh', 'ma xa', 'locality code', 'code'],
  unitName: ['ten don vi', 'don vi', 'unit', 'unit name'],
};

/** The Vietnamese name of each role, as the template and messages write it. */
export const ROLE_LABELS: Record<TRole, string> = {
  system_admin: 'Quản trị hệ thống',
  locality_admin: 'Quản trị địa phương',
  leader: 'Lãnh đạo',
  standing_officer: 'Cán bộ cơ quan thường trực',
  unit_officer: 'Cán bộ đơn vị',
  inspector: 'Thanh tra / giám sát',
};

/** Names a role cell is read by, folded: the label, common short forms and the code itself. */
const ROLE_ALIASES: Record<TRole, readonly string[]> = {
  system_admin: ['quan tri he thong', 'system admin'],
  locality_admin: ['quan tri dia phuong', 'quan tri', 'locality admin'],
  leader: ['lanh dao', 'leader'],
  standing_officer: [
    'can bo co quan thuong truc',
    'co quan thuong truc',
    'can bo thuong truc',
    'standing officer',
  ],
  unit_officer: ['can bo don vi', 'unit officer'],
  inspector: ['thanh tra giam sat', 'thanh tra giam sat chi xem', 'thanh tra', 'giam sat', 'inspector'],
};

/** At most this many users in one list. */
export const MAX_IMPORTED_USERS = 500;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One user of the list, its cells read and trimmed. */
export type UserImportRow = {
  /** The row's number in the file (the header is row 1), as the spreadsheet shows it. */
  line: number;
  displayName: string;
  username: string;
  email: string | null;
  role: TRole;
  localityCode: string;
  unitName: string | null;
};

/** One thing wrong in the list: the row (0 for the file as a whole) and the sentence that says it. */
export type UserImportProblem = { line: number; message: string };

/** "Dòng 4: …", or the sentence alone for the whole file. */
export const problemText = (problem: UserImportProblem): string =>
  problem.line > 0 ? `Dòng ${problem.line}: ${problem.message}` : problem.message;

/** The role a cell names, or null. */
export const roleOfText = (text: string): TRole | null => {
  const folded = foldText(text);
  if (!folded) return null;
  for (const role of ROLE_NAMES) {
    if (folded === foldText(role) || ROLE_ALIASES[role].includes(folded)) return role;
  }
  return null;
};

const columnOfHeader = (header: string): UserImportField | null => {
  const folded = foldText(header);
  return USER_IMPORT_FIELDS.find((field) => HEADER_ALIASES[field].includes(folded)) ?? null;
};

const quote = (text: string) => `“${text}”`;

/**
 * Checks one row's cells, without the database.
 *
 * @returns the row read, or the problems found in it
 */
export const checkUserImportCells = (
  line: number,
  cells: Record<UserImportField, string>,
): { row: UserImportRow | null; problems: UserImportProblem[] } => {
  const problems: UserImportProblem[] = [];
  const say = (message: string) => problems.push({ line, message });
  const displayName = normalizeText(cells.displayName);
  const username = normalizeText(cells.username).toLowerCase();
  const email = normalizeText(cells.email);
  const roleText = normalizeText(cells.role);
  const localityCode = normalizeText(cells.localityCode);
  const unitName = normalizeText(cells.unitName);
  if (!displayName) say('chưa có họ và tên.');
  else if ([...displayName].length > TextLimits.short) say(`họ và tên dài quá ${TextLimits.short} ký tự.`);
  if (!username) say('chưa có tên đăng nhập.');
  else if (!USERNAME.test(username))
    say(
      `tên đăng nhập ${quote(cells.username.trim())} không hợp lệ: dùng 3–50 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ hoặc số.`,
    );
  if (email && (!EMAIL.test(email) || email.length > TextLimits.short))
    say(`thư điện tử ${quote(email)} không hợp lệ.`);
  const role = roleOfText(roleText);
  if (!roleText) say('chưa có vai trò.');
  else if (!role)
    say(`không có vai trò ${quote(roleText)}; dùng một trong: ${Object.values(ROLE_LABELS).join(', ')}.`);
  if (!localityCode) say('chưa có mã địa phương.');
  if (role === 'unit_officer' && !unitName) say('vai trò Cán bộ đơn vị cần tên đơn vị (cột “Tên đơn vị”).');
  if (role && role !== 'unit_officer' && unitName)
    say(
      `vai trò ${ROLE_LABELS[role]} không gắn với một đơn vị; để trống cột “Tên đơn vị” (đang ghi ${quote(unitName)}).`,
    );
  if (problems.length > 0 || !role) return { row: null, problems };
  return {
    row: {
      line,
      displayName,
      username,
      email: email || null,
      role,
      localityCode,
      unitName: unitName || null,
    },
    problems,
  };
};

/**
 * Reads the grid of a CSV file or of a workbook's first sheet into users.
 *
 * @param grid - the rows of cells as text, the header first (blank rows are skipped)
 * @returns the rows that are right and every problem found, by row; a list with any problem is not
 *   to be saved
 */
export const readUserImportGrid = (
  grid: readonly (readonly string[])[],
): { rows: UserImportRow[]; problems: UserImportProblem[] } => {
  const problems: UserImportProblem[] = [];
  const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');
  const headerIndex = grid.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) {
    return { rows: [], problems: [{ line: 0, message: 'Tệp không có dòng nào.' }] };
  }
  const headerLine = headerIndex + 1;
  const columns = new Map<UserImportField, number>();
  for (const [index, header] of grid[headerIndex]!.entries()) {
    if (!header.trim()) continue;
    const field = columnOfHeader(header);
    if (!field) {
      problems.push({
        line: headerLine,
        message: `không dùng được cột ${quote(header.trim())}; các cột của danh sách là: ${Object.values(USER_IMPORT_HEADERS).join(', ')}.`,
      });
    } else if (columns.has(field)) {
      problems.push({ line: headerLine, message: `cột ${quote(USER_IMPORT_HEADERS[field])} có hai lần.` });
    } else {
      columns.set(field, index);
    }
  }
  for (const field of USER_IMPORT_FIELDS) {
    if (field !== 'email' && field !== 'unitName' && !columns.has(field)) {
      problems.push({ line: headerLine, message: `thiếu cột ${quote(USER_IMPORT_HEADERS[field])}.` });
    }
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: UserImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  const records = grid.slice(headerIndex + 1);
  const count = records.filter((cells) => !isBlank(cells)).length;
  if (count === 0) return { rows, problems: [{ line: 0, message: 'Danh sách chưa có người dùng nào.' }] };
  if (count > MAX_IMPORTED_USERS) {
    const message = `Danh sách có ${count} người dùng, quá ${MAX_IMPORTED_USERS} người một lần; hãy chia thành nhiều tệp.`;
    return { rows, problems: [{ line: 0, message }] };
  }
  for (const [offset, cells] of records.entries()) {
    if (isBlank(cells)) continue;
    const line = headerLine + 1 + offset;
    const cellOf = (field: UserImportField) => {
      const index = columns.get(field);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const extra = cells.some((cell, index) => cell.trim() !== '' && ![...columns.values()].includes(index));
    if (extra) problems.push({ line, message: 'có ô ghi ngoài các cột của danh sách.' });
    const checked = checkUserImportCells(line, {
      displayName: cellOf('displayName'),
      username: cellOf('username'),
      email: cellOf('email'),
      role: cellOf('role'),
      localityCode: cellOf('localityCode'),
      unitName: cellOf('unitName'),
    });
    problems.push(...checked.problems);
    const username = normalizeText(cellOf('username')).toLowerCase();
    const first = username ? firstLineOf.get(username) : undefined;
    if (first !== undefined) {
      problems.push({ line, message: `tên đăng nhập ${quote(username)} trùng với dòng ${first}.` });
    } else if (username) {
      firstLineOf.set(username, line);
    }
    if (checked.row && first === undefined && !extra) rows.push(checked.row);
  }
  return { rows, problems };
};
