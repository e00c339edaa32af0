import { formatTarget } from '@core/domain/targets';
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IndicatorStatusTag, ReportedFigure, TaskStatusTag } from '../../dashboard/components/StatusTags';

type Dashboard = TConsolidatedReport['dashboard'];
type Indicator = Dashboard['indicators'][number];
type Task = Dashboard['tasks'][number];

/** Rows by theme (the plan's group headings), in the plan's order. */
const byTheme = <Row extends { groupName: string | null }>(rows: readonly Row[]) => {
  const themes = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.groupName ?? '';
    themes.set(key, [...(themes.get(key) ?? []), row]);
  }
  return [...themes.entries()].map(([name, items]) => ({ name, items }));
};

const ThemeTitle = ({ name }: { name: string }) =>
  name ? (
    <Typography.Text strong style={{ display: 'block', marginTop: 4 }}>
      {name}
    </Typography.Text>
  ) : null;

const NameWithUnit = ({ name, unitName, none }: { name: string; unitName: string | null; none: string }) => (
  <Flex vertical>
    <Typography.Text>{name}</Typography.Text>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {unitName ?? none}
    </Typography.Text>
  </Flex>
);

type FigureRow = {
  id: string;
  code: string | null;
  name: string;
  groupName: string | null;
  leadUnitName: string | null;
};

/** One table per theme: the code, the name with its lead unit, then the given columns. */
const FiguresByTheme = <Row extends FigureRow>({
  rows,
  nameTitle,
  columns,
}: {
  rows: Row[];
  nameTitle: string;
  columns: TableColumnsType<Row>;
}) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {byTheme(rows).map((theme) => (
        <Flex vertical gap={4} key={theme.name}>
          <ThemeTitle name={theme.name} />
          <Table<Row>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={theme.items}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('consolidation.indicators.code'),
                dataIndex: 'code',
                width: 70,
                render: (code: string | null) => code ?? '—',
              },
              {
                title: nameTitle,
                dataIndex: 'name',
                render: (name: string, row) => (
                  <NameWithUnit
                    name={name}
                    unitName={row.leadUnitName}
                    none={t('consolidation.indicators.noLeadUnit')}
                  />
                ),
              },
              ...columns,
            ]}
          />
        </Flex>
      ))}
    </Flex>
  );
};

/** The indicators of the period: value against the year's target and the assessment, by theme. */
export const IndicatorFigures = ({ indicators }: { indicators: Indicator[] }) => {
  const { t } = useTranslation();
  if (indicators.length === 0) return <Empty description={t('consolidation.indicators.empty')} />;
  return (
    <FiguresByTheme
      rows={indicators}
      nameTitle={t('consolidation.indicators.name')}
      columns={[
        {
          title: t('consolidation.indicators.value'),
          key: 'value',
          width: 130,
          align: 'right',
          render: (_, row) => <ReportedFigure row={row} />,
        },
        {
          title: t('consolidation.indicators.target'),
          key: 'target',
          width: 150,
          render: (_, row) => {
            if (row.targetText) return row.targetText;
            const milestone = row.targets.find((target) => target.year === row.milestoneYear);
            const text = milestone ? formatTarget(milestone, row.unit) : '';
            return text ? `${text} (${row.milestoneYear})` : '—';
          },
        },
        {
          title: t('consolidation.indicators.status'),
          dataIndex: 'status',
          width: 170,
          render: (status: Indicator['status']) => <IndicatorStatusTag status={status} />,
        },
      ]}
    />
  );
};

/** The tasks of the period: status and progress as the lead units reported them, by theme. */
export const TaskFigures = ({ tasks }: { tasks: Task[] }) => {
  const { t } = useTranslation();
  if (tasks.length === 0) return <Empty description={t('consolidation.tasks.empty')} />;
  return (
    <FiguresByTheme
      rows={tasks}
      nameTitle={t('consolidation.tasks.name')}
      columns={[
        {
          title: t('consolidation.tasks.deadline'),
          dataIndex: 'deadlineText',
          width: 140,
          render: (text: string | null) => text ?? '—',
        },
        {
          title: t('consolidation.tasks.progress'),
          dataIndex: 'progress',
          width: 90,
          align: 'right',
          render: (progress: number | null) => (progress == null ? '—' : `${progress} %`),
        },
        {
          title: t('consolidation.tasks.status'),
          dataIndex: 'status',
          width: 210,
          render: (status: Task['status']) => <TaskStatusTag status={status} />,
        },
      ]}
    />
  );
};
