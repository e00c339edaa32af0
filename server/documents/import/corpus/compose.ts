/**
 * Composes one plan document from a seed's gold and a layout: the letterhead, title, preamble citing the
 * plan's basis, the body sections (I. MỤC ĐÍCH, YÊU CẦU … TỔ CHỨC THỰC HIỆN with the standing agency and
 * the reporting regime), the signature block, and the indicator and task appendices laid out as the layout
 * says. It returns the gold the document must score against: the seed's gold as this layout printed it.
 */
import type { Gold, GoldDeadline, GoldIndicator, GoldPlan, GoldTask } from './gold';
import type { IndicatorColumn, Layout, Numbering, TaskColumn, TaskTableLayout } from './layouts';
import type { Block, Cell, CorpusDocument, Para, TableBlock } from './model';
import type { Rng } from './rng';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const roman = (n: number): string => ROMAN[n] ?? String(n + 1);
const letter = (n: number): string => String.fromCharCode(65 + (n % 26));
const upper = (text: string): string => text.toLocaleUpperCase('vi');

/** The cities governed by the centre, whose Party committee and People's Committee say "THÀNH PHỐ". */
const CITIES = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

/** The labels of a group heading and of a row, for a numbering style. */
export const numberLabels = (
  numbering: Numbering,
  group: number,
  row: number,
  running: number,
): { group: string; row: string; code: string } => {
  switch (numbering) {
    case 'roman-restart':
      return { group: roman(group), row: String(row + 1), code: `${roman(group)}.${row + 1}` };
    case 'dotted':
      return { group: String(group + 1), row: `${group + 1}.${row + 1}`, code: `${group + 1}.${row + 1}` };
    case 'running':
      return { group: roman(group), row: String(running + 1), code: String(running + 1) };
    case 'letters':
      return { group: letter(group), row: String(row + 1), code: `${letter(group)}.${row + 1}` };
    case 'roman-letters':
      return {
        group: roman(group),
        row: letter(row).toLowerCase(),
        code: `${roman(group)}.${letter(row).toLowerCase()}`,
      };
    case 'unnumbered':
      return { group: '', row: String(running + 1), code: String(running + 1) };
  }
};

/** Items grouped by consecutive equal group headings, in order. */
const groupsOf = <T extends { group: string | null }>(items: T[]): Array<{ name: string; items: T[] }> => {
  const out: Array<{ name: string; items: T[] }> = [];
  for (const item of items) {
    const name = item.group ?? '';
    const last = out.at(-1);
    if (last && last.name === name) last.items.push(item);
    else out.push({ name, items: [item] });
  }
  return out;
};

const isoToDmy = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
};

/** Deadlines a task table prints, with what the gold schema reads from them. */
const DEADLINES: ReadonlyArray<[string, GoldDeadline]> = [
  ['Quý IV/2025', { kind: 'by', date: '2025-12-31' }],
  ['Trong Quý II/2026', { kind: 'by', date: '2026-06-30' }],
  ['Tháng 9/2026', { kind: 'by', date: '2026-09-30' }],
  ['Năm 2027', { kind: 'by', date: '2027-12-31' }],
  ['Quý III/2028', { kind: 'by', date: '2028-09-30' }],
  ['Thường xuyên', { kind: 'ongoing' }],
  ['Hằng năm', { kind: 'recurring', every: 'year' }],
  ['Hàng quý', { kind: 'recurring', every: 'quarter' }],
  ['Theo yêu cầu', { kind: 'onRequest' }],
];

const OUTPUTS = [
  'Kế hoạch được ban hành',
  'Báo cáo kết quả thực hiện',
  'Văn bản hướng dẫn',
  'Hệ thống được vận hành',
  'Lớp tập huấn được tổ chức',
  'Quyết định phê duyệt',
  'Cơ sở dữ liệu được cập nhật',
];

const EVIDENCE = ['Số liệu báo cáo', 'Báo cáo thống kê', 'Số liệu trên hệ thống', 'Biên bản kiểm tra'];

/** A deterministic choice of a leader (a person's role) for the plan's issuer. */
const leadersFor = (plan: GoldPlan, issuer: Layout['issuer']): string[] => {
  const level = plan.locality.level;
  return issuer === 'party'
    ? [
        `Đồng chí Bí thư Đảng ủy ${level}`,
        `Đồng chí Phó Bí thư Thường trực Đảng ủy ${level}`,
        `Đồng chí Phó Bí thư, Chủ tịch UBND ${level}`,
        'Đồng chí Trưởng Ban Xây dựng Đảng',
      ]
    : [
        `Chủ tịch UBND ${level}`,
        `Phó Chủ tịch UBND ${level} phụ trách khối Văn hóa - Xã hội`,
        `Phó Chủ tịch UBND ${level} phụ trách khối Kinh tế`,
      ];
};

