/**
 * The Excel template of a list of users to create: the header row the import reads, a sample row, the
 * locality-code column formatted as text (so "05755" keeps its leading zero) and a sheet that explains
 * each column and lists the roles by the names the import accepts.
 */
import { ROLE_LABELS, USER_IMPORT_FIELDS, USER_IMPORT_HEADERS } from '@core/domain/user-import';
import ExcelJS from 'exceljs';

const NOTES: Record<(typeof USER_IMPORT_FIELDS)[number], string> = {
  displayName: 'Bắt buộc. Họ và tên đầy đủ, có dấu.',
  username: 'Bắt buộc. 3–50 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới; không trùng.',
  email: 'Không bắt buộc.',
  role: `Bắt buộc. Một trong: ${Object.values(ROLE_LABELS).join('; ')}.`,
  localityCode: 'Bắt buộc. Mã địa phương theo danh mục (ví dụ 05755); ô định dạng văn bản.',
  unitName: 'Chỉ ghi cho vai trò Cán bộ đơn vị: tên đơn vị đúng như trong hệ thống.',
};

/** The template as .xlsx bytes. */
export const userListTemplateXlsx = async (): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Người dùng');
  sheet.columns = USER_IMPORT_FIELDS.map((field) => ({
    header: USER_IMPORT_HEADERS[field],
    key: field,
    width: field === 'displayName' || field === 'unitName' ? 34 : 22,
    ...(field === 'localityCode' ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    displayName: 'Nguyễn Thị Lan',
    username: 'lan.nguyen',
    email: 'lan.nguyen@example.gov.vn',
    role: ROLE_LABELS.unit_officer,
    localityCode: '05755',
    unitName: 'Trung tâm phục vụ hành chính công',
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'column', width: 20 },
    { header: 'Cách ghi', key: 'note', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const field of USER_IMPORT_FIELDS)
    help.addRow({ column: USER_IMPORT_HEADERS[field], note: NOTES[field] });
  help.addRow({});
  help.addRow({
    column: 'Lưu ý',
    note: 'Xóa dòng ví dụ trước khi gửi. Chỉ trang tính đầu tiên được đọc. Nếu có dòng sai, hệ thống chưa tạo ai và chỉ rõ từng dòng.',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
