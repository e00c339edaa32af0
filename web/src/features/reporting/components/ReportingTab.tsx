import { PlusOutlined } from '@ant-design/icons';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import type { TReportingPeriod } from '@core/schemas/reporting.schemas';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { clickableRow } from '../../../components/ui/clickableRow';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { consolidatedPath } from '../../consolidation/consolidatedStatus';
import { reportingQueries } from '../queries';
import { currentPeriodOf, formatDay, isAdhocPeriod } from '../reportStatus';
import { AdhocPeriodModal } from './AdhocPeriodModal';
import { ObligationsTable } from './ObligationsTable';

/**
 * The plan's "Báo cáo" tab: its reporting periods, and for the chosen one (?period=<id>, else the current
 * one) which units must report and where each stands.
 */
export const ReportingTab = ({ plan }: { plan: TPlanDetail }) => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [isRequesting, setIsRequesting] = useState(false);
  const periods = useQuery(reportingQueries.periods(plan.id));
  const list = periods.data ?? [];
  const chosenId = searchParams.get('period');
  const selected = list.find((period) => period.id === chosenId) ?? currentPeriodOf(list);
  const detail = useQuery({ ...reportingQueries.period(selected?.id ?? ''), enabled: Boolean(selected) });

  // A period the person picks is a history entry (as a tab is, useTabParam): Back returns to the one before.
  const selectPeriod = (periodId: string) => {
    if (periodId === selected?.id) return;
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      next.set('period', periodId);
      return next;
    });
  };

  if (periods.isLoading) return <LoadingState />;
  if (periods.isError) return <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('reporting.periods')}
        </Typography.Title>
        {plan.can.edit && (
          <Button icon={<PlusOutlined />} onClick={() => setIsRequesting(true)}>
            {t('reporting.requestAdhoc')}
          </Button>
        )}
      </Flex>
      {list.length === 0 ? (
        <Empty description={t('reporting.noPeriods')} />
      ) : (
        <Table<TReportingPeriod>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={list}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selected ? [selected.id] : [],
            onChange: (keys) => keys[0] && selectPeriod(String(keys[0])),
            columnWidth: 40,
          }}
          onRow={(row) =>
            clickableRow(() => selectPeriod(row.id), t('common.selectRow', { name: row.label }))
          }
          columns={[
            {
              title: t('reporting.period'),
              dataIndex: 'label',
              render: (label: string, row) => (
                <Flex gap={6} align="center">
                  <Typography.Text strong={row.id === selected?.id}>{label}</Typography.Text>
                  {isAdhocPeriod(row) && <Tag color="purple">{t('reporting.adhoc')}</Tag>}
                </Flex>
              ),
            },
            {
              title: t('reporting.dataWindowShort'),
              key: 'window',
              render: (_, row) =>
                t('reporting.dataWindow', { from: formatDay(row.dataFrom), to: formatDay(row.dataTo) }),
            },
            { title: t('reporting.dueDate'), dataIndex: 'dueDate', width: 140, render: formatDay },
            {
              title: t('consolidation.title'),
              key: 'consolidated',
              width: 180,
              render: (_, row) => (
                <Link
                  to={consolidatedPath(row.id)}
                  title={t('consolidation.openTitle', { period: row.label })}
                  // Opening the report is not choosing the period of the table below.
                  onClick={(event) => event.stopPropagation()}
                >
                  {t('consolidation.open')}
                </Link>
              ),
            },
          ]}
        />
      )}
      {selected && (
        <Flex vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('reporting.obligations', { period: selected.label })}
          </Typography.Title>
          {detail.isError ? (
            <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
          ) : (
            <ObligationsTable
              periodId={selected.id}
              obligations={detail.data?.obligations ?? []}
              isLoading={detail.isLoading}
              canEnterOnBehalf={detail.data?.canEnterOnBehalf}
            />
          )}
        </Flex>
      )}
      <AdhocPeriodModal
        planId={plan.id}
        open={isRequesting}
        onClose={(createdId) => {
          setIsRequesting(false);
          if (createdId) selectPeriod(createdId);
        }}
      />
    </Flex>
  );
};
