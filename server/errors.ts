/**
 * One error type for the whole server. Domain code throws `new AppError('PLAN_NOT_FOUND')`; the HTTP
 * status is decided here, in one table, and the message is Vietnamese for the person who will read it.
 */
import { readableDetails } from './http/field-labels';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  BAD_URL: 400,
  INVALID_VALUE: 400,
  UNKNOWN_REFERENCE: 400,
  UNKNOWN_UNIT: 400,
  UNIT_OF_OTHER_LOCALITY: 400,
  UNKNOWN_LOCALITY: 400,
  UNKNOWN_CATALOG_CODE: 400,
  UNKNOWN_PLAN_REFERENCE: 400,
  BODY_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  HEADER_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_REFUSED: 415,
  PERIOD_NOT_FOUND: 404,
  REPORT_NOT_FOUND: 404,
  ATTACHMENT_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  REPORT_CHANGED: 409,
  CONCURRENT_WRITE: 409,
  REPORT_NOT_APPROVED: 409,
  PACKAGE_INVALID: 422,
  DHIS2_UNSUPPORTED: 422,
  UNREADABLE_DOCUMENT: 422,
  TEMPLATE_INVALID: 422,
  PDF_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
  DATABASE_UNAVAILABLE: 503,
  STORAGE_FULL: 507,
  REPORT_LOCKED: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WEAK_PASSWORD: 400,
  WRONG_CURRENT_PASSWORD: 400,
  UNIT_REQUIRED_FOR_ROLE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  DEMO_ACCOUNT_REFUSED: 403,
  LOGIN_THROTTLED: 429,
  USER_NOT_FOUND: 404,
  ROLE_ASSIGNMENT_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  PLAN_NOT_FOUND: 404,
  INDICATOR_NOT_FOUND: 404,
  TARGET_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  LOCALITY_NOT_FOUND: 404,
  CATALOG_ENTRY_NOT_FOUND: 404,
  IMPORT_JOB_NOT_FOUND: 404,
  UNIT_NAME_TAKEN: 409,
  LOCALITY_CODE_TAKEN: 409,
  UNIT_IN_USE: 409,
  STILL_REFERENCED: 409,
  DUPLICATE: 409,
  PLAN_NUMBER_TAKEN: 409,
  PLAN_HAS_REPORTS: 409,
  LOCALITY_CONFIRMATION_REQUIRED: 409,
  INDICATOR_HAS_REPORTS: 409,
  TASK_HAS_REPORTS: 409,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên không hợp lệ.',
  INVALID_JSON: 'Nội dung gửi lên không phải JSON hợp lệ.',
  BAD_REQUEST: 'Yêu cầu gửi lên không hợp lệ.',
  BAD_URL: 'Đường dẫn không hợp lệ: có ký tự được mã hóa sai (dấu %).',
  INVALID_VALUE:
    'Dữ liệu gửi lên có giá trị không lưu được (quá lớn, sai định dạng hoặc có ký tự không hợp lệ).',
  UNKNOWN_REFERENCE: 'Dữ liệu được chọn không tồn tại.',
  UNKNOWN_UNIT: 'Đơn vị được chọn không tồn tại.',
  UNIT_OF_OTHER_LOCALITY: 'Đơn vị được chọn không thuộc địa phương của kế hoạch.',
  UNKNOWN_LOCALITY: 'Địa phương được chọn không tồn tại.',
  UNKNOWN_CATALOG_CODE: 'Mã chỉ tiêu chuẩn không có trong danh mục.',
  UNKNOWN_PLAN_REFERENCE: 'Kế hoạch được liên kết không tồn tại.',
  BODY_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  URI_TOO_LONG: 'Đường dẫn quá dài.',
  HEADER_TOO_LARGE: 'Phần đầu (header) của yêu cầu quá lớn. Hãy xóa cookie của trang rồi thử lại.',
  REQUEST_TIMEOUT: 'Yêu cầu gửi lên quá chậm nên máy chủ đã ngừng chờ. Vui lòng thử lại.',
  METHOD_NOT_ALLOWED: 'Chức năng này không nhận phương thức gửi này.',
  NOT_ACCEPTABLE: 'Máy chủ không trả được nội dung theo định dạng được yêu cầu.',
  FILE_TOO_LARGE: 'Tệp quá lớn: mỗi tệp minh chứng tối đa 10 MB.',
  FILE_TYPE_REFUSED:
    'Loại tệp không được nhận. Minh chứng phải là PDF, ảnh PNG/JPEG, Word (.docx) hoặc Excel (.xlsx).',
  PERIOD_NOT_FOUND: 'Không tìm thấy kỳ báo cáo.',
  REPORT_NOT_FOUND: 'Không tìm thấy báo cáo.',
  ATTACHMENT_NOT_FOUND: 'Không tìm thấy tệp minh chứng.',
  NOTIFICATION_NOT_FOUND: 'Không tìm thấy thông báo.',
  REPORT_CHANGED: 'Báo cáo vừa được người khác cập nhật. Hãy tải lại rồi lưu lại.',
  CONCURRENT_WRITE:
    'Dữ liệu này đang được người khác cập nhật cùng lúc nên thay đổi của bạn chưa được lưu. Vui lòng thử lại.',
  REPORT_NOT_APPROVED: 'Báo cáo tổng hợp của kỳ chưa được lãnh đạo phê duyệt.',
  PACKAGE_INVALID: 'Gói báo cáo gửi lên không hợp lệ.',
  DHIS2_UNSUPPORTED: 'Số liệu của báo cáo này không viết được theo định dạng DHIS2.',
  UNREADABLE_DOCUMENT: 'Không đọc được văn bản kế hoạch từ tệp này.',
  TEMPLATE_INVALID: 'Biểu mẫu có ô không hợp lệ, chưa lưu số liệu nào.',
  PDF_UNAVAILABLE:
    'Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF. Hãy tải bản Word (.docx) hoặc báo quản trị viên cài LibreOffice.',
  SERVER_BUSY: 'Máy chủ đang bận. Vui lòng thử lại sau ít phút.',
  DATABASE_UNAVAILABLE:
    'Máy chủ tạm thời không kết nối được cơ sở dữ liệu. Dữ liệu chưa được thay đổi; vui lòng thử lại sau ít phút.',
  STORAGE_FULL:
    'Máy chủ hết dung lượng lưu trữ nên chưa lưu được tệp. Dữ liệu chưa được thay đổi; vui lòng báo quản trị viên giải phóng dung lượng rồi thử lại.',
  REPORT_LOCKED: 'Báo cáo đang ở trạng thái không sửa được.',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng nội dung gửi lên không được hỗ trợ (cần application/json).',
  WEAK_PASSWORD: 'Mật khẩu chưa đạt yêu cầu.',
  WRONG_CURRENT_PASSWORD: 'Mật khẩu hiện tại không đúng.',
  UNIT_REQUIRED_FOR_ROLE: 'Vai trò cán bộ đơn vị phải gắn với một đơn vị của địa phương.',
  UNAUTHENTICATED: 'Vui lòng đăng nhập.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  FORBIDDEN: 'Bạn không có quyền thực hiện việc này.',
  CSRF_FAILED: 'Phiên làm việc không hợp lệ cho thao tác này. Vui lòng tải lại trang.',
  PASSWORD_CHANGE_REQUIRED: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
  DEMO_ACCOUNT_REFUSED: 'Tài khoản trình diễn không được dùng khi hệ thống chạy chính thức.',
  LOGIN_THROTTLED: 'Đăng nhập sai quá nhiều lần. Vui lòng đợi một lúc rồi thử lại.',
  USER_NOT_FOUND: 'Không tìm thấy người dùng.',
  ROLE_ASSIGNMENT_NOT_FOUND: 'Không tìm thấy vai trò này của người dùng.',
  USERNAME_TAKEN: 'Tên đăng nhập đã được dùng.',
  NOT_FOUND: 'Không tìm thấy.',
  ROUTE_NOT_FOUND: 'Không có chức năng này.',
  PLAN_NOT_FOUND: 'Không tìm thấy kế hoạch.',
  INDICATOR_NOT_FOUND: 'Không tìm thấy chỉ tiêu.',
  TARGET_NOT_FOUND: 'Chỉ tiêu không có mục tiêu cho năm này.',
  TASK_NOT_FOUND: 'Không tìm thấy nhiệm vụ.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị.',
  LOCALITY_NOT_FOUND: 'Không tìm thấy địa phương.',
  CATALOG_ENTRY_NOT_FOUND: 'Không tìm thấy chỉ tiêu chuẩn.',
  IMPORT_JOB_NOT_FOUND: 'Không tìm thấy lượt đọc văn bản (đã quá một ngày hoặc không phải của bạn).',
  UNIT_NAME_TAKEN: 'Địa phương đã có đơn vị cùng tên.',
  LOCALITY_CODE_TAKEN: 'Mã địa phương đã được dùng.',
  UNIT_IN_USE: 'Đơn vị đang được giao chỉ tiêu hoặc nhiệm vụ nên không xóa được.',
  STILL_REFERENCED: 'Dữ liệu này đang được dùng ở nơi khác nên không xóa được.',
  DUPLICATE: 'Dữ liệu trùng với một bản ghi đã có.',
  PLAN_NUMBER_TAKEN: 'Địa phương đã có một kế hoạch mang số hiệu này.',
  PLAN_HAS_REPORTS:
    'Kế hoạch đã có báo cáo của các đơn vị nên không xóa được. Nếu kế hoạch không còn hiệu lực, hãy chuyển trạng thái sang "Đã kết thúc".',
  LOCALITY_CONFIRMATION_REQUIRED:
    'Văn bản không ghi địa phương được chọn: hãy xác nhận lưu kế hoạch vào địa phương này.',
  INDICATOR_HAS_REPORTS:
    'Chỉ tiêu đã có số liệu trong báo cáo của đơn vị nên không xóa được; xóa sẽ làm mất số liệu đã báo cáo. Hãy sửa chỉ tiêu thay vì xóa.',
  TASK_HAS_REPORTS:
    'Nhiệm vụ đã có kết quả trong báo cáo của đơn vị nên không xóa được; xóa sẽ làm mất kết quả đã báo cáo. Hãy sửa nhiệm vụ thay vì xóa.',
  INTERNAL: 'Máy chủ gặp lỗi. Dữ liệu chưa được thay đổi; vui lòng thử lại hoặc báo quản trị viên.',
};

export type ErrorDetail = { field: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: ErrorDetail[];
  /** Response headers that go with the error, e.g. Retry-After of a throttled sign-in. */
  readonly headers?: Record<string, string>;

  constructor(
    code: AppErrorCode,
    options: {
      message?: string;
      details?: ErrorDetail[];
      cause?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    // With field details and no explicit message, the message names the fields by their labels, so a
    // client that shows only `message` still tells the person which field is wrong.
    const fields = options.details && readableDetails(options.details);
    // A detail that only repeats the default message ("Kế hoạch được liên kết không tồn tại") is said once.
    const repeats = fields !== undefined && DEFAULT_MESSAGES[code].startsWith(fields);
    super(
      options.message ??
        (fields && !repeats ? `${DEFAULT_MESSAGES[code]} ${fields}` : DEFAULT_MESSAGES[code]),
      {
        cause: options.cause,
      },
    );
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The body every failing request returns (STYLE.md §11). */
  toBody() {
    return {
      ok: false as const,
      error: this.code.toLowerCase(),
      status: this.status,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}
