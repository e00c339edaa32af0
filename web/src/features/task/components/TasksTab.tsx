import { PlusOutlined } from '@ant-design/icons';
import { matchesFolded } from '@core/domain/text';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import type { TTask } from '@core/schemas/task.schemas';
import { App, Button, Drawer, Flex, Input } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { HistoryDrawer } from '../../audit/components/HistoryDrawer';
import { useDeleteTaskMutation } from '../mutations';
import { TaskForm } from './TaskForm';
import { TaskTable } from './TaskTable';

type EditingTask = { mode: 'create' } | { mode: 'edit'; task: TTask };

/** The "Nhiệm vụ" tab: filter, add, the grouped task table and its form. */
export const TasksTab = ({ plan, highlightedId }: { plan: TPlanDetail; highlightedId: string | null }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<EditingTask | null>(null);
  const [historyOf, setHistoryOf] = useState<TTask | null>(null);
  const deleteTask = useDeleteTaskMutation(plan.id);
  const tasks = useMemo(
    () =>
      filter.trim()
        ? plan.tasks.filter((task) =>
            matchesFolded(
              [task.code, task.name, task.output, task.deadlineText].filter(Boolean).join(' '),
              filter,
            ),
          )
        : plan.tasks,
    [plan.tasks, filter],
  );

  const handleDelete = async (task: TTask) => {
    try {
      await deleteTask.mutateAsync(task.id);
      message.success(t('common.deleted'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={12}>
        <Input.Search
          aria-label={t('task.filterLabel')}
          placeholder={t('common.searchPlaceholder')}
          allowClear
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          style={{ maxWidth: 360 }}
        />
        {plan.can.edit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            {t('task.add')}
          </Button>
        )}
      </Flex>
      <TaskTable
        plan={plan}
        tasks={tasks}
        highlightedId={highlightedId}
        canEditPlan={plan.can.edit}
        onShowHistory={setHistoryOf}
        onEditTask={(task) => setEditing({ mode: 'edit', task })}
        onDeleteTask={handleDelete}
      />
      <Drawer
        title={editing?.mode === 'edit' ? t('task.editTitle') : t('task.addTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={640}
        destroyOnHidden
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
      </Drawer>
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
