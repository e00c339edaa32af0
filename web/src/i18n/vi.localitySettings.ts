/** Vietnamese strings of a locality's settings and of adding a commune (the units page, administrators). */
export const viLocalitySettings = {
  localitySettings: {
    title: 'Thiết lập địa phương',
    hint: 'Ngưỡng điểm xếp loại của địa phương: từ ngưỡng Xanh trở lên là Xanh, từ ngưỡng Vàng đến dưới ngưỡng Xanh là Vàng, dưới ngưỡng Vàng là Đỏ. Để trống để dùng ngưỡng chung (Xanh 80, Vàng 50). Tên, mã và loại địa phương thay đổi theo quyết định có ngày hiệu lực, không sửa tại đây.',
    nameEn: 'Tên tiếng Anh',
    scoreGreen: 'Ngưỡng Xanh (điểm)',
    scoreYellow: 'Ngưỡng Vàng (điểm)',
    defaultPlaceholder: 'Mặc định {{value}}',
    save: 'Lưu thiết lập',
    saved: 'Đã lưu thiết lập của địa phương.',
    addCommune: 'Thêm xã, phường, đặc khu',
    addCommuneHint: 'Chỉ dùng cho đơn vị chưa có trong danh mục hành chính quốc gia đã nạp.',
    code: 'Mã đơn vị hành chính',
    name: 'Tên',
    kind: 'Loại',
    create: 'Thêm',
    created: 'Đã thêm {{name}}.',
  },
};
