/**
 * The Vietnamese labels of the fields a request carries, so that an error names the field as the form
 * does ("Mật khẩu mới: …"), never by its JSON path ("newPassword: …"). `details[].field` keeps the path
 * for programs (forms place the message under the right input); `message` is for people.
 */

/** Field → label, by the last name of the path ("values.0.value" → "value"). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  displayName: 'Họ và tên',
  email: 'Thư điện tử',
  role: 'Vai trò',
  roles: 'Vai trò',
  name: 'Tên',
  nameEn: 'Tên tiếng Anh',
  code: 'Mã',
  title: 'Trích yếu',
  number: 'Số hiệu',
  year: 'Năm',
  localityId: 'Địa phương',
  localityIds: 'Địa phương',
  parentId: 'Trực thuộc',
  unitId: 'Đơn vị',
  planId: 'Kế hoạch',
  indicatorId: 'Chỉ tiêu',
  taskId: 'Nhiệm vụ',
  taskIds: 'Nhiệm vụ',
  periodId: 'Kỳ báo cáo',
  reportId: 'Báo cáo',
  leadUnitId: 'Đơn vị chủ trì',
  coordinatingUnitIds: 'Đơn vị phối hợp',
  standingAgencyUnitId: 'Cơ quan thường trực',
  catalogCode: 'Mã chỉ tiêu chuẩn',
  unit: 'Đơn vị tính',
  op: 'Phép so sánh',
  value: 'Giá trị',
  valueHigh: 'Cận trên',
  rawText: 'Chỉ tiêu in',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  direction: 'Chiều tốt',
  measure: 'Cách đo',
  baselineYear: 'Năm cơ sở',
  groupName: 'Nhóm',
  output: 'Sản phẩm đầu ra',
  deadlineText: 'Thời hạn',
  deadlineKind: 'Loại thời hạn',
  deadlineDate: 'Ngày hoàn thành',
  recurrence: 'Chu kỳ',
  issuer: 'Cơ quan ban hành',
  issuerKind: 'Loại cơ quan ban hành',
  issuedDate: 'Ngày ban hành',
  signerName: 'Người ký',
  signerPosition: 'Chức vụ người ký',
  status: 'Trạng thái',
  progress: 'Tiến độ',
  completedOn: 'Ngày hoàn thành',
  result: 'Kết quả',
  note: 'Ghi chú',
  missingReason: 'Lý do chưa có số liệu',
  reason: 'Lý do',
  returnReason: 'Lý do trả lại',
  lateReason: 'Lý do nộp muộn',
  withdrawReason: 'Lý do rút công khai',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Đề xuất, kiến nghị',
  narrative: 'Đánh giá chung',
  shortcomings: 'Tồn tại, hạn chế',
  nextSteps: 'Nhiệm vụ thời gian tới',
  revision: 'Phiên bản đang sửa',
  version: 'Phiên bản',
  from: 'Từ ngày',
  to: 'Đến ngày',
  dataFrom: 'Số liệu từ ngày',
  dataTo: 'Số liệu đến ngày',
  dueDate: 'Hạn nộp',
  periodStart: 'Ngày đầu kỳ',
  periodEnd: 'Ngày cuối kỳ',
  label: 'Tên kỳ',
  q: 'Từ khóa tìm kiếm',
  limit: 'Số dòng',
  offset: 'Vị trí',
  fileName: 'Tên tệp',
  attachments: 'Tệp đính kèm',
  paperReport: 'Bản giấy của báo cáo',
  documentNumber: 'Số văn bản',
  isDisabled: 'Khóa tài khoản',
  mustChangePassword: 'Phải đổi mật khẩu',
  level: 'Cấp',
  scope: 'Phạm vi',
  date: 'Ngày',
  references: 'Văn bản liên quan',
  reporting: 'Chế độ báo cáo',
  frequency: 'Tần suất báo cáo',
  receiver: 'Nơi nhận báo cáo',
  targets: 'Mục tiêu theo năm',
  values: 'Số liệu chỉ tiêu',
  taskUpdates: 'Tiến độ nhiệm vụ',
  comments: 'Nhận xét',
  text: 'Nội dung',
  executor: 'Người/cơ quan thực hiện',
  leader: 'Lãnh đạo phụ trách',
  evidenceHint: 'Minh chứng',
  isExternal: 'Đơn vị bên ngoài',
  kind: 'Loại',
  type: 'Loại',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
};

/** The label of a field path ("values.0.value" → "Giá trị"), or null when the field is not known. */
export const fieldLabelOf = (field: string): string | null => {
  const names = field.split('.').filter((part) => part !== '' && !/^\d+$/.test(part));
  const last = names.at(-1);
  return last !== undefined && Object.hasOwn(FIELD_LABELS, last) ? FIELD_LABELS[last]! : null;
};

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi');

