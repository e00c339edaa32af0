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

/**
 * A detail as a person reads it: the message, led by the field's label when the message does not
 * already name it ("Mật khẩu mới: Mật khẩu phải có ít nhất 10 ký tự …"). A field with no label is
 * left out rather than shown as a JSON path.
 */
export const readableDetail = (detail: { field: string; message: string }): string => {
  const label = fieldLabelOf(detail.field);
  if (!label || fold(detail.message).includes(fold(label))) return detail.message;
  return `${label}: ${detail.message}`;
};
