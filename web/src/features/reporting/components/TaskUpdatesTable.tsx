import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { DatePicker, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT_VI, dayjsToIso, isoToDayjs } from '../../../components/ui/dates';
import { ResponsiveTable } from '../../../components/ui/ResponsiveTable';
import type { RowErrors, TaskDraft } from '../reportDraft';
import { formatDay } from '../reportStatus';
import { RowError } from './RowError';

type TaskRow = TUnitReport['tasks'][number];

type TaskUpdatesTableProps = {
  report: TUnitReport;
  tasks: Record<string, TaskDraft>;
  errors: RowErrors;
  isEditable: boolean;
  onChange: (taskId: string, patch: Partial<TaskDraft>) => void;
};

const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;

/** One row per task the unit leads: status, progress, completion date and result. */
export const TaskUpdatesTable = ({ report, tasks, errors, isEditable, onChange }: TaskUpdatesTableProps) => {
  const { t } = useTranslation();
  const errorOf = (row: TaskRow, field: string) => errors[`taskUpdates.${row.taskId}.${field}`];
  const statusLabel = (status: TaskDraft['status']) =>
    status ? t(`reporting.report.taskStatuses.${status}`) : '—';

  return (
    <ResponsiveTable<TaskRow>
      rowKey="taskId"
      size="small"
      pagination={false}
      dataSource={report.tasks}
      locale={{ emptyText: t('reporting.report.noTasks') }}
      scroll={{ x: 1100 }}
      columns={[
        { title: t('reporting.report.code'), dataIndex: 'code', width: 70, render: (code) => code ?? '—' },
        { title: t('reporting.report.name'), dataIndex: 'name' },
        {
          title: t('reporting.report.deadline'),
          dataIndex: 'deadlineText',
          width: 120,
          render: (text) => text ?? '—',
        },
        {
          title: t('reporting.report.taskStatus'),
          key: 'status',
          width: 170,
          render: (_, row) =>
            isEditable ? (
              <>
                <Select
                  aria-label={t('reporting.report.taskStatusOf', { name: row.name })}
                  value={tasks[row.taskId]?.status ?? undefined}
                  placeholder={t('common.selectPlaceholder')}
                  style={{ width: 160 }}
                  status={errorOf(row, 'status') ? 'error' : undefined}
                  onChange={(status) =>
                    onChange(row.taskId, status === 'done' ? { status, progress: 100 } : { status })
                  }
                  options={TASK_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))}
                />
                <RowError message={errorOf(row, 'status')} />
              </>
            ) : (
              statusLabel(tasks[row.taskId]?.status ?? null)
            ),
        },
        {
          title: t('reporting.report.progress'),
          key: 'progress',
          width: 120,
          render: (_, row) =>
            isEditable ? (
              <>
                <InputNumber
                  aria-label={t('reporting.report.progressOf', { name: row.name })}
                  value={tasks[row.taskId]?.progress ?? null}
                  min={0}
                  max={100}
                  precision={0}
                  suffix="%"
                  style={{ width: 100 }}
                  status={errorOf(row, 'progress') ? 'error' : undefined}
                  onChange={(value) =>
                    onChange(row.taskId, { progress: typeof value === 'number' ? value : null })
                  }
                />
                <RowError message={errorOf(row, 'progress')} />
              </>
            ) : tasks[row.taskId]?.progress != null ? (
              `${tasks[row.taskId]?.progress}%`
            ) : (
              '—'
            ),
        },
        {
          title: t('reporting.report.completedOn'),
          key: 'completedOn',
          width: 160,
          render: (_, row) =>
            isEditable ? (
              <>
                <DatePicker
                  aria-label={t('reporting.report.completedOnOf', { name: row.name })}
                  format={DATE_FORMAT_VI}
                  disabled={tasks[row.taskId]?.status !== 'done'}
                  value={isoToDayjs(tasks[row.taskId]?.completedOn)}
                  status={errorOf(row, 'completedOn') ? 'error' : undefined}
                  onChange={(value) => onChange(row.taskId, { completedOn: dayjsToIso(value) })}
                />
                <RowError message={errorOf(row, 'completedOn')} />
              </>
            ) : (
              formatDay(tasks[row.taskId]?.completedOn)
            ),
        },
        {
          title: t('reporting.report.result'),
          key: 'result',
          width: 240,
          render: (_, row) =>
            isEditable ? (
              <>
                <Input.TextArea
                  aria-label={t('reporting.report.resultOf', { name: row.name })}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  value={tasks[row.taskId]?.result ?? ''}
                  onChange={(event) => onChange(row.taskId, { result: event.target.value })}
                />
                <RowError message={errorOf(row, 'result')} />
              </>
            ) : (
              (tasks[row.taskId]?.result ?? '') || '—'
            ),
        },
      ]}
    />
  );
};