/** A row of a list the path goes through: the list's name and the row, counted from 1 as people do. */
type PathRow = { list: string; row: number };

/** The rows a field path goes through ("tasks.2.targets.0.value" → tasks row 3, targets row 1). */
const rowsOf = (field: string): PathRow[] => {
  const parts = field.split('.');
  return parts.flatMap((part, at) =>
    at > 0 && /^\d+$/.test(part) ? [{ list: parts[at - 1]!, row: Number(part) + 1 }] : [],
  );
};

/** The rows inside the first one: ", Mục tiêu theo năm dòng 1" ('' when the path has one row only). */
const innerRows = (rows: PathRow[]): string =>
  rows
    .slice(1)
    .map(({ list, row }) => {
      const label = Object.hasOwn(FIELD_LABELS, list) ? FIELD_LABELS[list] : undefined;
      return `, ${label ? `${label} dòng` : 'dòng'} ${row}`;
    })
    .join('');

/** The message led by the field's label, unless the message names it already (no row number). */
const labelled = (detail: { field: string; message: string }): string => {
  const label = fieldLabelOf(detail.field);
  if (!label || fold(detail.message).includes(fold(label))) return detail.message;
  return `${label}: ${detail.message}`;
};

/** How many row numbers one sentence lists before saying how many more there are. */
const ROWS_LISTED = 10;

/** "Dòng 2, 5, 9" — the first rows, then how many more. */
const rowList = (rows: number[]): string =>
  rows.length <= ROWS_LISTED
    ? `Dòng ${rows.join(', ')}`
    : `Dòng ${rows.slice(0, ROWS_LISTED).join(', ')} và ${rows.length - ROWS_LISTED} dòng khác`;

/**
 * A detail as a person reads it: the row of a list it is on ("Dòng 4", counted from 1), then the
 * message led by the field's label when the message does not already name it ("Mật khẩu mới: Mật khẩu
 * phải có ít nhất 10 ký tự …"). A field with no label is left out rather than shown as a JSON path.
 *
 * @example readableDetail({ field: 'values.3.value', message: 'phải là một số' }) // "Dòng 4: Giá trị: phải là một số"
 */
export const readableDetail = (detail: { field: string; message: string }): string => {
  const rows = rowsOf(detail.field);
  const text = labelled(detail);
  return rows[0] ? `Dòng ${rows[0].row}${innerRows(rows)}: ${text}` : text;
};

/**
 * The details of one refusal as one message: each problem once, and the same problem on several rows
 * of a list said once with its rows ("Dòng 2, 5: Giá trị: phải là một số"), in the order first met.
 *
 * @returns the sentences joined by "; " ('' when there is no detail)
 */
export const readableDetails = (details: ReadonlyArray<{ field: string; message: string }>): string => {
  const groups = new Map<string, { rows: number[]; inner: string; text: string }>();
  for (const detail of details) {
    const rows = rowsOf(detail.field);
    const text = labelled(detail);
    const inner = innerRows(rows);
    const key = rows[0] ? `${rows[0].list}\u0000${inner}\u0000${text}` : `\u0000\u0000${text}`;
    const group = groups.get(key) ?? { rows: [], inner, text };
    if (rows[0] && !group.rows.includes(rows[0].row)) group.rows.push(rows[0].row);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ rows, inner, text }) =>
      rows.length > 0 ? `${rowList(rows.toSorted((a, b) => a - b))}${inner}: ${text}` : text,
    )
    .join('; ');
};
