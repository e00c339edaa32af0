/**
 * Word documents in the state format (NĐ 30/2020/NĐ-CP; HD 36-HD/VPTW for the party): the consolidated
 * report of a period and the plan with its appendices. Pure functions from a view to the .docx bytes: the
 * figures are the view's, never recomputed here.
 */
import {
  COLOUR_LABELS,
  INDICATOR_STATUS_LABELS,
  INDICATOR_STATUSES,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  TIMELINESS,
  TIMELINESS_LABELS,
} from '@core/domain/evaluation';
import { reportWorkflowText } from '@core/domain/report-status';
import type { TPlanDashboard } from '@core/schemas/dashboard.schemas';
import { AlignmentType } from 'docx';
import { citedDate, type DocumentIssuer, numberLine } from './state-document';
import {
  appendixSection,
  appendixTitle,
  body,
  closingBlock,
  dataTable,
  firstSection,
  formatNumber,
  grouped,
  headerBlock,
  LANDSCAPE_WIDTH,
  line,
  titleBlock,
  toBuffer,
} from './word-layout';

// ---------------------------------------------------------------------------------------------------------
// The consolidated report of a period

/** What the consolidated report prints: the period's consolidated report with its issuer and dates. */
export type ConsolidatedReportView = {
  issuer: DocumentIssuer;
  /** The report's own number once registered; null prints a blank for the clerk. */
  number: string | null;
  /** The date of the report, "YYYY-MM-DD". */
  date: string;
  plan: { number: string | null; issuedDate: string | null; title: string };
  period: { label: string; dataFrom: string; dataTo: string };
  /** 1 for the report, 2… for the supplementary reports ("báo cáo bổ sung"). */
  version: number;
  /** Kết quả thực hiện: the overall assessment. */
  narrative: string | null;
  /** Tồn tại, hạn chế và nguyên nhân. */
  shortcomings: string | null;
  /** Phương hướng, nhiệm vụ kỳ tới. */
  nextSteps: string | null;
  /** The figures: the period's dashboard, printed as they are. */
  dashboard: Pick<TPlanDashboard, 'counts' | 'indicators' | 'tasks' | 'units'>;
  units: Array<{
    unitName: string;
    nothingArose: boolean;
    difficulties: string | null;
    proposals: string | null;
  }>;
  recipients: string[];
  /**
   * Approved before approvals were frozen: no snapshot was kept, so the figures printed are the current
   * ones, and the document says so under its title.
   */
  approvedBeforeFreezing?: boolean;
};

/** The note of a report approved before approvals were frozen: its figures are the current ones. */
export const APPROVED_BEFORE_FREEZING_NOTE =
  'Ghi chú: Báo cáo này được phê duyệt trước khi hệ thống lưu bản chốt số liệu khi phê duyệt; các số liệu dưới đây là số liệu hiện tại, có thể khác với số liệu tại thời điểm phê duyệt.';

const countsSentence = <K extends string>(
  keys: readonly K[],
  counts: Record<K, number>,
  labels: Record<K, string>,
): string =>
  keys
    .filter((key) => counts[key] > 0)
    .map((key) => `${labels[key]}: ${counts[key]}`)
    .join('; ');

const planCitation = (plan: ConsolidatedReportView['plan'], issuer: DocumentIssuer) =>
  `Kế hoạch${plan.number ? ` số ${plan.number}` : ''}${plan.issuedDate ? ` ngày ${citedDate(plan.issuedDate)}` : ''} của ${issuer.shortName}`;

/**
 * Renders the consolidated report of a period ("BÁO CÁO Kết quả thực hiện Kế hoạch … năm 2026"): the
 * narrative, the counts of the dashboard, the difficulties and proposals by unit, and two landscape
 * appendices (indicators, tasks and units).
 *
 * @param view - the consolidated report and who issues it
 * @returns the .docx bytes
 */
