/**
 * Vietnamese strings of giving tasks a lead unit, entering a unit's report on its behalf ("nhập thay")
 * and signing in again when the session expired.
 */
export const viOwners = {
  taskAssignment: {
    unassignedWarning: '{{count}} nhiệm vụ chưa có đơn vị chủ trì',
    unassignedHint:
      'Nhiệm vụ chưa có đơn vị chủ trì thì không đơn vị nào báo cáo, nên luôn ở trạng thái "Chưa thực hiện".',
    assignLink: 'Giao đơn vị chủ trì',
    showUnassigned: 'Chỉ hiện nhiệm vụ chưa có đơn vị chủ trì',
    assignSelected: 'Giao đơn vị chủ trì ({{count}})',
    assignGroup: 'Giao cả nhóm',
    assignGroupLabel: 'Giao đơn vị chủ trì cho cả nhóm {{name}}',
    selectLabel: 'Chọn nhiệm vụ {{name}}',
    title: 'Giao đơn vị chủ trì cho {{count}} nhiệm vụ',
    leadUnit: 'Đơn vị chủ trì',
    leadUnitRequired: 'Hãy chọn đơn vị chủ trì',
    coordinatingUnits: 'Đơn vị phối hợp',
    keepCoordinating: 'Giữ nguyên đơn vị phối hợp của từng nhiệm vụ',
    replaceCoordinating: 'Đặt cùng đơn vị phối hợp cho các nhiệm vụ đã chọn',
    submit: 'Giao',
    alreadyLed: '{{count}} nhiệm vụ đã có đơn vị chủ trì khác sẽ được chuyển sang đơn vị này.',
    reportHint:
      'Từ nay đơn vị chủ trì sẽ báo cáo tiến độ các nhiệm vụ này trong báo cáo của mình; nhiệm vụ "Hằng năm", "Thường xuyên" được cập nhật mỗi kỳ.',
    done: 'Đã giao {{changed}} nhiệm vụ cho {{unit}}',
  },
  onBehalf: {
    action: 'Nhập thay',
    actionLabel: 'Nhập thay báo cáo của {{unit}}',
    confirmTitle: 'Nhập thay báo cáo của {{unit}}?',
    confirmText:
      'Dùng khi đơn vị chưa có tài khoản và đã gửi báo cáo giấy có chữ ký. Bạn nhập số liệu theo báo cáo giấy, đính kèm bản chụp rồi nộp thay; báo cáo ghi rõ ai nhập thay.',
    banner: 'Nhập thay bởi {{by}} cho {{unit}}',
    bannerWithUnit: 'Nhập thay bởi {{by}} ({{byUnit}}) cho {{unit}}',
    bannerHint:
      'Số liệu được nhập theo báo cáo giấy của đơn vị; bản chụp báo cáo giấy phải được đính kèm trước khi nộp.',
    paperScan: 'Bản chụp báo cáo giấy',
    uploadPaperScan: 'Đính kèm bản chụp báo cáo giấy',
    paperScanMissing: 'Chưa có bản chụp báo cáo giấy.',
  },
  session: {
    expiredTitle: 'Phiên đăng nhập đã hết hạn',
    expiredText: 'Phiên đăng nhập đã hết hạn. Nhập lại mật khẩu để tiếp tục.',
    keptHint: 'Nội dung bạn đang nhập vẫn còn trên màn hình và sẽ được gửi lại sau khi đăng nhập.',
    password: 'Mật khẩu',
    passwordRequired: 'Hãy nhập mật khẩu',
    continue: 'Tiếp tục',
    otherUser: 'Đăng nhập bằng tài khoản khác',
  },
} as const;
