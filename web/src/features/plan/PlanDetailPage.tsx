import { DashboardOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Flex, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { DownloadMenu } from '../../components/ui/DownloadMenu';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormDrawer } from '../../components/ui/FormDrawer';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { useTabParam } from '../../components/ui/useTabParam';
import { IndicatorsTab } from '../indicator/components/IndicatorsTab';
import { ReportingTab } from '../reporting/components/ReportingTab';
import { TasksTab } from '../task/components/TasksTab';
import { UnassignedTasksAlert } from '../task/components/UnassignedTasksAlert';
import { PlanUnitsList } from '../unit/components/PlanUnitsList';
import { PlanFacts } from './components/PlanFacts';
import { PlanForm } from './components/PlanForm';
import { useDeletePlanMutation } from './mutations';
import { planQueries } from './queries';

const TABS = ['indicators', 'tasks', 'units', 'reports'] as const;
type TabKey = (typeof TABS)[number];

/**
 * /plans/:planId — the plan's document facts, then its indicators, tasks and units in tabs. The tab and a
 * highlighted row (from search) live in the URL: ?tab=tasks&highlight=<id>; each tab switch is a history
 * entry, so Back returns to the tab before.
 */
const PlanDetailPage = () => {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [isEditing, setIsEditing] = useState(false);
  const plan = useQuery(planQueries.detail(planId));
  const deletePlan = useDeletePlanMutation();
  const [activeTab, openTab] = useTabParam<TabKey>(TABS, 'indicators');
  const highlightedId = searchParams.get('highlight');

  useEffect(() => {
    if (!highlightedId || !plan.data) return;
    // The row exists only once the table has rendered the fetched plan.
    const row = document.querySelector(`[data-row-key="${CSS.escape(highlightedId)}"]`);
    row?.scrollIntoView({ block: 'center' });
  }, [highlightedId, plan.data]);

  // Reminder e-mails link a unit's report as /plans/<plan>?period=<period>&unit=<unit>: open that report.
  const linkedPeriod = searchParams.get('period');
  const linkedUnit = searchParams.get('unit');
  if (linkedPeriod && linkedUnit)
    return <Navigate replace to={`/reporting-periods/${linkedPeriod}/units/${linkedUnit}`} />;

  if (plan.isLoading) return <LoadingState />;
  if (plan.isError || !plan.data)
    return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = plan.data;

  const handleDelete = async () => {
    try {
      await deletePlan.mutateAsync(data.id);
      message.success(t('plan.deletedMessage'));
      navigate('/plans');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  // The highlighted row belongs to the tab it was found in.
  const handleTabChange = (key: string) => openTab(key as TabKey, { drop: ['highlight'] });

  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[{ title: <Link to="/plans">{t('plan.back')}</Link> }, { title: data.number ?? data.title }]}
      />
      <Flex justify="space-between" align="flex-start" gap={16}>
        <div>
          <PageTitle>{t('plan.heading', { number: data.number ?? t('plan.noNumber') })}</PageTitle>
          <Typography.Paragraph style={{ margin: '4px 0 0', maxWidth: 1100 }}>
            {data.title}
          </Typography.Paragraph>
        </div>
        <Space>
          <Button icon={<DashboardOutlined />} onClick={() => navigate(`/plans/${data.id}/dashboard`)}>
            {t('dashboard.open')}
          </Button>
          <DownloadMenu
            items={[
              {
                key: 'plan-docx',
                label: t('download.planDocx'),
                path: `/api/v1/plans/${data.id}/export.docx`,
                fileName: 'ke-hoach.docx',
              },
              {
                key: 'indicators-xlsx',
                label: t('download.indicatorsXlsx'),
                path: `/api/v1/plans/${data.id}/indicators.xlsx`,
                fileName: 'chi-tieu.xlsx',
              },
              {
                key: 'tasks-xlsx',
                label: t('download.tasksXlsx'),
                path: `/api/v1/plans/${data.id}/tasks.xlsx`,
                fileName: 'nhiem-vu.xlsx',
              },
            ]}
          />
          {data.can.edit && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)}>
                {t('plan.editButton')}
              </Button>
              <Popconfirm
                title={t('plan.deleteConfirm', { number: data.number ?? data.title })}
                description={t('plan.deleteHint')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, loading: deletePlan.isPending }}
                onConfirm={handleDelete}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t('plan.deleteButton')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      </Flex>
      <PlanFacts plan={data} />
      <UnassignedTasksAlert planId={data.id} count={data.tasks.filter((task) => !task.leadUnitId).length} />
      <Tabs
        activeKey={activeTab}
        onChange={handleTabChange}
        items={[
          {
            key: 'indicators',
            label: t('plan.tabs.indicators', { count: data.indicators.length }),
            children: <IndicatorsTab plan={data} highlightedId={highlightedId} />,
          },
          {
            key: 'tasks',
            label: t('plan.tabs.tasks', { count: data.tasks.length }),
            children: <TasksTab plan={data} highlightedId={highlightedId} />,
          },
          {
            key: 'units',
            label: t('plan.tabs.units', { count: data.units.length }),
            children: <PlanUnitsList plan={data} />,
          },
          { key: 'reports', label: t('reporting.tab'), children: <ReportingTab plan={data} /> },
        ]}
      />
      <FormDrawer title={t('plan.editTitle')} open={isEditing} onClose={() => setIsEditing(false)} size={760}>
        {isEditing && (
          <PlanForm
            plan={data}
            onCancel={() => setIsEditing(false)}
            onDone={() => {
              setIsEditing(false);
              message.success(t('common.saved'));
            }}
          />
        )}
      </FormDrawer>
    </Flex>
  );
};

export default PlanDetailPage;
