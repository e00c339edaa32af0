/** Vietnamese strings of the exchange with the levels above (packages received from the communes). */
export const viExchange = {
  exchange: {
    title: 'Gói báo cáo nhận từ xã, phường',
    hint: 'Số liệu các xã, phường gửi lên bằng gói báo cáo (.zip) tải từ trang báo cáo tổng hợp đã phê duyệt của xã. Gói được kiểm tra mã SHA-256; gửi lại cùng một gói không làm thay đổi gì.',
    upload: 'Nhận gói báo cáo (.zip)',
    tooLarge: 'Tệp quá lớn: gói báo cáo tối đa 20 MB.',
    empty: 'Chưa nhận gói báo cáo nào',
    locality: 'Xã, phường',
    period: 'Kỳ báo cáo',
    periodVersion: '{{period}} (phiên bản {{version}})',
    plan: 'Kế hoạch',
    approvedOn: 'Ngày phê duyệt',
    score: 'Điểm',
    receivedAt: 'Nhận lúc',
    code: 'Mã chỉ tiêu',
    planCode: 'Mã riêng của kế hoạch',
    indicator: 'Chỉ tiêu',
    target: 'Mục tiêu',
    value: 'Kết quả',
    status: 'Tình trạng',
  },
};
