/** Vietnamese strings of the overview's map ("Bản đồ xếp loại"). */
export const viLocalityMap = {
  localityMap: {
    title: 'Bản đồ xếp loại',
    hintProvince:
      'Mỗi xã, phường được tô theo xếp loại trong bảng xếp hạng. Di chuột hoặc chạm để xem tên, xếp loại và điểm; bấm vào xã, phường có kế hoạch để mở bảng điều hành.',
    hintNation:
      'Mỗi tỉnh, thành phố được tô theo xếp loại tính trên các xã, phường của mình. Bấm vào một tỉnh, thành phố để mở tổng quan của tỉnh đó.',
    loading: 'Đang tải bản đồ…',
    legend: 'Chú giải bản đồ',
    categories: {
      green: 'Xanh',
      yellow: 'Vàng',
      red: 'Đỏ',
      pending_review: 'Chờ duyệt',
      not_evaluated: 'Chưa đánh giá',
      filtered_out: 'Ngoài bộ lọc',
      no_unit: 'Không có trong danh sách',
    },
    aria: 'Bản đồ xếp loại {{count}} địa phương của {{locality}}: {{counts}}. Bảng xếp hạng bên dưới có cùng các địa phương và mở được từng nơi bằng bàn phím.',
    score: 'Điểm {{score}}',
    openCommune: 'Bấm để mở bảng điều hành',
    openProvince: 'Bấm để mở tổng quan tỉnh, thành phố',
    noPlan: 'Chưa có kế hoạch đang thực hiện',
    provinceWord: 'Tỉnh, thành phố',
    communeWord: 'Xã, phường',
    withoutBoundary: 'Chưa có ranh giới nên không vẽ trên bản đồ ({{count}}): {{names}}',
    withoutUnit: 'Có ranh giới nhưng không có trong danh sách địa phương ({{count}}): {{names}}',
    loadError: 'Chưa tải được ranh giới để vẽ bản đồ: {{message}} Bảng xếp hạng bên dưới vẫn đầy đủ.',
    source:
      'Ranh giới giản lược từ bản đồ sắp xếp đơn vị hành chính năm 2025 (bộ dữ liệu vietnamese-provinces-database, giấy phép MIT); chỉ để minh họa, không dùng để xác định địa giới.',
  },
};