/** The agencies that a task table may name, from what the plan itself names. */
const agenciesFor = (gold: Gold, issuer: Layout['issuer']): string[] => {
  const level = gold.plan.locality.level;
  const names = new Set<string>();
  if (gold.plan.standingAgency) names.add(gold.plan.standingAgency);
  for (const indicator of gold.indicators) if (indicator.lead) names.add(indicator.lead);
  names.add(`Công an ${level}`);
  names.add(`Ủy ban MTTQ Việt Nam ${level}`);
  if (issuer === 'party') {
    names.add('Văn phòng Đảng ủy');
    names.add('Ban Xây dựng Đảng');
  }
  return [...names];
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

const p = (text: string, extra: Omit<Para, 'kind' | 'text'> = {}): Para => ({ kind: 'p', text, ...extra });

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

/** The label of a year column. */
const yearLabel = (layout: Layout, years: number[], index: number, baseline: number | null): string => {
  const year = years[index] ?? 0;
  const previous = years[index - 1];
  let label: string;
  switch (layout.indicators.yearLabel) {
    case 'nam':
      label = `Năm ${year}`;
      break;
    case 'bare':
      label = String(year);
      break;
    case 'den-nam':
      label = index === 0 ? `Năm ${year}` : `Đến năm ${year}`;
      break;
    case 'stage':
      label = previous != null && year - previous > 1 ? `Đến năm ${year}` : `Năm ${year}`;
      break;
  }
  if (layout.indicators.baselineMark && baseline === year) label += layout.indicators.baselineMark;
  return label;
};

/** Header rows over leaf columns, with optional merged group headers and a numbering row. */
const headerRows = (
  leaves: Array<{ label: string; group?: string }>,
  numberRow: boolean,
): { rows: Cell[][]; count: number } => {
  const grouped = leaves.some((leaf) => leaf.group);
  const rows: Cell[][] = [];
  if (!grouped) {
    rows.push(leaves.map((leaf) => ({ text: leaf.label, bold: true, align: 'center' })));
  } else {
    const top: Cell[] = [];
    const bottom: Cell[] = [];
    for (let i = 0; i < leaves.length; ) {
      const leaf = leaves[i];
      if (!leaf) break;
      if (!leaf.group) {
        top.push({ text: leaf.label, bold: true, align: 'center', rowSpan: 2 });
        i++;
        continue;
      }
      let j = i;
      while (j < leaves.length && leaves[j]?.group === leaf.group) {
        bottom.push({ text: leaves[j]?.label ?? '', bold: true, align: 'center' });
        j++;
      }
      top.push({ text: leaf.group, bold: true, align: 'center', colSpan: j - i });
      i = j;
    }
    rows.push(top, bottom);
  }
  if (numberRow) rows.push(leaves.map((_leaf, i) => ({ text: `(${i + 1})`, italic: true, align: 'center' })));
  return { rows, count: rows.length };
};

const UNIT_COLUMNS: ReadonlySet<string> = new Set(['lead', 'executor', 'coordinating']);

/** The indicator appendix table and the indicators' gold as printed. */
const composeIndicators = (
  source: GoldIndicator[],
  layout: Layout,
  plan: GoldPlan,
  rng: Rng,
): { gold: GoldIndicator[]; table: TableBlock } => {
  const spec = layout.indicators;
  const has = (column: IndicatorColumn) => spec.columns.includes(column);
  const leaders = leadersFor(plan, layout.issuer);
  // An empty target cell cannot say "qualitative target": such targets are not printed, so not gold.
  const items: GoldIndicator[] = source.map((indicator) => ({
    ...indicator,
    unit: has('unit') ? indicator.unit : null,
    targets: indicator.targets.filter((target) => target.raw != null && target.raw.trim() !== ''),
    lead: has('lead') ? indicator.lead : null,
    executor: has('executor') ? indicator.executor : null,
    coordinating: has('coordinating') ? indicator.coordinating : [],
    leader: has('leader') ? rng.pick(leaders) : null,
    evidence: has('evidence') ? rng.pick(EVIDENCE) : null,
  }));
  const years = [...new Set(items.flatMap((i) => i.targets.map((t) => t.year)))].sort((a, b) => a - b);
  // A stage table prints a row for every stage the seed lists, even one whose result cell is empty.
  const stagesOf = new Map(
    source.map((indicator, i) => [items[i], new Set(indicator.targets.map((t) => t.year))]),
  );
  const stageYears = [...new Set(source.flatMap((i) => i.targets.map((t) => t.year)))].sort((a, b) => a - b);
  const baselines = new Set(source.map((i) => i.baselineYear));
  const baseline = baselines.size === 1 ? ([...baselines][0] ?? null) : null;
  const marked =
    spec.shape === 'year-columns' && spec.baselineMark && baseline != null && years.includes(baseline);
  for (const item of items) item.baselineYear = marked ? baseline : null;

  const leaves: Array<{ label: string; group?: string; column: IndicatorColumn; year?: number }> = [];
  for (const column of spec.columns) {
    if (column === 'years' && spec.shape === 'year-columns') {
      for (const [index, year] of years.entries())
        leaves.push({
          label: yearLabel(layout, years, index, marked ? baseline : null),
          group: spec.yearsGroup,
          column,
          year,
        });
    } else {
      leaves.push({
        label: spec.labels[column] ?? column,
        group: UNIT_COLUMNS.has(column) ? spec.unitsGroup : undefined,
        column,
      });
    }
  }
  const header = headerRows(leaves, spec.numberRow);
  const rows: Cell[][] = [...header.rows];
  const width = leaves.length;
  const cellOf = (item: GoldIndicator, leaf: (typeof leaves)[number], label: string, year?: number): Cell => {
    switch (leaf.column) {
      case 'stt':
        return { text: label, align: 'center' };
      case 'name':
        return { text: item.name };
      case 'unit':
        return { text: item.unit ?? '', align: 'center' };
      case 'years': {
        const target = item.targets.find((t) => t.year === (year ?? leaf.year));
        return { text: target?.raw ?? spec.empty, align: 'center' };
      }
      case 'lead':
        return { text: item.lead ?? '' };
      case 'executor':
        return { text: item.executor ?? '' };
      case 'coordinating':
        return { text: item.coordinating.join(spec.coordSep) };
      case 'leader':
        return { text: item.leader ?? '' };
      case 'evidence':
        return { text: item.evidence ?? '' };
    }
  };
  const groupRow = (label: string, name: string): Cell[] =>
    spec.groupRow === 'split' && label
      ? [
          { text: label, bold: true, align: 'center' },
          { text: name, bold: true, colSpan: width - 1 },
        ]
      : [{ text: label ? `${label}. ${name}` : name, bold: true, colSpan: width }];

  if (spec.shape === 'stage-rows') {
    // One row per stage and indicator; the gold keeps one indicator with a target per stage.
    let running = 0;
    for (const year of stageYears) {
      rows.push([{ text: `Mục tiêu đến năm ${year}`, bold: true, colSpan: width }]);
      groupsOf(items.filter((i) => stagesOf.get(i)?.has(year))).forEach((group, g) => {
        rows.push(groupRow(numberLabels('roman-restart', g, 0, 0).group, group.name));
        for (const item of group.items) {
          const label = String(running + 1);
          item.code ??= label;
          rows.push(leaves.map((leaf) => cellOf(item, leaf, label, year)));
          running++;
        }
      });
    }
    // The first printed number of each indicator is its code.
    const firstCode = new Map<string, string>();
    let n = 0;
    for (const year of stageYears)
      for (const item of items)
        if (stagesOf.get(item)?.has(year)) {
          n++;
          if (!firstCode.has(item.name)) firstCode.set(item.name, String(n));
        }
    for (const item of items) item.code = firstCode.get(item.name) ?? null;
  } else {
    let running = 0;
    groupsOf(items).forEach((group, g) => {
      rows.push(groupRow(numberLabels(spec.numbering, g, 0, running).group, group.name));
      group.items.forEach((item, i) => {
        const labels = numberLabels(spec.numbering, g, i, running);
        item.code = labels.code;
        rows.push(leaves.map((leaf) => cellOf(item, leaf, labels.row)));
        running++;
      });
    });
  }
  const widths = leaves.map((leaf) =>
    leaf.column === 'name'
      ? 6
      : leaf.column === 'stt' || leaf.column === 'unit'
        ? 1
        : leaf.column === 'years'
          ? 1.3
          : 3,
  );
  return { gold: items, table: { kind: 'table', rows, headerRows: header.count, widths, size: 11 } };
};

/** The task appendix table (or the body bullets) and the tasks' gold as printed. */
const composeTasks = (
  source: GoldTask[],
  layout: Layout,
  gold: Gold,
  rng: Rng,
): { gold: GoldTask[]; table: TableBlock | null; body: Block[] } => {
  const spec = layout.tasks;
  const table = spec.mode === 'table' ? spec : null;
  const has = (column: TaskColumn) =>
    table ? table.columns.includes(column) : column !== 'leader' && column !== 'output';
  const agencies = agenciesFor(gold, layout.issuer);
  const leaders = leadersFor(gold.plan, layout.issuer);
  const items: GoldTask[] = source.map((task) => {
    const out: GoldTask = { ...task, coordinating: [...task.coordinating] };
    if (layout.enrichTasks) {
      if (out.lead == null && has('lead') && (table || rng.chance(0.8))) out.lead = rng.pick(agencies);
      if (out.coordinating.length === 0 && has('coordinating') && rng.chance(0.6)) {
        const partner = rng.pick(agencies.filter((a) => a !== out.lead));
        out.coordinating = [partner];
      }
      if (out.deadline == null && has('deadline')) {
        const [raw, deadline] = rng.pick(DEADLINES);
        out.deadlineRaw = raw;
        out.deadline = deadline;
      }
      if (out.output == null && has('output') && rng.chance(0.85)) out.output = rng.pick(OUTPUTS);
    }
    if (!has('lead')) out.lead = null;
    if (!has('coordinating')) out.coordinating = [];
    out.leader = has('leader') ? rng.pick(leaders) : null;
    if (!has('deadline')) {
      out.deadline = null;
      out.deadlineRaw = null;
    }
    // An output column holds the result that a body text writes after the deadline.
    if (has('output') && out.output && out.deadlineRaw?.endsWith(out.output))
      out.deadlineRaw = out.deadlineRaw.slice(0, -out.output.length).trim();
    if (!has('output') && !(out.output && out.deadlineRaw?.includes(out.output))) out.output = null;
    return out;
  });
  if (table) return { gold: items, table: taskTable(items, table), body: [] };
  return { gold: items, table: null, body: taskBody(items, layout) };
};

/** One cell of a task row. */
const taskCell = (column: TaskColumn, item: GoldTask, label: string, spec: TaskTableLayout): Cell => {
  switch (column) {
    case 'stt':
      return { text: label, align: 'center' };
    case 'name':
      return { text: item.name };
    case 'lead':
      return { text: item.lead ?? '' };
    case 'coordinating':
      return { text: item.coordinating.join(spec.coordSep) };
    case 'leader':
      return { text: item.leader ?? '' };
    case 'output':
      return { text: item.output ?? '' };
    case 'deadline':
      return { text: item.deadlineRaw ?? '', align: 'center' };
  }
};

const taskTable = (items: GoldTask[], spec: TaskTableLayout): TableBlock => {
  const leaves = spec.columns.map((column) => ({
    label: spec.labels[column] ?? column,
    group: column === 'lead' || column === 'coordinating' ? spec.unitsGroup : undefined,
    column,
  }));
  const header = headerRows(leaves, spec.numberRow);
  const rows: Cell[][] = [...header.rows];
  const width = leaves.length;
  let running = 0;
  groupsOf(items).forEach((group, g) => {
    const label = numberLabels(spec.numbering, g, 0, running).group;
    rows.push(
      spec.groupRow === 'split' && label
        ? [
            { text: label, bold: true, align: 'center' },
            { text: group.name, bold: true, colSpan: width - 1 },
          ]
        : [{ text: label ? `${label}. ${group.name}` : group.name, bold: true, colSpan: width }],
    );
    group.items.forEach((item, i) => {
      const labels = numberLabels(spec.numbering, g, i, running);
      item.code = labels.code;
      rows.push(leaves.map(({ column }) => taskCell(column, item, labels.row, spec)));
      running++;
    });
  });
  const widths = leaves.map((leaf) => (leaf.column === 'name' ? 7 : leaf.column === 'stt' ? 1 : 3));
  return { kind: 'table', rows, headerRows: header.count, widths, size: 11 };
};

const taskBody = (items: GoldTask[], layout: Layout): Block[] => {
  const spec = layout.tasks;
  if (spec.mode !== 'body') return [];
  const blocks: Block[] = [];
  groupsOf(items).forEach((group, g) => {
    blocks.push(
      p(
        spec.numbering === 'letters'
          ? `${letter(g).toLowerCase()}) ${group.name}`
          : `${g + 1}. ${group.name}`,
        { bold: true },
      ),
    );
    for (const item of group.items) {
      item.code = null;
      const details: string[] = [];
      if (item.lead) details.push(`Đơn vị chủ trì: ${item.lead}.`);
      if (item.coordinating.length) details.push(`Đơn vị phối hợp: ${item.coordinating.join('; ')}.`);
      if (item.deadlineRaw) details.push(`Thời gian hoàn thành: ${item.deadlineRaw}.`);
      const name = /[.;:]$/.test(item.name) ? item.name : `${item.name}.`;
      if (spec.details === 'inline' || details.length === 0)
        blocks.push(p(`- ${[name, ...details].join(' ')}`, { align: 'justify' }));
      else {
        blocks.push(p(`- ${name}`, { align: 'justify' }));
        blocks.push(p(details.join(' '), { italic: true, align: 'justify' }));
      }
    }
  });
  return blocks;
};