export const renderConsolidatedReportDocx = (view: ConsolidatedReportView): Promise<Buffer> => {
  const { issuer, dashboard } = view;
  const periodText = view.period.label.charAt(0).toLocaleLowerCase('vi') + view.period.label.slice(1);
  const citation = planCitation(view.plan, issuer);
  const indicatorCount = dashboard.indicators.length;
  const taskCount = dashboard.tasks.length;
  const unitCount = dashboard.units.length;
  const withDifficulties = view.units.filter((unit) => unit.difficulties?.trim());
  const withProposals = view.units.filter((unit) => unit.proposals?.trim());
  const paragraphs = (text: string | null, empty: string) => {
    const parts = (text ?? '')
      .split(/\n+/)
      .map((part) => part.trim())
      .filter(Boolean);
    return parts.length ? parts.map((part) => body(part)) : [body(empty, { italics: true })];
  };

  const main = [
    headerBlock(issuer, numberLine(issuer.kind, 'BC', view.number), view.date),
    ...titleBlock('BÁO CÁO', [
      `Kết quả thực hiện ${citation}`,
      periodText,
      ...(view.version > 1 ? [`(Báo cáo bổ sung lần ${view.version - 1})`] : []),
    ]),
    ...(view.approvedBeforeFreezing ? [body(APPROVED_BEFORE_FREEZING_NOTE, { italics: true })] : []),
    body(
      `Thực hiện ${citation} về ${view.plan.title.charAt(0).toLocaleLowerCase('vi')}${view.plan.title.slice(1)}, ${issuer.shortName} báo cáo kết quả thực hiện ${periodText} (số liệu từ ngày ${citedDate(view.period.dataFrom)} đến ngày ${citedDate(view.period.dataTo)}) như sau:`,
    ),
    body('I. KẾT QUẢ THỰC HIỆN', { bold: true }),
    body('1. Tình hình chung', { bold: true }),
    ...paragraphs(view.narrative, '(Chưa có nội dung đánh giá chung.)'),
    body('2. Kết quả thực hiện các chỉ tiêu', { bold: true }),
    body(
      `Kế hoạch có ${indicatorCount} chỉ tiêu. ${countsSentence(INDICATOR_STATUSES, dashboard.counts.indicators, INDICATOR_STATUS_LABELS)}. Chi tiết tại Phụ lục I kèm theo.`,
    ),
    body('3. Kết quả thực hiện các nhiệm vụ', { bold: true }),
    body(
      `Kế hoạch có ${taskCount} nhiệm vụ. ${countsSentence(TASK_STATUSES, dashboard.counts.tasks, TASK_STATUS_LABELS)}. Chi tiết tại Phụ lục II kèm theo.`,
    ),
    body('4. Tình hình báo cáo của các đơn vị', { bold: true }),
    body(
      `${unitCount} đơn vị có trách nhiệm báo cáo. ${countsSentence(TIMELINESS, dashboard.counts.reports, TIMELINESS_LABELS)}; ${dashboard.counts.pendingReview} báo cáo đang chờ cơ quan thường trực xem xét. Chi tiết tại Phụ lục III kèm theo.`,
    ),
    body('II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', { bold: true }),
    ...paragraphs(view.shortcomings, '(Chưa có nội dung đánh giá tồn tại, hạn chế và nguyên nhân.)'),
    body('Khó khăn, vướng mắc các đơn vị báo cáo:', { italics: true }),
    ...(withDifficulties.length
      ? withDifficulties.map((unit) => body(`- ${unit.unitName}: ${unit.difficulties!.trim()}`))
      : [body('Các đơn vị không báo cáo khó khăn, vướng mắc trong kỳ.')]),
    body('III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI', { bold: true }),
    ...paragraphs(view.nextSteps, '(Chưa có nội dung phương hướng, nhiệm vụ kỳ tới.)'),
    body('IV. KIẾN NGHỊ, ĐỀ XUẤT', { bold: true }),
    ...(withProposals.length
      ? withProposals.map((unit) => body(`- ${unit.unitName}: ${unit.proposals!.trim()}`))
      : [body('Các đơn vị không có kiến nghị, đề xuất trong kỳ.')]),
    body(`Trên đây là báo cáo kết quả thực hiện ${citation} ${periodText}./.`),
    line('', { after: 240 }),
    closingBlock(issuer, view.recipients),
  ];

  const indicatorTable = dataTable(
    [
      { title: 'Mã', width: 6, align: 'center' },
      { title: 'Chỉ tiêu', width: 32 },
      { title: 'Đơn vị tính', width: 8, align: 'center' },
      { title: 'Mục tiêu năm', width: 10, align: 'center' },
      { title: 'Kết quả', width: 9, align: 'center' },
      { title: 'Đánh giá', width: 11, align: 'center' },
      { title: 'Đơn vị chủ trì', width: 14 },
      { title: 'Nguồn số liệu', width: 14 },
    ],
    grouped(
      dashboard.indicators,
      (row) => row.groupName,
      (row) => [
        row.code ?? '',
        row.name,
        row.unit ?? '',
        row.targetText ?? '',
        row.value != null
          ? formatNumber(row.value)
          : row.assessment === 'achieved'
            ? 'Đạt'
            : row.assessment === 'not_achieved'
              ? 'Không đạt'
              : '',
        INDICATOR_STATUS_LABELS[row.status],
        row.leadUnitName ?? '',
        row.source ? `Báo cáo của ${row.source.unitName} (lần ${row.source.version})` : '',
      ],
    ),
    LANDSCAPE_WIDTH,
  );
  const taskTable = dataTable(
    [
      { title: 'Mã', width: 6, align: 'center' },
      { title: 'Nhiệm vụ', width: 44 },
      { title: 'Đơn vị chủ trì', width: 16 },
      { title: 'Thời hạn', width: 12, align: 'center' },
      { title: 'Tiến độ (%)', width: 8, align: 'center' },
      { title: 'Tình trạng', width: 14, align: 'center' },
    ],
    grouped(
      dashboard.tasks,
      (row) => row.groupName,
      (row) => [
        row.code ?? '',
        row.name,
        row.leadUnitName ?? '',
        row.deadlineText ?? '',
        row.progress == null ? '' : String(row.progress),
        TASK_STATUS_LABELS[row.status],
      ],
    ),
    LANDSCAPE_WIDTH,
  );
  const unitTable = dataTable(
    [
      { title: 'Xếp hạng', width: 8, align: 'center' },
      { title: 'Đơn vị', width: 30 },
      { title: 'Số chỉ tiêu', width: 8, align: 'center' },
      { title: 'Số nhiệm vụ', width: 8, align: 'center' },
      { title: 'Tình trạng báo cáo', width: 16, align: 'center' },
      { title: 'Thời hạn', width: 13, align: 'center' },
      { title: 'Điểm', width: 7, align: 'center' },
      { title: 'Xếp loại', width: 10, align: 'center' },
    ],
    dashboard.units.map((unit) => ({
      cells: [
        unit.rank == null ? '' : String(unit.rank),
        unit.unitName,
        String(unit.indicatorCount),
        String(unit.taskCount),
        reportWorkflowText({ workflow: unit.reportWorkflow, isCorrecting: unit.reportCorrecting }),
        TIMELINESS_LABELS[unit.timeliness],
        formatNumber(unit.score),
        COLOUR_LABELS[unit.colour],
      ],
    })),
    LANDSCAPE_WIDTH,
  );
  const subtitle = `(Kèm theo Báo cáo ${periodText} của ${issuer.shortName})`;
  return toBuffer(
    [
      firstSection(main),
      appendixSection([
        ...appendixTitle('Phụ lục I', 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', subtitle),
        indicatorTable,
      ]),
      appendixSection([
        ...appendixTitle('Phụ lục II', 'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', subtitle),
        taskTable,
        ...appendixTitle('Phụ lục III', 'TÌNH HÌNH BÁO CÁO VÀ ĐÁNH GIÁ CÁC ĐƠN VỊ', subtitle).map(
          (item, index) =>
            index === 0
              ? line('Phụ lục III', { bold: true, align: AlignmentType.CENTER, before: 480 })
              : item,
        ),
        unitTable,
      ]),
    ],
    `Báo cáo kết quả thực hiện ${citation} ${periodText}`,
  );
};

// ---------------------------------------------------------------------------------------------------------
// The plan

/** What the plan document prints. */
export type PlanDocumentView = {
  issuer: DocumentIssuer;
  number: string | null;
  issuedDate: string;
  title: string;
  basis: Array<{ number: string | null; date: string | null; issuer: string | null }>;
  standingAgencyName: string | null;
  reporting: Array<{ frequencyText: string; due: string | null; receiver: string | null }>;
  indicators: Array<{
    code: string | null;
    groupName: string | null;
    name: string;
    unit: string | null;
    /** The printed target per year (or stage), by year. */
    targets: Record<number, string>;
    leadUnitName: string | null;
    coordinatingUnitNames: string[];
  }>;
  /** The years (and stages) that get a column, ascending. */
  targetYears: number[];
  tasks: Array<{
    code: string | null;
    groupName: string | null;
    name: string;
    leadUnitName: string | null;
    coordinatingUnitNames: string[];
    output: string | null;
    deadlineText: string | null;
  }>;
  recipients: string[];
};

/**
 * Renders a plan ("KẾ HOẠCH …") with its basis, standing agency and reporting regime, and two landscape
 * appendices: the indicators (one column per target year, as printed) and the tasks.
 *
 * @param view - the plan and who issues it
 * @returns the .docx bytes
 */
export const renderPlanDocx = (view: PlanDocumentView): Promise<Buffer> => {
  const { issuer } = view;
  const basis = view.basis.filter((item) => item.number || item.issuer);
  const main = [
    headerBlock(issuer, numberLine(issuer.kind, 'KH', view.number), view.issuedDate),
    ...titleBlock('KẾ HOẠCH', [view.title]),
    ...basis.map((item) =>
      body(
        `Căn cứ văn bản${item.number ? ` số ${item.number}` : ''}${item.date ? ` ngày ${citedDate(item.date)}` : ''}${item.issuer ? ` của ${item.issuer}` : ''};`,
      ),
    ),
    body(`${issuer.shortName} ban hành Kế hoạch thực hiện như sau:`),
    body('I. CÁC CHỈ TIÊU', { bold: true }),
    body(`Kế hoạch có ${view.indicators.length} chỉ tiêu, chi tiết tại Phụ lục I kèm theo.`),
    body('II. NHIỆM VỤ, GIẢI PHÁP', { bold: true }),
    body(`Kế hoạch có ${view.tasks.length} nhiệm vụ, giải pháp, chi tiết tại Phụ lục II kèm theo.`),
    body('III. TỔ CHỨC THỰC HIỆN', { bold: true }),
    ...(view.standingAgencyName
      ? [
          body(
            `${view.standingAgencyName} là cơ quan thường trực, theo dõi, đôn đốc và tổng hợp kết quả thực hiện Kế hoạch.`,
          ),
        ]
      : []),
    ...view.reporting.map((regime) =>
      body(
        `Chế độ báo cáo: ${regime.frequencyText}${regime.due ? `, trước ngày ${regime.due.split('-').reverse().map(Number).join('/')} hằng năm` : ''}${regime.receiver ? `, gửi ${regime.receiver}` : ''}.`,
      ),
    ),
    line('', { after: 240 }),
    closingBlock(issuer, view.recipients),
  ];
  const subtitle = `(Kèm theo Kế hoạch${view.number ? ` số ${view.number}` : ''}${view.issuedDate ? ` ngày ${citedDate(view.issuedDate)}` : ''} của ${issuer.shortName})`;
  const indicatorTable = dataTable(
    [
      { title: 'Mã', width: 5, align: 'center' },
      { title: 'Chỉ tiêu', width: 30 },
      { title: 'Đơn vị tính', width: 6, align: 'center' },
      ...view.targetYears.map((year) => ({ title: `Năm ${year}`, width: 7, align: 'center' as const })),
      { title: 'Đơn vị chủ trì', width: 12 },
      { title: 'Đơn vị phối hợp', width: 12 },
    ],
    grouped(
      view.indicators,
      (row) => row.groupName,
      (row) => [
        row.code ?? '',
        row.name,
        row.unit ?? '',
        ...view.targetYears.map((year) => row.targets[year] ?? ''),
        row.leadUnitName ?? '',
        row.coordinatingUnitNames.join(', '),
      ],
    ),
    LANDSCAPE_WIDTH,
  );
  const taskTable = dataTable(
    [
      { title: 'Mã', width: 5, align: 'center' },
      { title: 'Nhiệm vụ, giải pháp', width: 40 },
      { title: 'Đơn vị chủ trì', width: 14 },
      { title: 'Đơn vị phối hợp', width: 14 },
      { title: 'Sản phẩm đầu ra', width: 14 },
      { title: 'Thời gian hoàn thành', width: 13, align: 'center' },
    ],
    grouped(
      view.tasks,
      (row) => row.groupName,
      (row) => [
        row.code ?? '',
        row.name,
        row.leadUnitName ?? '',
        row.coordinatingUnitNames.join(', '),
        row.output ?? '',
        row.deadlineText ?? '',
      ],
    ),
    LANDSCAPE_WIDTH,
  );
  return toBuffer(
    [
      firstSection(main),
      appendixSection([...appendixTitle('Phụ lục I', 'CÁC CHỈ TIÊU', subtitle), indicatorTable]),
      appendixSection([...appendixTitle('Phụ lục II', 'NHIỆM VỤ, GIẢI PHÁP', subtitle), taskTable]),
    ],
    `Kế hoạch ${view.number ?? ''} ${view.title}`.trim(),
  );
};
