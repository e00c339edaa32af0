/**
 * The tasks as the plan prints them: group header rows, then number, task, lead and coordinating units,
 * output and deadline (the printed text beside its meaning: "Đến 31/12/2025", "Hằng năm").
 */
import { foldText } from '@core/domain/text';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import type { TTask } from '@core/schemas/task.schemas';
import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type GroupedRow, groupRows } from '../../plan/groupRows';
import { hideInGroupRow, itemActionsColumn } from '../../plan/itemActionsColumn';
import { makeUnitNamer } from '../../plan/unitNames';
import { deadlineColor, deadlineLabel } from '../deadlineLabel';
import styles from './TaskTable.module.css';

type Row = GroupedRow<TTask>;

type TaskTableProps = {
  plan: TPlanDetail;
  tasks: TTask[];
  highlightedId: string | null;
  /** Whether the user may delete tasks (plan.can.edit); editing a row follows `task.canEdit`. */
  canEditPlan: boolean;
  onShowHistory: (task: TTask) => void;
  onEditTask: (task: TTask) => void;
  onDeleteTask: (task: TTask) => Promise<unknown>;
  /** For the standing agency: a selection column, and a "Giao cả nhóm" action in each group's header. */
  selection?: {
    selectedIds: string[];
    onChange: (ids: string[]) => void;
    onAssignGroup: (tasks: TTask[]) => void;
  };
};

const COLUMN_COUNT = 7;

export const TaskTable = ({
  plan,
  tasks,
  highlightedId,
  canEditPlan,
  onShowHistory,
  onEditTask,
  onDeleteTask,
  selection,
}: TaskTableProps) => {
  const { t } = useTranslation();
  const units = useMemo(() => makeUnitNamer(plan.units), [plan.units]);
  const rows = useMemo(
    () => groupRows(plan.taskGroups, tasks, t('task.noGroup')),
    [plan.taskGroups, tasks, t],
  );
  // Numbers restart in every group, as in the document, when the task has no printed number.
  const ordinal = useMemo(() => {
    const numbers = new Map<string, number>();
    let counter = 0;
    for (const row of rows) {
      if (row.kind === 'group') counter = 0;
      else numbers.set(row.item.id, ++counter);
    }
    return numbers;
  }, [rows]);
  const groupMembers = useMemo(() => {
    const members = new Map<string, TTask[]>();
    let current: TTask[] = [];
    for (const row of rows) {
      if (row.kind === 'group') {
        current = [];
        members.set(row.key, current);
      } else current.push(row.item);
    }
    return members;
  }, [rows]);

  const columns: TableColumnsType<Row> = [
    {
      key: 'code',
      title: t('task.code'),
      width: 56,
      onCell: (row) => (row.kind === 'group' ? { colSpan: COLUMN_COUNT, className: styles.groupCell } : {}),
      render: (_value, row) =>
        row.kind === 'group' ? (
          <Flex justify="space-between" align="center" gap={8}>
            <span className={styles.groupName}>{row.name}</span>
            {selection && (
              <Button
                size="small"
                aria-label={t('taskAssignment.assignGroupLabel', { name: row.name })}
                onClick={() => selection.onAssignGroup(groupMembers.get(row.key) ?? [])}
              >
                {t('taskAssignment.assignGroup')}
              </Button>
            )}
          </Flex>
        ) : (
          (row.item.code ?? ordinal.get(row.item.id))
        ),
    },
    {
      key: 'name',
      title: t('task.name'),
      onCell: hideInGroupRow,
      render: (_value, row) => (row.kind === 'item' ? row.item.name : null),
    },
    {
      key: 'lead',
      title: t('task.lead'),
      width: 190,
      onCell: hideInGroupRow,
      render: (_value, row) => {
        if (row.kind === 'group') return null;
        return (
          <>
            {units.name(row.item.leadUnitId)}
            {row.item.leader && (
              <Typography.Text type="secondary" className={styles.leader}>
                {row.item.leader}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      key: 'coordinating',
      title: t('task.coordinating'),
      width: 210,
      onCell: hideInGroupRow,
      render: (_value, row) =>
        row.kind === 'item' ? units.names(row.item.coordinatingUnitIds).join('; ') : null,
    },
    {
      key: 'output',
      title: t('task.output'),
      width: 160,
      onCell: hideInGroupRow,
      render: (_value, row) => (row.kind === 'item' ? row.item.output : null),
    },
    {
      key: 'deadline',
      title: t('task.deadline'),
      width: 190,
      onCell: hideInGroupRow,
      render: (_value, row) => {
        if (row.kind === 'group') return null;
        const label = deadlineLabel(row.item, t);
        const printed = row.item.deadlineText;
        // Skip the printed text when it says exactly what the tag says ("Hằng năm").
        const showPrinted = printed && (!label || foldText(printed) !== foldText(label));
        return (
          <Flex vertical gap={4} align="flex-start">
            {showPrinted && <span>{printed}</span>}
            {label && <Tag color={deadlineColor(row.item.deadlineKind)}>{label}</Tag>}
          </Flex>
        );
      },
    },
    itemActionsColumn<TTask>(
      t,
      'task',
      104,
      { deleteRows: canEditPlan },
      {
        history: onShowHistory,
        edit: onEditTask,
        delete: onDeleteTask,
      },
    ),
  ];

  return (
    <Table<Row>
      className={styles.table}
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1200 }}
      sticky={{ offsetHeader: 0 }}
      rowClassName={(row) =>
        (row.kind === 'group'
          ? styles.groupRow
          : row.item.id === highlightedId
            ? styles.highlightedRow
            : '') ?? ''
      }
      locale={{ emptyText: t('task.empty') }}
      rowSelection={
        selection && {
          columnWidth: 40,
          selectedRowKeys: selection.selectedIds,
          onChange: (keys) => selection.onChange(keys.map(String).filter((key) => !key.startsWith('group-'))),
          getCheckboxProps: (row) =>
            row.kind === 'group'
              ? { disabled: true }
              : { 'aria-label': t('taskAssignment.selectLabel', { name: row.item.name }) },
          renderCell: (_checked, row, _index, node) => (row.kind === 'group' ? null : node),
        }
      }
    />
  );
};
