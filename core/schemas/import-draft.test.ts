import { describe, expect, it } from 'vitest';
import { EXTERNAL_UNIT_NAME, suggestUnit } from './import-draft';

const UNITS = [
  { id: 'vhxh', name: 'Phòng Văn hóa - Xã hội' },
  { id: 'kt', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  { id: 'hcc', name: 'Trung tâm phục vụ hành chính công' },
  { id: 'ca', name: 'Công an xã' },
  { id: 'tcns', name: 'Tổ công nghệ số cộng đồng' },
];

describe('suggestUnit', () => {
  it.each([
    ['Phòng Văn hóa - Xã hội', 'vhxh'],
    ['phòng Văn hóa – Xã hội', 'vhxh'],
    ['Phong van hoa xa hoi', 'vhxh'],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', 'kt'],
    ['Trung tâm HCC', 'hcc'],
    ['Trung tâm Phục vụ Hành chính công xã', 'hcc'],
    ['Tổ CNS cộng đồng', 'tcns'],
    ['Công an', 'ca'],
  ])('%s → %s', (name, id) => {
    expect(suggestUnit(name, UNITS)?.id).toBe(id);
  });

  it.each([
    'Doanh nghiệp viễn thông',
    'Các phòng chuyên môn',
    'MTTQ và các đoàn thể của phường; phòng Văn hóa – Xã hội; phòng Kinh tế, Hạ tầng và Đô thị',
    'Phòng',
  ])('%s → none', (name) => {
    expect(suggestUnit(name, UNITS)).toBeNull();
  });
});

describe('EXTERNAL_UNIT_NAME', () => {
  it.each([
    ['Doanh nghiệp viễn thông', true],
    ['Các doanh nghiệp trên địa bàn', true],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', false],
  ])('%s → %s', (name, external) => {
    expect(EXTERNAL_UNIT_NAME.test(name)).toBe(external);
  });
});
