import { foldText } from '@core/domain/text';
import { describe, expect, it } from 'vitest';
import { CONFIDENT_MATCH, matchCatalog } from './catalog-matcher';
import { repairText } from './ocr-repair';

describe('matchCatalog', () => {
  it.each([
    ['Tỷ lệ phủ sóng 5G trên địa bàn', 'HT.DI_DONG.PHU_SONG_5G'],
    ['ty le phu song 5g tren dia ban', 'HT.DI_DONG.PHU_SONG_5G'],
    ['Hồ sơ TTHC xử lý trực tuyến', 'CDS.TTHC.HO_SO_TRUC_TUYEN'],
    ['Người dân có tài khoản định danh điện tử', 'CDS.XHS.TAI_KHOAN_DINH_DANH_DIEN_TU'],
  ])('%s → %s', (name, code) => {
    const match = matchCatalog(name);
    expect(match?.code).toBe(code);
    expect(match?.score ?? 0).toBeGreaterThanOrEqual(CONFIDENT_MATCH);
  });

  it('finds nothing confident for an indicator outside the catalog', () => {
    const match = matchCatalog('Số km đường giao thông nông thôn được cứng hóa');
    expect(match == null || match.score < CONFIDENT_MATCH).toBe(true);
  });
});

describe('repairText', () => {
  it.each([
    ['Ty 1€ phu song 5G trén dia ban', 'Tỷ lệ phủ sóng 5G trên địa bàn'],
    ['Phong Van hoa - Xa hoi', 'Phòng Văn hóa - Xã hội'],
    ['ho so thu tuc hanh chinh', 'hồ sơ thủ tục hành chính'],
  ])('%s → %s', (text, expected) => {
    expect(repairText(text).text).toBe(expected);
  });

  it.each([
    ['MTTQ va cac doan thé ciia phuong', 'mttq va cac doan the cua phuong'],
    ['Hd trg cac trudng', 'ho tro cac truong'],
    ['Thành 1ap to cong nghe so', 'thanh lap to cong nghe so'],
  ])('repairs OCR-garbled words: %s', (text, folded) => {
    expect(foldText(repairText(text).text)).toBe(folded);
  });

  it('keeps words it does not know', () => {
    expect(repairText('xyzzy Internet').text).toBe('xyzzy Internet');
  });
});
