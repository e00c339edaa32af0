import { DeleteOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { TImportedDeadline, TImportedTask } from '@core/schemas/import.schemas';
import { Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { deadlineColor, deadlineLabel } from '../../task/deadlineLabel';
import { lowerFirst, type ReviewRow, splitUnitNames, withDeadline } from '../draftEdits';
import { EditableCell } from './EditableCell';
import styles from './ReviewPage.module.css';
import { RowReview } from './RowReview';

type TaskReviewTableProps = {
  rows: ReadonlyArray<ReviewRow<TImportedTask>>;
  onChange: (key: string, change: (value: TImportedTask) => TImportedTask) => void;
  onRemove: (key: string) => void;
  errors: ReadonlyMap<string, string[]>;
  unitOptions: readonly string[];
  onShowInSource: (query: string) => void;
};

/** The meaning of a deadline in the words of the plan's task table ("Đến 31/12/2025", "Hằng năm"). */
const meaningOf = (deadline: TImportedDeadline | null) => ({
  deadlineKind: deadline?.kind ?? null,
  deadlineDate: deadline?.kind === 'by' ? deadline.date : null,
  recurrence: deadline?.kind === 'recurring' ? deadline.every : null,
});

/** The task rows of the draft: every cell corrected in place, each row tagged for review. */
export const TaskReviewTable = ({
  rows,
  onChange,
  onRemove,
  errors,
  unitOptions,
  onShowInSource,
}: TaskReviewTableProps) => {
  const { t } = useTranslation();
  const numberOf = (key: string) => rows.findIndex((row) => row.key === key) + 1;
  const label = (field: string, key: string) =>
    t('importPlan.cell.edit', {
      field: lowerFirst(field),
      row: t('importPlan.cell.taskRow', { n: numberOf(key) }),
    });
  const text = (
    field: 'code' | 'name' | 'lead' | 'output',
    title: string,
    options?: { multiline?: boolean; units?: boolean },
  ) => ({
    title,
    key: field,
    render: (_: unknown, row: ReviewRow<TImportedTask>) => (
      <EditableCell
        value={row.value[field]}
        label={label(title, row.key)}
        multiline={options?.multiline}
        options={options?.units ? unitOptions : undefined}
        onChange={(next) =>
          onChange(row.key, (value) => ({ ...value, [field]: field === 'name' ? next : next || null }))
        }
      />
    ),
  });

  const columns: ColumnsType<ReviewRow<TImportedTask>> = [
    { ...text('code', t('importPlan.columns.code')), width: 72 },
    {
      title: t('importPlan.columns.taskName'),
      key: 'name',
      width: 340,
      render: (_: unknown, row) => (
        <Flex vertical gap={2}>
          {row.value.group && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.value.group}
            </Typography.Text>
          )}
          <EditableCell
            value={row.value.name}
            label={label(t('importPlan.columns.taskName'), row.key)}
            multiline
            onChange={(next) => onChange(row.key, (value) => ({ ...value, name: next }))}
          />
        </Flex>
      ),
    },
    {
      title: t('importPlan.columns.review'),
      key: 'review',
      width: 170,
      render: (_: unknown, row) => (
        <RowReview review={row.value.review} edited={row.edited} errors={errors.get(row.key)} />
      ),
    },
    { ...text('lead', t('importPlan.columns.lead'), { units: true }), width: 170 },
    {
      title: t('importPlan.columns.coordinating'),
      key: 'coordinating',
      width: 220,
      render: (_: unknown, row) => (
        <EditableCell
          value={row.value.coordinating.join('; ')}
          label={label(t('importPlan.columns.coordinating'), row.key)}
          multiline
          onChange={(next) =>
            onChange(row.key, (value) => ({ ...value, coordinating: splitUnitNames(next) }))
          }
        />
      ),
    },
    { ...text('output', t('importPlan.columns.output'), { multiline: true }), width: 160 },
    {
      title: t('importPlan.columns.deadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, row) => {
        const meaning = meaningOf(row.value.deadline);
        const reading = deadlineLabel(meaning, t);
        return (
          <Flex vertical gap={2} align="flex-start">
            <EditableCell
              value={row.value.deadlineRaw}
              label={label(t('importPlan.columns.deadline'), row.key)}
              onChange={(next) => onChange(row.key, (value) => withDeadline(value, next))}
            />
            {row.value.deadlineRaw &&
              (reading ? (
                <Tag color={deadlineColor(meaning.deadlineKind)}>{reading}</Tag>
              ) : (
                <Tag color="orange">{t('importPlan.cell.deadlineUnread')}</Tag>
              ))}
          </Flex>
        );
      },
    },
    {
      title: t('importPlan.columns.actions'),
      key: 'actions',
      width: 88,
      render: (_: unknown, row) => (
        <Flex gap={2}>
          <Tooltip title={t('importPlan.showInSource')}>
            <Button
              type="text"
              size="small"
              icon={<FileSearchOutlined />}
              aria-label={`${t('importPlan.showInSource')} – ${t('importPlan.cell.taskRow', { n: numberOf(row.key) })}`}
              onClick={() => onShowInSource(row.value.name.split(/\s+/).slice(0, 6).join(' '))}
            />
          </Tooltip>
          <Popconfirm title={t('importPlan.removeRowConfirm')} onConfirm={() => onRemove(row.key)}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('importPlan.removeRow')} – ${t('importPlan.cell.taskRow', { n: numberOf(row.key) })}`}
            />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <Table
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (errors.has(row.key) ? (styles.rowWithErrors ?? '') : '')}
    />
  );
};
