import type { TImportedDeadline, TImportedTask } from '@core/schemas/import.schemas';
import { Flex, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { deadlineColor, deadlineLabel } from '../../task/deadlineLabel';
import { type ReviewRow, withDeadline } from '../draftEdits';
import { EditableCell } from './EditableCell';
import { ReviewTable, type ReviewTableProps, useReviewColumns } from './reviewColumns';

/** The meaning of a deadline in the words of the plan's task table ("Đến 31/12/2025", "Hằng năm"). */
const meaningOf = (deadline: TImportedDeadline | null) => ({
  deadlineKind: deadline?.kind ?? null,
  deadlineDate: deadline?.kind === 'by' ? deadline.date : null,
  recurrence: deadline?.kind === 'recurring' ? deadline.every : null,
});

/** The task rows of the draft: every cell corrected in place, each row tagged for review. */
export const TaskReviewTable = (props: ReviewTableProps<TImportedTask>) => {
  const { t } = useTranslation();
  const { onChange } = props;
  const shared = useReviewColumns(props, 'importPlan.cell.taskRow');
  const { label, text } = shared;

  const columns: ColumnsType<ReviewRow<TImportedTask>> = [
    { ...text('code', t('importPlan.columns.code')), width: 72 },
    { ...shared.name(t('importPlan.columns.taskName')), width: 340 },
    shared.review,
    { ...text('lead', t('importPlan.columns.lead'), { units: true }), width: 170 },
    shared.coordinating,
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
    shared.actions,
  ];

  return <ReviewTable rows={props.rows} columns={columns} errors={props.errors} />;
};
