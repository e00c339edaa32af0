/**
 * Composes one plan document from a seed's gold and a layout: the letterhead, title, preamble citing the
 * plan's basis, the body sections (I. MỤC ĐÍCH, YÊU CẦU … TỔ CHỨC THỰC HIỆN with the standing agency and
 * the reporting regime), the signature block, and the indicator and task appendices laid out as the layout
 * says (the appendices in appendices.ts). It returns the gold the document must score against: the
 * seed's gold as this layout printed it.
 */
import { composeIndicators, composeTasks, p, roman } from './appendices';
import type { Gold, GoldPlan } from './gold';
import type { Layout } from './layouts';
import type { Block, CorpusDocument } from './model';
import type { Rng } from './rng';

const upper = (text: string): string => text.toLocaleUpperCase('vi');

/** The cities governed by the centre, whose Party committee and People's Committee say "THÀNH PHỐ". */
const CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

const isoToDmy = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
};

/** The document number as this layout's issuer and title print it (null stays null). */
const numberFor = (number: string | null, layout: Layout): string | null => {
  if (number == null) return null;
  const digits = /^(\d+)/.exec(number)?.[1] ?? number;
  const kind = layout.title === 'CHƯƠNG TRÌNH HÀNH ĐỘNG' ? 'CTr' : 'KH';
  return layout.issuer === 'party' ? `${digits}-${kind}/ĐU` : `${digits}/${kind}-UBND`;
};

const documentWord = (layout: Layout): string =>
  layout.title === 'CHƯƠNG TRÌNH HÀNH ĐỘNG'
    ? 'Chương trình hành động'
    : layout.title === 'KẾ HOẠCH HÀNH ĐỘNG'
      ? 'Kế hoạch hành động'
      : 'Kế hoạch';

/** The kind of document a cited number names ("57-NQ/TW" → "Nghị quyết"). */
const citedKind = (number: string | null): string => {
  if (!number) return 'Kế hoạch hành động';
  if (/CTr/i.test(number)) return 'Chương trình hành động';
  if (/NQ|QH/.test(number)) return 'Nghị quyết';
  if (/TT-/.test(number)) return 'Thông tư';
  if (/QĐ/.test(number)) return 'Quyết định';
  return 'Kế hoạch';
};

/** The filler of the body sections: plain prose, no rows, no targets. */
const PURPOSE = [
  'Quán triệt sâu sắc, cụ thể hóa đầy đủ các quan điểm, mục tiêu, nhiệm vụ và giải pháp của Nghị quyết, tạo chuyển biến mạnh mẽ trong nhận thức và hành động của cán bộ, đảng viên và Nhân dân về vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.',
  'Xác định rõ nhiệm vụ, giải pháp, lộ trình thực hiện và trách nhiệm của từng cơ quan, đơn vị, làm cơ sở để theo dõi, đôn đốc, kiểm tra, đánh giá kết quả thực hiện.',
  'Huy động sự tham gia của cả hệ thống chính trị, doanh nghiệp và cộng đồng dân cư, phát huy vai trò của người đứng đầu trong lãnh đạo, chỉ đạo thực hiện.',
];
const REQUIREMENTS = [
  'Việc triển khai phải bám sát chức năng, nhiệm vụ được giao, bảo đảm rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm và rõ thẩm quyền.',
  'Các cơ quan, đơn vị chủ động phối hợp chặt chẽ, thường xuyên trao đổi thông tin, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình thực hiện.',
  'Gắn việc thực hiện Kế hoạch với công tác thi đua, khen thưởng và đánh giá, xếp loại cơ quan, đơn vị, cán bộ, công chức hằng năm.',
];
const GENERAL_GOAL =
  'Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trở thành động lực chính để phát triển kinh tế - xã hội, nâng cao hiệu lực, hiệu quả quản lý nhà nước, nâng cao chất lượng cuộc sống của Nhân dân trên địa bàn.';
const FUNDING =
  'Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành, lồng ghép trong các chương trình, dự án và huy động các nguồn hợp pháp khác theo quy định của pháp luật.';
const UNITS_DUTY =
  'Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch cụ thể để triển khai thực hiện, bảo đảm tiến độ và chất lượng; định kỳ rà soát, đánh giá kết quả và đề xuất điều chỉnh khi cần thiết.';

type Composed = { gold: Gold; doc: CorpusDocument };

