/** Vietnamese texts of the administration pages: users imported from a list. */
export const viAdmin = {
  userImport: {
    title: 'Nhập người dùng từ danh sách',
    open: 'Nhập từ danh sách',
    intro:
      'Gửi danh sách người dùng dạng Excel (.xlsx) hoặc CSV UTF-8 với các cột: Họ và tên, Tên đăng nhập, Thư điện tử, Vai trò, Mã địa phương, Tên đơn vị. Hệ thống kiểm tra từng dòng trước; chưa tạo ai cho đến khi mọi dòng đều đúng.',
    template: 'Tải biểu mẫu Excel',
    pick: 'Chọn tệp danh sách',
    reading: 'Đang đọc danh sách…',
    backToUsers: 'Về trang Người dùng',
    problemsTitle: 'Danh sách có {{count}} lỗi; chưa tạo người dùng nào. Hãy sửa tệp rồi gửi lại.',
    readyTitle: 'Mọi dòng đều đúng: {{count}} người dùng sẵn sàng để tạo.',
    fileName: 'Tệp: {{name}}',
    line: 'Dòng',
    displayName: 'Họ và tên',
    username: 'Tên đăng nhập',
    email: 'Thư điện tử',
    role: 'Vai trò',
    locality: 'Địa phương',
    unit: 'Đơn vị',
    password: 'Mật khẩu ban đầu',
    create: 'Tạo {{count}} người dùng',
    createConfirm: 'Tạo {{count}} tài khoản trong một lần?',
    createdTitle: 'Đã tạo {{count}} người dùng.',
    createdHint:
      'Mật khẩu ban đầu chỉ hiện một lần, ngay bây giờ. Hãy tải danh sách mật khẩu và trao cho từng người; họ phải đổi mật khẩu khi đăng nhập lần đầu.',
    downloadPasswords: 'Tải danh sách mật khẩu (CSV)',
    another: 'Nhập danh sách khác',
    tooLarge: 'Tệp quá lớn: danh sách người dùng tối đa 2 MB.',
  },
} as const;
