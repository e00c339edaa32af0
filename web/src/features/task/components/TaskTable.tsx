/**
 * The tasks as the plan prints them: group header rows, then number, task, lead and coordinating units,
 * output and deadline (the printed text beside its meaning: "Đến 31/12/2025", "Hằng năm").
 */
import { foldText } from '@core/domain/text';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import type { TTask } from '@core/schemas/task.schemas';
import { Button, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GroupedItemTable,
  GroupName,
  groupHeaderColumn,
  itemActionsColumn,
  itemColumn,
} from '../../plan/components/GroupedItemTable';
import { type GroupedRow, groupRows } from '../../plan/groupRows';
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
    groupHeaderColumn<TTask>({
      key: 'code',
      title: t('task.code'),
      width: 56,
      columnCount: COLUMN_COUNT,
      header: (group) => (
        <Flex justify="space-between" align="center" gap={8}>
          <GroupName name={group.name} />
          {selection && (
            <Button
              size="small"
              aria-label={t('taskAssignment.assignGroupLabel', { name: group.name })}
              onClick={() => selection.onAssignGroup(groupMembers.get(group.key) ?? [])}
            >
              {t('taskAssignment.assignGroup')}
            </Button>
          )}
        </Flex>
      ),
      render: (task) => task.code ?? ordinal.get(task.id),
    }),
    itemColumn<TTask>({ key: 'name', title: t('task.name'), render: (task) => task.name }),
    itemColumn<TTask>({
      key: 'lead',
      title: t('task.lead'),
      width: 190,
      render: (task) => (
        <>
          {units.name(task.leadUnitId)}
          {task.leader && (
            <Typography.Text type="secondary" className={styles.leader}>
              {task.leader}
            </Typography.Text>
          )}
        </>
      ),
    }),
    itemColumn<TTask>({
      key: 'coordinating',
      title: t('task.coordinating'),
      width: 210,
      render: (task) => units.names(task.coordinatingUnitIds).join('; '),
    }),
    itemColumn<TTask>({ key: 'output', title: t('task.output'), width: 160, render: (task) => task.output }),
    itemColumn<TTask>({
      key: 'deadline',
      title: t('task.deadline'),
      width: 190,
      render: (task) => {
        const label = deadlineLabel(task, t);
        const printed = task.deadlineText;
        // Skip the printed text when it says exactly what the tag says ("Hằng năm").
        const showPrinted = printed && (!label || foldText(printed) !== foldText(label));
        return (
          <Flex vertical gap={4} align="flex-start">
            {showPrinted && <span>{printed}</span>}
            {label && <Tag color={deadlineColor(task.deadlineKind)}>{label}</Tag>}
          </Flex>
        );
      },
    }),
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
    <GroupedItemTable<TTask>
      rows={rows}
      columns={columns}
      highlightedId={highlightedId}
      emptyText={t('task.empty')}
      scrollX={1200}
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