/**
 * Composes a plan document.
 *
 * @param seedGold - a seed's gold (not modified)
 * @param layout - how the document is laid out
 * @param rng - the generator for this document (enrichment picks)
 * @returns the document and the gold it must score against
 */
export const composePlan = (seedGold: Gold, layout: Layout, rng: Rng): Composed => {
  const source: Gold = structuredClone(seedGold);
  const plan = source.plan;
  const { locality } = plan;
  const place = `${locality.level} ${locality.name}`;
  const party = layout.issuer === 'party';

  // ---- The plan header as printed ----
  const number = numberFor(plan.number, layout);
  const issuer = party ? `Đảng ủy ${place}` : plan.issuer;
  const signerPosition = party
    ? layout.signer === 'TM'
      ? 'Bí thư'
      : 'Phó Bí thư'
    : layout.signer === 'TM'
      ? 'Chủ tịch'
      : 'Phó Chủ tịch';
  const title = party
    ? 'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia'
    : plan.title;
  const basis = party
    ? plan.basis.filter((ref) => !(ref.number ?? '').includes('/ĐU') || ref.issuer !== `Đảng ủy ${place}`)
    : plan.basis;
  const reportTo = party ? `Ban Thường vụ Đảng ủy ${place} (qua Văn phòng Đảng ủy)` : null;
  const goldPlan: GoldPlan = {
    ...plan,
    number,
    issuer,
    issuerKind: layout.issuer,
    issuedDate: plan.issuedDate,
    title,
    signer: { name: plan.signer.name, position: signerPosition },
    basis,
    reporting: plan.reporting.map((entry) => ({ ...entry, to: reportTo ?? entry.to })),
  };

  // ---- Indicators and tasks as printed ----
  const indicatorAppendix = layout.appendix.tasksFirst && layout.tasks.mode === 'table' ? 2 : 1;
  const taskAppendix = indicatorAppendix === 1 ? 2 : 1;
  const appendixName = (n: number) =>
    layout.appendix.label === 'mixed-number'
      ? `Phụ lục số ${String(n).padStart(2, '0')}`
      : layout.appendix.label === 'upper-arabic'
        ? `PHỤ LỤC ${n}`
        : `PHỤ LỤC ${roman(n - 1)}`;
  // A deadline that points at the roadmap appendix names it as this layout numbers it.
  for (const task of source.tasks)
    if (task.deadlineRaw)
      task.deadlineRaw = task.deadlineRaw.replace(/Phụ lục I\b/, appendixName(indicatorAppendix));
  const indicators = composeIndicators(source.indicators, layout, goldPlan, rng);
  const tasks = composeTasks(source.tasks, layout, source, rng);

  const gold: Gold = {
    source: `${seedGold.source} (corpus layout ${layout.id})`,
    plan: goldPlan,
    indicators: indicators.gold,
    tasks: tasks.gold,
    uncertain: [],
  };

  // ---- The document ----
  const front: Block[] = [];
  const province = locality.province ?? '';
  const provinceWord = CITIES.includes(province) ? 'THÀNH PHỐ' : 'TỈNH';
  const numberLine = party
    ? `Số ${number ?? '      -KH/ĐU'}`
    : `Số: ${number ?? `      /${layout.title === 'CHƯƠNG TRÌNH HÀNH ĐỘNG' ? 'CTr' : 'KH'}-UBND`}`;
  const dateLine = plan.issuedDate
    ? `${locality.name}, ngày ${Number(plan.issuedDate.slice(8, 10))} tháng ${Number(plan.issuedDate.slice(5, 7))} năm ${plan.issuedDate.slice(0, 4)}`
    : `${locality.name}, ngày      tháng      năm 2025`;
  const left = party
    ? [`ĐẢNG BỘ ${provinceWord} ${upper(province)}`, `ĐẢNG ỦY ${upper(place)}`, '*', numberLine]
    : ['ỦY BAN NHÂN DÂN', upper(place), numberLine];
  const right = party
    ? ['ĐẢNG CỘNG SẢN VIỆT NAM', '', dateLine]
    : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', dateLine];
  if (layout.letterhead === 'table') {
    front.push({
      kind: 'table',
      borderless: true,
      headerRows: 0,
      widths: [2, 3],
      rows: [
        [
          { text: left.slice(0, -1).join('\n'), bold: true, align: 'center' },
          { text: right.slice(0, 2).filter(Boolean).join('\n'), bold: true, align: 'center' },
        ],
        [
          { text: left.at(-1) ?? '', align: 'center' },
          { text: right.at(-1) ?? '', italic: true, align: 'center' },
        ],
      ],
    });
  } else {
    for (const line of left.slice(0, -1)) front.push(p(line, { bold: true, align: 'center' }));
    for (const line of right.slice(0, 2).filter(Boolean))
      front.push(p(line, { bold: true, align: 'center' }));
    front.push(p(left.at(-1) ?? '', { align: 'left' }));
    front.push(p(dateLine, { italic: true, align: 'right' }));
  }
  front.push(p(layout.title, { bold: true, align: 'center', size: 14 }));
  front.push(p(title, { bold: true, align: 'center' }));
  front.push(p('-----', { align: 'center' }));

  // Preamble: the documents the plan implements, in order.
  for (const ref of basis) {
    const parts = [`Căn cứ ${citedKind(ref.number)}`];
    if (ref.number) parts.push(`số ${ref.number}`);
    if (ref.date) parts.push(`ngày ${isoToDmy(ref.date)}`);
    if (ref.issuer) parts.push(`của ${ref.issuer}`);
    front.push(p(`${parts.join(' ')};`, { align: 'justify' }));
  }
  const word = documentWord(layout);
  front.push(
    p(
      party
        ? `Ban Thường vụ Đảng ủy ${place} ban hành ${word} với các nội dung như sau:`
        : `Ủy ban nhân dân ${place} ban hành ${word} thực hiện với các nội dung như sau:`,
      { align: 'justify' },
    ),
  );

  const body: Block[] = [];
  body.push(p('I. MỤC ĐÍCH, YÊU CẦU', { bold: true }));
  body.push(p('1. Mục đích', { bold: true }));
  for (const text of PURPOSE.slice(0, 2)) body.push(p(`- ${text}`, { align: 'justify' }));
  body.push(p('2. Yêu cầu', { bold: true }));
  for (const text of REQUIREMENTS) body.push(p(`- ${text}`, { align: 'justify' }));
  body.push(p('II. MỤC TIÊU', { bold: true }));
  body.push(p('1. Mục tiêu chung', { bold: true }));
  body.push(p(GENERAL_GOAL, { align: 'justify' }));
  body.push(p('2. Mục tiêu cụ thể', { bold: true }));
  body.push(
    p(
      `Phấn đấu hoàn thành các chỉ tiêu theo lộ trình từng năm (chi tiết tại ${appendixName(indicatorAppendix)} kèm theo).`,
      { align: 'justify' },
    ),
  );
  body.push(p('III. NHIỆM VỤ VÀ GIẢI PHÁP', { bold: true }));
  if (layout.tasks.mode === 'table') {
    body.push(
      p(
        `Các nhiệm vụ, giải pháp cụ thể, cơ quan chủ trì, phối hợp và thời gian thực hiện được phân công tại ${appendixName(taskAppendix)} kèm theo ${word} này.`,
        { align: 'justify' },
      ),
    );
  } else {
    body.push(...tasks.body);
  }
  body.push(p('IV. KINH PHÍ THỰC HIỆN', { bold: true }));
  body.push(p(FUNDING, { align: 'justify' }));
  body.push(p('V. TỔ CHỨC THỰC HIỆN', { bold: true }));
  let item = 1;
  if (plan.standingAgency) {
    body.push(
      p(
        `${item++}. ${plan.standingAgency} là cơ quan thường trực, chủ trì, phối hợp với các cơ quan, đơn vị theo dõi, đôn đốc, kiểm tra việc triển khai ${word}; tổng hợp kết quả thực hiện, báo cáo ${party ? 'Ban Thường vụ Đảng ủy' : `Ủy ban nhân dân ${locality.level}`}.`,
        { align: 'justify' },
      ),
    );
  }
  body.push(p(`${item++}. ${UNITS_DUTY}`, { align: 'justify' }));
  const reporting = goldPlan.reporting;
  if (reporting.length > 0) {
    const when = reporting.map((entry) => {
      const due = entry.due
        ? ` (trước ngày ${Number(entry.due.slice(3, 5))}/${Number(entry.due.slice(0, 2))})`
        : '';
      switch (entry.frequency) {
        case 'annual':
          return `định kỳ hằng năm${due}`;
        case 'semiannual':
          return `định kỳ 6 tháng${due}`;
        case 'quarterly':
          return `định kỳ hằng quý${due}`;
        case 'monthly':
          return `định kỳ hằng tháng${due}`;
        default:
          return 'đột xuất khi có yêu cầu';
      }
    });
    const to = reporting[0]?.to ?? `Ủy ban nhân dân ${locality.level}`;
    body.push(
      p(
        `${item++}. Chế độ báo cáo: các cơ quan, đơn vị báo cáo kết quả thực hiện ${when.join(' hoặc ')} về ${to}.`,
        {
          align: 'justify',
        },
      ),
    );
  }
  for (const replaced of plan.replaces) {
    const parts = [`${word} này thay thế Kế hoạch số ${replaced.number ?? ''}`];
    if (replaced.date) parts.push(`ngày ${isoToDmy(replaced.date)}`);
    body.push(
      p(`${parts.join(' ')} của ${party ? 'Đảng ủy' : 'Ủy ban nhân dân'} ${place}.`, { align: 'justify' }),
    );
  }
  body.push(
    p(
      `Trên đây là ${word} ${party ? 'của Ban Thường vụ Đảng ủy' : 'của Ủy ban nhân dân'} ${place}; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo để xem xét, giải quyết./.`,
      { align: 'justify' },
    ),
  );

  const signature = party
    ? ['T/M BAN THƯỜNG VỤ', layout.signer === 'TM' ? 'BÍ THƯ' : 'PHÓ BÍ THƯ']
    : layout.signer === 'TM'
      ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']
      : ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  const recipients = [
    'Nơi nhận:',
    party
      ? `- Ban Thường vụ ${provinceWord === 'TỈNH' ? 'Tỉnh ủy' : 'Thành ủy'} (để b/c);`
      : `- UBND ${provinceWord.toLowerCase()} (để b/c);`,
    party ? '- Các chi bộ trực thuộc;' : `- TT Đảng ủy, TT HĐND ${locality.level};`,
    '- Các cơ quan, đơn vị liên quan;',
    '- Lưu: VT.',
  ];
  body.push({
    kind: 'table',
    borderless: true,
    headerRows: 0,
    widths: [1, 1],
    rows: [
      [
        { text: recipients.join('\n'), align: 'left' },
        {
          text: [...signature, '', '(Đã ký)', '', plan.signer.name ?? ''].join('\n'),
          bold: true,
          align: 'center',
        },
      ],
    ],
  });

  const appendixTitle = (n: number, kind: 'indicators' | 'tasks'): Block[] => {
    const mixed = layout.appendix.label === 'mixed-number';
    const subject =
      kind === 'indicators'
        ? 'Danh mục chỉ tiêu thực hiện Nghị quyết số 57-NQ/TW'
        : 'Danh mục nhiệm vụ, giải pháp trọng tâm';
    const blocks: Block[] = [
      p(appendixName(n), { bold: true, align: 'center' }),
      p(mixed ? subject : upper(subject), { bold: true, align: 'center' }),
    ];
    if (layout.appendix.withDate) {
      const date = plan.issuedDate ? isoToDmy(plan.issuedDate) : '      /      /2025';
      const shown = number ?? (party ? '      -KH/ĐU' : '      /KH-UBND');
      blocks.push(
        p(
          `(Kèm theo ${word} số ${shown} ngày ${date} của ${party ? 'Ban Thường vụ Đảng ủy' : 'UBND'} ${place})`,
          {
            italic: true,
            align: 'center',
          },
        ),
      );
    }
    return blocks;
  };
  const appendices: Array<{ n: number; blocks: Block[] }> = [
    { n: indicatorAppendix, blocks: [...appendixTitle(indicatorAppendix, 'indicators'), indicators.table] },
  ];
  if (tasks.table)
    appendices.push({ n: taskAppendix, blocks: [...appendixTitle(taskAppendix, 'tasks'), tasks.table] });
  appendices.sort((a, b) => a.n - b.n);

  const doc: CorpusDocument = {
    sections: [
      { landscape: false, blocks: [...front, ...body] },
      ...appendices.map((appendix) => ({ landscape: layout.appendix.landscape, blocks: appendix.blocks })),
    ],
  };
  return { gold, doc };
};
