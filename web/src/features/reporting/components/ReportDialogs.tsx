/**
 * The dialogs around a report's figures: submitting (each empty value explained, a late report's reason),
 * returning with comments on single indicators and tasks, and the history of returns.
 */
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { Alert, Card, Collapse, Flex, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReturnComment } from '../mutations';
import { formatDateTime, formatDay } from '../reportStatus';
import { RowError } from './RowError';

type IndicatorRow = TUnitReport['indicators'][number];

const labelOf = (row: { code: string | null; name: string }) =>
  row.code ? `${row.code} – ${row.name}` : row.name;

/**
 * "Nộp báo cáo": lists the values still empty, each with its "Chưa có số liệu" reason to write here,
 * and asks for the reason of a late report.
 */
export const SubmitReportModal = ({
  open,
  isPending,
  empty,
  isLate,
  dueDate,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  isPending: boolean;
  /** The indicators without a value or a reason. */
  empty: IndicatorRow[];
  isLate: boolean;
  dueDate: string;
  onCancel: () => void;
  /** Called with the reasons typed per indicator and the late reason. */
  onConfirm: (missingReasons: Record<string, string>, lateReason: string | null) => Promise<unknown>;
}) => {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [lateReason, setLateReason] = useState('');
  const [isChecked, setIsChecked] = useState(false);
  const missingReason = (id: string) => !(reasons[id] ?? '').trim();
  const handleOk = async () => {
    setIsChecked(true);
    if (empty.some((row) => missingReason(row.indicatorId)) || (isLate && !lateReason.trim())) return;
    await onConfirm(
      Object.fromEntries(empty.map((row) => [row.indicatorId, reasons[row.indicatorId]!.trim()])),
      isLate ? lateReason.trim() : null,
    );
  };
  return (
    <Modal
      title={t('figures.submitTitle')}
      open={open}
      onOk={handleOk}
      onCancel={onCancel}
      okText={t('reporting.report.confirmOk')}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      destroyOnHidden
      width={640}
    >
      <Flex vertical gap={12}>
        <Typography.Text>{t('figures.submitIntro')}</Typography.Text>
        {empty.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('figures.emptyTitle', { count: empty.length })}
            description={t('figures.emptyHint')}
          />
        )}
        {empty.map((row) => (
          <Flex vertical gap={4} key={row.indicatorId}>
            <label htmlFor={`missing-${row.indicatorId}`}>
              <Typography.Text strong>{labelOf(row)}</Typography.Text>
            </label>
            <Input.TextArea
              id={`missing-${row.indicatorId}`}
              aria-label={t('figures.missingReasonOf', { name: row.name })}
              placeholder={t('figures.missingReasonPlaceholder')}
              autoSize={{ minRows: 1, maxRows: 3 }}
              value={reasons[row.indicatorId] ?? ''}
              status={isChecked && missingReason(row.indicatorId) ? 'error' : undefined}
              onChange={(event) =>
                setReasons((current) => ({ ...current, [row.indicatorId]: event.target.value }))
              }
            />
            <RowError
              message={
                isChecked && missingReason(row.indicatorId) ? t('figures.missingReasonRequired') : undefined
              }
            />
          </Flex>
        ))}
        {isLate && (
          <Flex vertical gap={4}>
            <Alert type="warning" showIcon title={t('figures.lateTitle', { due: formatDay(dueDate) })} />
            <label htmlFor="late-reason">
              <Typography.Text strong>{t('figures.lateReason')}</Typography.Text>
            </label>
            <Input.TextArea
              id="late-reason"
              autoSize={{ minRows: 2, maxRows: 4 }}
              value={lateReason}
              status={isChecked && !lateReason.trim() ? 'error' : undefined}
              onChange={(event) => setLateReason(event.target.value)}
            />
            <RowError
              message={isChecked && !lateReason.trim() ? t('figures.lateReasonRequired') : undefined}
            />
          </Flex>
        )}
      </Flex>
    </Modal>
  );
};

