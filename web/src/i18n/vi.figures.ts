/** Vietnamese strings of the figures in a unit report: typing values, missing values, late and returned reports. */
export const viFigures = {
  figures: {
    valuePlaceholder: 'Ví dụ 1.710 hoặc 12,5',
    typingHint:
      'Dấu chấm phân cách hàng nghìn, dấu phẩy cho phần thập phân: 1.710 là một nghìn bảy trăm mười; 12,5 là mười hai phẩy năm.',
    computedFrom: '= {{value}} (tính từ tử số/mẫu số)',
    fractionIncomplete: 'Cần nhập cả tử số và mẫu số (hoặc để trống cả hai).',
    missing: 'Chưa có số liệu',
    missingOf: 'Chưa có số liệu cho chỉ tiêu {{name}}',
    missingReason: 'Lý do chưa có số liệu',
    missingReasonOf: 'Lý do chưa có số liệu của chỉ tiêu {{name}}',
    missingReasonPlaceholder: 'Ví dụ: chờ số liệu của Sở, hệ thống chưa thống kê',
    missingReasonRequired: 'Hãy ghi lý do chưa có số liệu.',
    missingShown: 'Chưa có số liệu: {{reason}}',
    previous: 'Kỳ trước ({{period}}): {{value}}',
    noPrevious: 'Chưa có số liệu kỳ trước được chấp nhận',
    meets: 'Đạt mục tiêu',
    misses: 'Chưa đạt mục tiêu',
    fieldErrors: 'Có số liệu chưa đúng: xem thông báo dưới từng ô. Chưa lưu gì.',
    submitTitle: 'Nộp báo cáo',
    submitIntro: 'Sau khi nộp, báo cáo bị khóa cho đến khi được trả lại.',
    emptyTitle: 'Còn {{count}} chỉ tiêu chưa có số liệu',
    emptyHint:
      'Với mỗi chỉ tiêu, hãy quay lại nhập số liệu, hoặc chọn "Chưa có số liệu" và ghi lý do ngay dưới đây.',
    lateTitle: 'Báo cáo nộp sau hạn {{due}}',
    lateReason: 'Lý do nộp muộn',
    lateReasonRequired: 'Hãy ghi lý do nộp muộn.',
    lateShown: 'Lý do nộp muộn: {{reason}}',
    returnsTitle: 'Các lần trả lại',
    returnedAt: 'Trả lại lúc {{at}}{{by}}',
    returnComments: 'Nhận xét theo từng chỉ tiêu, nhiệm vụ (nếu có)',
    commentOf: 'Nhận xét về {{name}}',
    commentIndicator: 'Chỉ tiêu {{name}}: {{text}}',
    commentTask: 'Nhiệm vụ {{name}}: {{text}}',
    autosaving: 'Đang tự lưu…',
    autosaved: 'Đã tự lưu lúc {{at}}',
    autosaveFailed: 'Chưa tự lưu được: {{reason}}',
    restoredTitle: 'Đã khôi phục nội dung bạn nhập trên máy này',
    restoredHint:
      'Nội dung này mới hơn bản đã lưu trên máy chủ (lưu lúc {{at}}). Hãy kiểm tra rồi lưu lại, hoặc bỏ đi.',
    discardRestored: 'Bỏ bản trên máy này',
    restoredHintUnsaved: 'Báo cáo chưa được lưu lên máy chủ. Hãy kiểm tra rồi lưu lại, hoặc bỏ đi.',
    offlineTitle: 'Mất kết nối mạng: bản nháp được giữ trên máy này',
    offlineKept:
      'Những gì bạn nhập được lưu trên máy này và sẽ tự động gửi lên máy chủ khi có kết nối trở lại. Báo cáo không tự nộp: khi có mạng, hãy kiểm tra rồi bấm "Nộp báo cáo".',
    offlineHint:
      'Bạn vẫn có thể nhập: những gì bạn nhập được lưu trên máy này và sẽ tự động gửi lên máy chủ khi có kết nối trở lại.',
    strandedTitle: 'Bản nháp trên máy này chưa được gửi',
    strandedHint:
      'Bạn đã nhập trên máy này (lần cuối lúc {{at}}) nhưng chưa gửi được, và báo cáo nay không còn sửa được (đã nộp hoặc đang được xử lý), nên bản nháp sẽ không được gửi. Nếu cần điều chỉnh, hãy liên hệ cơ quan thường trực, rồi bỏ bản trên máy này.',
    offlineNotSubmitted:
      'Chưa nộp được vì không có kết nối mạng. Bản nháp được giữ trên máy này; khi có mạng, hãy bấm "Nộp báo cáo" lại.',
  },
};
