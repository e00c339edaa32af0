import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { matchesFolded } from '@core/domain/text';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import type { TTask } from '@core/schemas/task.schemas';
import { Button, Checkbox, Flex } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FormDrawer } from '../../../components/ui/FormDrawer';
import { ListSearch } from '../../../components/ui/ListSearch';
import { useDeleteAction } from '../../../components/ui/useDeleteAction';
import { HistoryDrawer } from '../../audit/components/HistoryDrawer';
import { useDeleteTaskMutation } from '../mutations';
import { AssignTasksModal } from './AssignTasksModal';
import { TaskForm } from './TaskForm';
import { TaskTable } from './TaskTable';

type EditingTask = { mode: 'create' } | { mode: 'edit'; task: TTask };

/** The "Nhiệm vụ" tab: filter, add, the grouped task table and its form. */
export const TasksTab = ({ plan, highlightedId }: { plan: TPlanDetail; highlightedId: string | null }) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<EditingTask | null>(null);
  const [historyOf, setHistoryOf] = useState<TTask | null>(null);
  const deleteTask = useDeleteTaskMutation(plan.id);
  // "Chỉ hiện nhiệm vụ chưa có đơn vị chủ trì" lives in the URL, so the warnings can link to it.
  const [searchParams, setSearchParams] = useSearchParams();
  const onlyUnassigned = searchParams.get('unassigned') === '1';
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [assigning, setAssigning] = useState<TTask[]>([]);
  const unassignedCount = plan.tasks.filter((task) => !task.leadUnitId).length;
  const tasks = useMemo(
    () =>
      plan.tasks.filter(
        (task) =>
          (!onlyUnassigned || !task.leadUnitId) &&
          (!filter.trim() ||
            matchesFolded(
              [task.code, task.name, task.output, task.deadlineText].filter(Boolean).join(' '),
              filter,
            )),
      ),
    [plan.tasks, filter, onlyUnassigned],
  );

  const handleOnlyUnassigned = (checked: boolean) => {
    const next = new URLSearchParams(searchParams);
    if (checked) next.set('unassigned', '1');
    else next.delete('unassigned');
    setSearchParams(next, { replace: true });
  };

  const handleDelete = useDeleteAction((task: TTask) => deleteTask.mutateAsync(task.id));

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={12}>
        <ListSearch
          label={t('task.filterLabel')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          maxWidth={360}
        />
        <Flex gap={12} align="center" wrap>
          {(unassignedCount > 0 || onlyUnassigned) && (
            <Checkbox
              checked={onlyUnassigned}
              onChange={(event) => handleOnlyUnassigned(event.target.checked)}
            >
              {t('taskAssignment.showUnassigned')}
            </Checkbox>
          )}
          {plan.can.edit && (
            <Button
              icon={<TeamOutlined />}
              disabled={selectedIds.length === 0}
              onClick={() => setAssigning(plan.tasks.filter((task) => selectedIds.includes(task.id)))}
            >
              {t('taskAssignment.assignSelected', { count: selectedIds.length })}
            </Button>
          )}
          {plan.can.edit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              {t('task.add')}
            </Button>
          )}
        </Flex>
      </Flex>
      <TaskTable
        plan={plan}
        tasks={tasks}
        highlightedId={highlightedId}
        canEditPlan={plan.can.edit}
        onShowHistory={setHistoryOf}
        onEditTask={(task) => setEditing({ mode: 'edit', task })}
        onDeleteTask={handleDelete}
        selection={
          plan.can.edit ? { selectedIds, onChange: setSelectedIds, onAssignGroup: setAssigning } : undefined
        }
      />
      <AssignTasksModal
        plan={plan}
        tasks={assigning}
        onClose={() => setAssigning([])}
        onDone={() => {
          setAssigning([]);
          setSelectedIds([]);
        }}
      />
      <FormDrawer
        title={editing?.mode === 'edit' ? t('task.editTitle') : t('task.addTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <TaskForm
            key={editing.mode === 'edit' ? editing.task.id : 'new'}
            plan={plan}
            task={editing.mode === 'edit' ? editing.task : undefined}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </FormDrawer>
      <HistoryDrawer
        key={historyOf?.id ?? 'closed'}
        entityId={historyOf?.id ?? null}
        subject={historyOf?.name ?? ''}
        units={plan.units}
        onClose={() => setHistoryOf(null)}
      />
    </Flex>
  );
};