/** "Trả lại": a required reason, and optional comments on single indicators and tasks. */
export const ReturnReportModal = ({
  open,
  isPending,
  report,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  isPending: boolean;
  report: TUnitReport;
  onCancel: () => void;
  onConfirm: (reason: string, comments: TReturnComment[]) => Promise<unknown>;
}) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [comments, setComments] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const handleOk = async () => {
    if (!reason.trim()) {
      setError(t('reporting.report.returnReasonRequired'));
      return;
    }
    const list: TReturnComment[] = Object.entries(comments).flatMap(([key, text]) => {
      if (!text.trim()) return [];
      const [kind, id] = key.split(':') as ['indicator' | 'task', string];
      return [
        kind === 'indicator' ? { indicatorId: id, text: text.trim() } : { taskId: id, text: text.trim() },
      ];
    });
    await onConfirm(reason.trim(), list);
  };
  const commentField = (key: string, name: string) => (
    <Flex vertical gap={2} key={key}>
      <Typography.Text>{name}</Typography.Text>
      <Input.TextArea
        aria-label={t('figures.commentOf', { name })}
        autoSize={{ minRows: 1, maxRows: 3 }}
        value={comments[key] ?? ''}
        onChange={(event) => setComments((current) => ({ ...current, [key]: event.target.value }))}
      />
    </Flex>
  );
  return (
    <Modal
      title={t('reporting.report.returnTitle')}
      open={open}
      onOk={handleOk}
      onCancel={onCancel}
      okText={t('reporting.report.return')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      destroyOnHidden
      width={640}
    >
      <Flex vertical gap={8}>
        <label htmlFor="return-reason">
          <Typography.Text strong>{t('reporting.report.returnReason')}</Typography.Text>
        </label>
        <Input.TextArea
          id="return-reason"
          autoSize={{ minRows: 3, maxRows: 8 }}
          value={reason}
          status={error ? 'error' : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setError(null);
          }}
        />
        <Typography.Text type="secondary">{t('reporting.report.returnReasonHint')}</Typography.Text>
        <RowError message={error ?? undefined} />
        <Collapse
          size="small"
          items={[
            {
              key: 'comments',
              label: t('figures.returnComments'),
              children: (
                <Flex vertical gap={8}>
                  {report.indicators.map((row) => commentField(`indicator:${row.indicatorId}`, labelOf(row)))}
                  {report.tasks.map((row) => commentField(`task:${row.taskId}`, labelOf(row)))}
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
    </Modal>
  );
};

/** Every return of the report with its reason and comments: stays visible once the unit edits it. */
export const ReturnHistory = ({ report }: { report: TUnitReport }) => {
  const { t } = useTranslation();
  if (report.returns.length === 0) return null;
  const nameOf = (comment: TUnitReport['returns'][number]['comments'][number]) => {
    const indicator = report.indicators.find((row) => row.indicatorId === comment.indicatorId);
    if (indicator) return t('figures.commentIndicator', { name: labelOf(indicator), text: comment.text });
    const task = report.tasks.find((row) => row.taskId === comment.taskId);
    return t('figures.commentTask', { name: task ? labelOf(task) : '—', text: comment.text });
  };
  return (
    <Card size="small" title={t('figures.returnsTitle')} data-testid="return-history">
      <List
        size="small"
        dataSource={[...report.returns].reverse()}
        renderItem={(item) => (
          <List.Item>
            <Flex vertical gap={2}>
              <Typography.Text type="secondary">
                {t('figures.returnedAt', {
                  at: formatDateTime(item.returnedAt),
                  by: item.returnedByName ? ` · ${item.returnedByName}` : '',
                })}
              </Typography.Text>
              <Typography.Text>
                {t('reporting.report.returnedReason', { reason: item.reason })}
              </Typography.Text>
              {item.comments.map((comment) => (
                <Typography.Text key={`${comment.indicatorId ?? comment.taskId}`}>
                  • {nameOf(comment)}
                </Typography.Text>
              ))}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
};
