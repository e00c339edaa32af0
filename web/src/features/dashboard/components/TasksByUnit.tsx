import type { TPlanDashboard } from '@core/schemas/dashboard.schemas';
import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../../components/ui/ResponsiveTable';
import { TaskStatusTag } from './StatusTags';

type DashboardTask = TPlanDashboard['tasks'][number];

/** Tasks grouped under their lead unit (the default view shows the overdue ones). */
export const TasksByUnit = ({ tasks }: { tasks: DashboardTask[] }) => {
  const { t } = useTranslation();
  if (tasks.length === 0)
    return <Empty description={t('dashboard.noTasks')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const groups = new Map<string, DashboardTask[]>();
  for (const task of tasks) {
    const key = task.leadUnitName ?? t('dashboard.noLeadUnit');
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  return (
    <Flex vertical gap={12}>
      {[...groups.entries()].map(([unitName, unitTasks]) => (
        <section key={unitName} aria-label={unitName}>
          <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
            {unitName} ({unitTasks.length})
          </Typography.Title>
          <ResponsiveTable<DashboardTask>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={unitTasks}
            columns={[
              {
                title: t('reporting.report.code'),
                dataIndex: 'code',
                width: 70,
                render: (code) => code ?? '—',
              },
              {
                title: t('reporting.report.name'),
                dataIndex: 'name',
                render: (name: string) => (
                  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                    {name}
                  </Typography.Paragraph>
                ),
              },
              {
                title: t('reporting.report.deadline'),
                dataIndex: 'deadlineText',
                width: 140,
                render: (text) => text ?? '—',
              },
              {
                title: t('dashboard.status'),
                dataIndex: 'status',
                width: 220,
                render: (status: DashboardTask['status']) => <TaskStatusTag status={status} />,
              },
              {
                title: t('reporting.report.progress'),
                dataIndex: 'progress',
                width: 100,
                render: (progress: number | null) => (progress == null ? '—' : `${progress}%`),
              },
            ]}
          />
        </section>
      ))}
    </Flex>
  );
};
