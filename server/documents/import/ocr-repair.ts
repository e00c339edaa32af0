/**
 * Restores Vietnamese diacritics in text damaged by OCR ("Ty 1€ phu song 5G trén dia ban" →
 * "Tỷ lệ phủ sóng 5G trên địa bàn"), from a vocabulary of phrases Vietnamese plans use: generic
 * administrative and digital-transformation wording, plus the names and aliases of the standard
 * indicator catalog. Longer phrases win over single words, so "van hoa" becomes "văn hóa" while
 * "van ban" becomes "văn bản". A word that is not in the vocabulary is kept as printed.
 */
import catalog from '../../modules/catalog/standard-indicators.json' with { type: 'json' };
import { foldOcr } from './structure';

/** Generic wording of commune-level plans (not taken from any particular plan). */
const GENERIC_PHRASES = [
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Mặt trận Tổ quốc',
  'các đoàn thể',
  'đoàn thể',
  'tổ dân phố',
  'thôn, xóm',
  'Phòng Văn hóa - Xã hội',
  'Phòng Kinh tế',
  'Phòng Kinh tế, Hạ tầng và Đô thị',
  'Văn phòng HĐND và UBND',
  'Trung tâm Phục vụ hành chính công',
  'Công an xã',
  'Công an phường',
  'Trạm y tế',
  'Ban giám hiệu',
  'công chức phụ trách lĩnh vực',
  'cán bộ, công chức, viên chức',
  'người dân',
  'doanh nghiệp',
  'hợp tác xã',
  'hộ kinh doanh',
  'cơ quan, đơn vị',
  'các phòng, ban',
  'trên địa bàn',
  'địa phương',
  'chính quyền',
  'kế hoạch',
  'nhiệm vụ',
  'giải pháp',
  'mục tiêu',
  'chỉ tiêu',
  'tổ chức thực hiện',
  'thời gian hoàn thành',
  'thường xuyên',
  'hằng năm',
  'hàng năm',
  'hàng quý',
  'theo yêu cầu',
  'theo lộ trình',
  'phụ lục',
  'triển khai',
  'tuyên truyền',
  'vận động',
  'hướng dẫn',
  'kiểm tra',
  'giám sát',
  'đôn đốc',
  'báo cáo',
  'rà soát',
  'xây dựng',
  'phát triển',
  'nâng cao',
  'tăng cường',
  'đẩy mạnh',
  'thúc đẩy',
  'hỗ trợ',
  'đào tạo',
  'bồi dưỡng',
  'tập huấn',
  'kỹ năng số',
  'chuyển đổi số',
  'khoa học, công nghệ',
  'đổi mới sáng tạo',
  'hạ tầng',
  'hạ tầng số',
  'dữ liệu',
  'cơ sở dữ liệu',
  'nền tảng số',
  'chính quyền số',
  'kinh tế số',
  'xã hội số',
  'công dân số',
  'dịch vụ công trực tuyến',
  'thủ tục hành chính',
  'hồ sơ',
  'trực tuyến',
  'toàn trình',
  'một phần',
  'số hóa',
  'chữ ký số',
  'chứng thư số',
  'định danh điện tử',
  'tài khoản',
  'thanh toán không dùng tiền mặt',
  'thương mại điện tử',
  'an toàn thông tin',
  'an ninh mạng',
  'phủ sóng',
  'băng rộng cố định',
  'di động',
  'cáp quang',
  'nhà văn hóa',
  'kết nối',
  'Internet',
  'trí tuệ nhân tạo',
  'đô thị thông minh',
  'giáo dục',
  'y tế',
  'bảo hiểm',
  'giao thông',
  'môi trường',
  'tỷ lệ',
  'tỷ trọng',
  'số lượng',
  'đạt',
  'trên',
  'dưới',
  'tối thiểu',
  'duy trì',
  'phấn đấu',
  'trở lên',
  'mức độ',
  'đánh giá',
  'cơ sở giáo dục',
  'mầm non',
  'phổ thông',
  'học sinh',
  'giáo viên',
  'học bạ số',
  'sổ sách',
  'sổ điểm',
  'phần mềm',
  'quản trị',
  'điều hành',
  'quản lý',
  'lãnh đạo',
  'văn bản',
  'xử lý',
  'ứng dụng',
  'công nghệ số',
  'công nghệ thông tin',
  'nghiên cứu',
  'sản xuất',
  'kinh doanh',
  'ngân sách',
  'nhà nước',
  'kinh phí',
  'xã hội hóa',
  'của',
  'và',
  'với',
  'cho',
  'các',
  'được',
  'có',
  'trong',
  'theo',
  'để',
  'về',
  'từ',
  'đến',
  'năm',
  'quý',
  'tháng',
  'ngày',
  'số',
  'thực hiện',
  'trưởng thành',
  'dân số',
  'UBND phường',
  'UBND xã',
  'của phường',
  'trên địa bàn phường',
  'tiếp cận',
  'dịch vụ số',
  'phi địa giới hành chính',
  'phi tiếp xúc',
  'giao dịch',
  'liên quan',
  'đủ điều kiện',
];

