import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Warns that some tasks have no lead unit (nobody reports them, so they stay "Chưa thực hiện"), with a
 * link to the plan's task list filtered to them, where the standing agency assigns them.
 */
export const UnassignedTasksAlert = ({ planId, count }: { planId: string; count: number }) => {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="unassigned-tasks"
      title={t('taskAssignment.unassignedWarning', { count })}
      description={t('taskAssignment.unassignedHint')}
      action={<Link to={`/plans/${planId}?tab=tasks&unassigned=1`}>{t('taskAssignment.assignLink')}</Link>}
    />
  );
};
