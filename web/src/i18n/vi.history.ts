/** Vietnamese strings of the localities' history (former units of 1/7/2025, "as of" a date). */
export const viLocalityHistory = {
  localityHistory: {
    formedFrom: 'Hình thành từ: {{names}}',
    part: '{{name}} (một phần)',
    former: 'Đơn vị cũ, đến {{date}}',
    formerHint:
      'Đơn vị hành chính trước sắp xếp; kế hoạch, báo cáo của đơn vị này được tính vào đơn vị kế thừa từ ngày sắp xếp.',
    asOf: 'Tính đến ngày',
    asOfPlaceholder: 'Hôm nay',
    asOfHint:
      'Xem các địa phương và số liệu tại một ngày: trước 01/07/2025 là các xã, phường, thị trấn cũ; sau đó kế hoạch của đơn vị cũ được tính vào đơn vị kế thừa.',
  },
};