type Vocabulary = Map<string, Map<string, number>>;

const addPhrase = (vocabulary: Vocabulary, phrase: string) => {
  const words = phrase
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\d%]+|[^\p{L}\d%]+$/gu, ''))
    .filter(Boolean);
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const accented = words.slice(i, i + n).join(' ');
      const key = foldOcr(accented);
      if (!key || key === accented.toLowerCase()) continue;
      const variants = vocabulary.get(key) ?? new Map<string, number>();
      variants.set(accented.toLowerCase(), (variants.get(accented.toLowerCase()) ?? 0) + 1);
      vocabulary.set(key, variants);
    }
  }
};

const buildVocabulary = (): Vocabulary => {
  const vocabulary: Vocabulary = new Map();
  for (const phrase of GENERIC_PHRASES) addPhrase(vocabulary, phrase);
  for (const entry of catalog as Array<{ name: string; aliases?: string[] }>) {
    addPhrase(vocabulary, entry.name);
    for (const alias of entry.aliases ?? []) addPhrase(vocabulary, alias);
  }
  return vocabulary;
};

const VOCABULARY = buildVocabulary();

const best = (variants: Map<string, number> | undefined): string | null =>
  variants ? ([...variants.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null) : null;

const matchCase = (source: string, target: string): string =>
  /^\p{Lu}/u.test(source) ? target.charAt(0).toLocaleUpperCase('vi') + target.slice(1) : target;

/** The result of a repair: the text, and the share of words the vocabulary recognised. */
export type Repair = { text: string; coverage: number };

/**
 * Restores diacritics word by word, preferring the longest phrase of the vocabulary.
 *
 * @param text - OCR'd text
 * @returns the repaired text and how much of it was recognised (0…1)
 */
export const repairText = (text: string): Repair => {
  const tokens = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let recognised = 0;
  let i = 0;
  while (i < tokens.length) {
    let done = false;
    for (let n = 3; n >= 1 && !done; n--) {
      if (i + n > tokens.length) continue;
      const slice = tokens.slice(i, i + n);
      const inner = slice.map((token) => token.replace(/^[^\p{L}\d%$¢€]+|[^\p{L}\d%$¢€]+$/gu, ''));
      if (inner.some((word) => !word)) continue;
      const key = foldOcr(inner.join(' '));
      const found = best(VOCABULARY.get(key));
      if (!found) continue;
      const words = found.split(' ');
      if (words.length !== n) continue;
      slice.forEach((token, k) => {
        const word = inner[k] ?? '';
        const start = token.indexOf(word.charAt(0));
        const prefix = start > 0 ? token.slice(0, start) : '';
        const suffix = token.slice(start + word.length);
        const restored = words[k] ?? word;
        const kept = restored === word.toLowerCase() ? word : matchCase(word, restored);
        out.push(`${prefix}${kept}${suffix}`);
      });
      recognised += n;
      i += n;
      done = true;
    }
    if (!done) {
      out.push(tokens[i] ?? '');
      i++;
    }
  }
  return { text: out.join(' '), coverage: tokens.length ? recognised / tokens.length : 0 };
};
