import type { TConsolidatedWorkItem, TMyObligation, TReviewItem } from '@core/schemas/reporting.schemas';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, type TableProps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { clickableRow } from '../../components/ui/clickableRow';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { reportingQueries } from './queries';
import {
  formatDateTime,
  formatDay,
  REPORT_STATUS_COLOURS,
  reportStatusOf,
  TIMELINESS_COLOURS,
} from './reportStatus';

type WorkPlan = TMyObligation['plan'];
/** A row of any of the page's tables: it names its plan and period and links to what it opens. */
type WorkRow = { link: string; plan: WorkPlan; period: { label: string }; unitName?: string };

/** "còn 5 ngày", "hôm nay", "quá hạn 3 ngày" — only while the unit still has something to do. */
const DaysLeft = ({ row }: { row: TMyObligation }) => {
  const { t } = useTranslation();
  const status = reportStatusOf(row.report);
  if (status === 'submitted' || status === 'accepted') return null;
  if (row.daysLeft < 0)
    return (
      <Typography.Text type="danger">{t('myWork.overdueDays', { count: -row.daysLeft })}</Typography.Text>
    );
  return (
    <Typography.Text type={row.daysLeft <= 3 ? 'warning' : 'secondary'}>
      {row.daysLeft === 0 ? t('myWork.dueToday') : t('myWork.daysLeft', { count: row.daysLeft })}
    </Typography.Text>
  );
};

/** One section of the page: a card with its hint over the table of its rows, each row opening its report. */
const WorkSection = <T extends WorkRow>({
  title,
  hint,
  extra,
  testId,
  rowKey,
  rows,
  empty,
  onRow,
  columns,
}: {
  title: string;
  hint: string;
  extra?: ReactNode;
  testId?: string;
  rowKey: (row: T) => string;
  rows: T[];
  /** What the table says when nothing waits. */
  empty: string;
  onRow: (row: T) => ReturnType<typeof clickableRow>;
  columns: NonNullable<TableProps<T>['columns']>;
}) => (
  <Card data-testid={testId} title={title} size="small" extra={extra}>
    <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
    <ResponsiveTable<T>
      rowKey={rowKey}
      size="middle"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={onRow}
      columns={columns}
    />
  </Card>
);

/**
 * /my-work — "Việc của tôi": for a unit officer, the reports of their units in the current periods and
 * any draft, returned or overdue one (with the reason of a return); for the standing agency, the reports
 * waiting for review and its consolidated reports returned by the leader or not sent past the due date; for
 * the leader, the consolidated reports waiting for approval. One request (GET /api/v1/my-work).
 */
const MyWorkPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const work = useQuery(reportingQueries.myWork());

  if (work.isError) return <ErrorState error={work.error} onRetry={() => void work.refetch()} />;

  const data = work.data;
  const open = (row: { link: string }) => navigate(row.link);
  /** A row opens its report, by click or by keyboard; its name says which (plan, period, unit). */
  const openRow = (row: WorkRow) =>
    clickableRow(
      () => open(row),
      t('common.openRow', {
        name: [row.plan.number ?? row.plan.title, row.period.label, row.unitName].filter(Boolean).join(' · '),
      }),
    );
  const planColumn = {
    title: t('myWork.plan'),
    key: 'plan',
    render: (_: unknown, row: { plan: WorkPlan }) => (
      <Flex vertical>
        <Typography.Text>{row.plan.number ?? row.plan.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.plan.localityName}
        </Typography.Text>
      </Flex>
    ),
  };
  const periodColumn = {
    title: t('reporting.period'),
    key: 'period',
    render: (_: unknown, row: WorkRow) => row.period.label,
  };
  const unitColumn = {
    title: t('reporting.unit'),
    key: 'unit',
    render: (_: unknown, row: WorkRow) => row.unitName,
  };
  /** The last column: a button that opens the row, named by what the row waits for. */
  const openColumn = <T extends WorkRow>(width: number, render: (row: T) => ReactNode) => ({
    title: t('common.actions'),
    key: 'open',
    width,
    render: (_: unknown, row: T) => render(row),
  });

  return (
    <Flex vertical gap={16}>
      <PageTitle>{t('myWork.title')}</PageTitle>
      {work.isLoading && <LoadingState />}
      {data?.roles.files && (
        <WorkSection<TMyObligation>
          title={t('myWork.myReports')}
          hint={t('myWork.intro')}
          extra={
            <Flex gap={4} wrap>
              {data.counts.overdue > 0 && (
                <Tag color="error">{t('myWork.overdueCount', { count: data.counts.overdue })}</Tag>
              )}
              {data.counts.returned > 0 && (
                <Tag color="warning">{t('myWork.returnedCount', { count: data.counts.returned })}</Tag>
              )}
            </Flex>
          }
          rowKey={(row) => `${row.period.id}:${row.unitId}`}
          rows={data.obligations}
          empty={t('myWork.nothing')}
          onRow={openRow}
          columns={[
            planColumn,
            periodColumn,
            unitColumn,
            {
              title: t('reporting.dueDate'),
              key: 'due',
              width: 140,
              render: (_, row) => (
                <Flex vertical>
                  {formatDay(row.period.dueDate)}
                  <DaysLeft row={row} />
                </Flex>
              ),
            },
            {
              title: t('reporting.status'),
              key: 'status',
              render: (_, row) => {
                const status = reportStatusOf(row.report);
                return (
                  <Flex vertical gap={4}>
                    <Flex gap={4} wrap>
                      <Tag color={REPORT_STATUS_COLOURS[status]}>{t(`reporting.statuses.${status}`)}</Tag>
                      <Tag color={TIMELINESS_COLOURS[row.timeliness]}>
                        {t(`reporting.timelinessLabels.${row.timeliness}`)}
                      </Tag>
                    </Flex>
                    {status === 'returned' && row.report?.returnReason && (
                      <Typography.Text type="danger">
                        {t('myWork.returnedBecause', { reason: row.report.returnReason })}
                      </Typography.Text>
                    )}
                  </Flex>
                );
              },
            },
            openColumn<TMyObligation>(140, (row) => {
              const status = reportStatusOf(row.report);
              const canFill = status === 'not_started' || status === 'draft' || status === 'returned';
              return (
                <Button size="small" type={canFill ? 'primary' : 'default'} onClick={() => open(row)}>
                  {canFill ? t('myWork.fill') : t('myWork.open')}
                </Button>
              );
            }),
          ]}
        />
      )}
      {data?.roles.reviews && (
        <WorkSection<TReviewItem>
          title={t('myWork.toReview')}
          hint={t('myWork.toReviewHint')}
          rowKey={(row) => row.report.id}
          rows={data.toReview}
          empty={t('myWork.nothingToReview')}
          onRow={openRow}
          columns={[
            planColumn,
            periodColumn,
            unitColumn,
            {
              title: t('reporting.submittedAt'),
              key: 'submittedAt',
              render: (_, row) => (
                <Flex gap={4}>
                  {formatDateTime(row.report.submittedAt)}
                  {row.report.isLate && <Tag color="warning">{t('reporting.lateTag')}</Tag>}
                </Flex>
              ),
            },
            openColumn<TReviewItem>(140, (row) => (
              <Button size="small" type="primary" onClick={() => open(row)}>
                {t('myWork.review')}
              </Button>
            )),
          ]}
        />
      )}
      {data?.roles.approves && (
        <WorkSection<TConsolidatedWorkItem>
          testId="my-work-consolidated-to-approve"
          title={t('myWork.consolidatedToApprove')}
          hint={t('myWork.consolidatedToApproveHint')}
          extra={
            data.counts.consolidatedToApprove > 0 && (
              <Tag color="processing">
                {t('myWork.toApproveCount', { count: data.counts.consolidatedToApprove })}
              </Tag>
            )
          }
          rowKey={(row) => row.period.id}
          rows={data.consolidatedToApprove}
          empty={t('myWork.nothingToApprove')}
          onRow={openRow}
          columns={[
            planColumn,
            periodColumn,
            { title: t('myWork.sentBy'), key: 'sentBy', render: (_, row) => row.report?.sentByName ?? '—' },
            {
              title: t('myWork.sentAt'),
              key: 'sentAt',
              render: (_, row) => formatDateTime(row.report?.sentAt),
            },
            openColumn<TConsolidatedWorkItem>(160, (row) => (
              <Button size="small" type="primary" onClick={() => open(row)}>
                {t('myWork.approve')}
              </Button>
            )),
          ]}
        />
      )}
      {data?.roles.consolidates && (
        <WorkSection<TConsolidatedWorkItem>
          testId="my-work-consolidated"
          title={t('myWork.consolidated')}
          hint={t('myWork.consolidatedHint')}
          extra={
            <Flex gap={4} wrap>
              {data.counts.consolidatedOverdue > 0 && (
                <Tag color="error">
                  {t('myWork.consolidatedOverdueCount', { count: data.counts.consolidatedOverdue })}
                </Tag>
              )}
              {data.counts.consolidatedReturned > 0 && (
                <Tag color="warning">
                  {t('myWork.consolidatedReturnedCount', { count: data.counts.consolidatedReturned })}
                </Tag>
              )}
            </Flex>
          }
          rowKey={(row) => row.period.id}
          rows={[...data.consolidatedReturned, ...data.consolidatedOverdue]}
          empty={t('myWork.nothingToConsolidate')}
          onRow={openRow}
          columns={[
            planColumn,
            periodColumn,
            {
              title: t('reporting.dueDate'),
              key: 'due',
              width: 140,
              render: (_, row) => (
                <Flex vertical>
                  {formatDay(row.period.dueDate)}
                  {row.daysLeft < 0 && row.report?.status !== 'returned' && (
                    <Typography.Text type="danger">
                      {t('myWork.overdueDays', { count: -row.daysLeft })}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: t('reporting.status'),
              key: 'status',
              render: (_, row) => {
                const state =
                  row.report?.status === 'returned' ? 'returned' : row.report ? 'draft' : 'missing';
                return (
                  <Flex vertical gap={4}>
                    <Flex>
                      <Tag color={state === 'returned' ? 'warning' : state === 'draft' ? 'default' : 'error'}>
                        {t(`myWork.consolidatedStates.${state}`)}
                      </Tag>
                    </Flex>
                    {state === 'returned' && row.report?.returnReason && (
                      <Typography.Text type="danger">
                        {t('myWork.returnedBecause', { reason: row.report.returnReason })}
                      </Typography.Text>
                    )}
                    {state === 'returned' && row.report?.decidedByName && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('myWork.returnedBy', {
                          name: row.report.decidedByName,
                          at: formatDateTime(row.report.decidedAt),
                        })}
                      </Typography.Text>
                    )}
                  </Flex>
                );
              },
            },
            openColumn<TConsolidatedWorkItem>(160, (row) => (
              <Button size="small" type="primary" onClick={() => open(row)}>
                {row.report?.status === 'returned'
                  ? t('myWork.fixConsolidated')
                  : row.report
                    ? t('myWork.continueConsolidated')
                    : t('myWork.writeConsolidated')}
              </Button>
            )),
          ]}
        />
      )}
      {data &&
        !data.roles.files &&
        !data.roles.reviews &&
        !data.roles.approves &&
        !data.roles.consolidates && (
          // A unit officer's account without its unit cannot file anything; everyone else (an administrator,
          // an inspector) simply has nothing waiting here.
          <Empty
            description={
              hasAnyRole(user, ['unit_officer']) &&
              !hasAnyRole(user, ['system_admin', 'locality_admin', 'leader', 'standing_officer', 'inspector'])
                ? t('myWork.noUnit')
                : t('myWork.nothingToDo')
            }
          />
        )}
    </Flex>
  );
};

export default MyWorkPage;
