import { formatDateVi } from '@core/domain/deadlines';
import type { TPlanSummary } from '@core/schemas/plan.schemas';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResponsiveTable } from '../../../components/ui/ResponsiveTable';

type PlanTableProps = {
  plans: TPlanSummary[];
  isLoading: boolean;
  emptyText: string;
  /** The server's pages: which one is shown, how many plans there are in all, and how to turn the page. */
  paging: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
};

/**
 * The list of plans, a page at a time: one row per document, the title links to the plan page; on a phone
 * one card per plan.
 */
export const PlanTable = ({ plans, isLoading, emptyText, paging }: PlanTableProps) => {
  const { t } = useTranslation();
  const columns: TableColumnsType<TPlanSummary> = [
    {
      key: 'number',
      title: t('plan.number'),
      dataIndex: 'number',
      width: 140,
      render: (number: string | null, plan) => (
        <Link to={`/plans/${plan.id}`}>{number ?? t('plan.noNumber')}</Link>
      ),
    },
    {
      key: 'title',
      title: t('plan.title'),
      dataIndex: 'title',
      render: (title: string, plan) => <Link to={`/plans/${plan.id}`}>{title}</Link>,
    },
    { key: 'locality', title: t('plan.locality'), dataIndex: 'localityName', width: 170 },
    {
      key: 'issuedDate',
      title: t('plan.issuedDate'),
      dataIndex: 'issuedDate',
      width: 130,
      render: (date: string | null) => formatDateVi(date) || t('common.none'),
    },
    {
      key: 'indicatorCount',
      title: t('plan.indicatorCount'),
      dataIndex: 'indicatorCount',
      width: 110,
      align: 'right',
    },
    { key: 'taskCount', title: t('plan.taskCount'), dataIndex: 'taskCount', width: 110, align: 'right' },
  ];

  return (
    <ResponsiveTable<TPlanSummary>
      rowKey="id"
      size="middle"
      bordered
      columns={columns}
      dataSource={plans}
      loading={isLoading}
      pagination={{
        current: paging.current,
        pageSize: paging.pageSize,
        total: paging.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total, [from, to]) => t('common.rangeOfTotal', { from, to, total }),
        onChange: paging.onChange,
      }}
      locale={{ emptyText }}
    />
  );
};
