/**
 * The appendices of a composed plan document: the indicator table (year columns labelled and grouped as
 * the layout says, unit columns, a numbering row) and the task table or task list, with the numbering
 * labels of groups and rows, and the gold of indicators and tasks as this layout printed them. Used by
 * compose.ts.
 */
import type { Gold, GoldDeadline, GoldIndicator, GoldPlan, GoldTask } from './gold';
import type { IndicatorColumn, Layout, Numbering, TaskColumn, TaskTableLayout } from './layouts';
import type { Block, Cell, Para, TableBlock } from './model';
import type { Rng } from './rng';

/** Roman numerals of groups and appendices (I, II, …), letters of lettered rows. */
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
export const roman = (n: number): string => ROMAN[n] ?? String(n + 1);
const letter = (n: number): string => String.fromCharCode(65 + (n % 26));

/** A paragraph of the document model. */
export const p = (text: string, extra: Omit<Para, 'kind' | 'text'> = {}): Para => ({
  kind: 'p',
  text,
  ...extra,
});

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
export const composeIndicators = (
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
export const composeTasks = (
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
