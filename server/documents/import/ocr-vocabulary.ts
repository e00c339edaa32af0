/**
 * The vocabulary OCR repair restores diacritics from: phrases Vietnamese plans use (generic administrative
 * and digital-transformation wording, plus the names and aliases of the standard indicator catalog) folded
 * to their unaccented keys, with their phrases of one to three words, their single words and the pairs of
 * words that follow each other. Built once when the module loads; used by ocr-repair.ts.
 */
import { STANDARD_CATALOG as catalog } from '@core/catalog/standard-catalog';
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

/**
 * Common words of Vietnamese administrative writing, one by one: lets the word-level repair pick
 * the right word when OCR garbled a vowel ("cta" → "của", "hd trg" → "hỗ trợ", "tfing" → "tầng").
 */
const GENERIC_WORDS = `của cho các có không những được đã sẽ đang với từ tới đến từng mỗi mọi trên dưới
  trong ngoài giữa sau trước theo về vào ra lên xuống để nhằm bảo đảm đảm bảo hỗ trợ ưu tiên bố trí
  nguồn vốn dự án đầu tư kêu gọi tìm kiếm tham mưu trọng điểm thành lập lập hoạt động hiệu quả cộng
  đồng ngõ gõ nhà cài đặt sử dụng hướng dẫn nộp hồ sơ qua bưu chính công ích lưu trữ điện tử thống
  nhất thông suốt vận hành thành phố tỉnh huyện xã phường thôn xóm bản ấp tổ dân phố người dân cấp
  trên nâng cấp thiết bị dạy học trường lớp bồi dưỡng kỹ năng buổi tư vấn nhỏ vừa lớn bán hàng hóa
  đơn thương mại kết nối doanh nghiệp chương trình viện nghiên cứu hợp tác đổi mới sáng tạo cơ chế
  ưu đãi nếu gặp gỡ hội nghị cung cầu tạo điều kiện chứng thư cá nhân công việc lãnh đạo giám sát
  văn bản ký số xử lý lắp đặt cáp quang tốc độ cao gói cước sang chuyển đổi mạng trạm phát sóng
  làm việc nhà mạng lộ trình cơ sở hạ tầng văn hóa thể thao truyền thông truyền hình thông tin
  phạm vi chức năng nhiệm vụ kênh ngành cơ quan đơn vị cụ thể căn cứ chủ trì phối hợp tài chính kế
  toán y tế giáo dục đào tạo nông nghiệp môi trường tài nguyên an ninh trật tự quân sự tư pháp hộ
  tịch camera thông minh chất lượng không khí nước phân tích ra quyết định dùng chung thí điểm
  tiên tiến lồng ghép giảng dạy quy định mới bộ phần mềm hệ thống sổ sách học bạ toàn dân chiến
  dịch mức tính pháp lý lợi ích sâu rộng tờ rơi loa facebook zalo tăng cường đẩy mạnh`;

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
  for (const entry of catalog) {
    addPhrase(vocabulary, entry.name);
    for (const alias of entry.aliases ?? []) addPhrase(vocabulary, alias);
  }
  return vocabulary;
};

/** Phrases of one to three words, folded → their accented spellings and how often each is seen. */
export const VOCABULARY = buildVocabulary();

/** Every single word the vocabulary knows, folded → its commonest spelling (accented or not). */
const buildWords = (): Map<string, Map<string, number>> => {
  const words = new Map<string, Map<string, number>>();
  const add = (word: string) => {
    const clean = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (!/^\p{L}+$/u.test(clean) || clean.length > 7) return;
    if (/\p{Lu}/u.test(clean.slice(1))) return;
    const key = foldOcr(clean);
    const variants = words.get(key) ?? new Map<string, number>();
    variants.set(clean.toLowerCase(), (variants.get(clean.toLowerCase()) ?? 0) + 1);
    words.set(key, variants);
  };
  const phrases = [
    ...GENERIC_PHRASES,
    GENERIC_WORDS,
    ...catalog.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]),
  ];
  for (const phrase of phrases) for (const word of phrase.split(/\s+/)) add(word);
  return words;
};

/** Single words, folded → their spellings and how often each is seen. */
export const WORDS = buildWords();

/** Pairs of folded words that follow each other in the vocabulary ("trung tam", "ho tro"). */
export const BIGRAMS = new Set(
  [
    ...GENERIC_PHRASES,
    GENERIC_WORDS,
    ...catalog.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]),
  ].flatMap((phrase) => {
    const words = foldOcr(phrase).split(' ').filter(Boolean);
    return words.slice(1).map((word, index) => `${words[index]} ${word}`);
  }),
);
