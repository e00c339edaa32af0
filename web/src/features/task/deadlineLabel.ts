import { formatDateVi } from '@core/domain/deadlines';
import type { TTask } from '@core/schemas/task.schemas';
import type { TFunction } from 'i18next';

type DeadlineMeaning = Pick<TTask, 'deadlineKind' | 'deadlineDate' | 'recurrence'>;

/**
 * The short reading of a task's deadline shown in a tag: "Đến 31/12/2025", "Hằng năm", "Thường xuyên".
 *
 * @returns the label, or null when the deadline has no meaning yet
 */
export const deadlineLabel = (deadline: DeadlineMeaning, t: TFunction): string | null => {
  switch (deadline.deadlineKind) {
    case 'by':
      return deadline.deadlineDate
        ? t('task.byDate', { date: formatDateVi(deadline.deadlineDate) })
        : t('task.kinds.by');
    case 'recurring': {
      const label = deadline.recurrence
        ? t(`task.recurrences.${deadline.recurrence}`)
        : t('task.kinds.recurring');
      return deadline.deadlineDate
        ? `${label} (${t('task.byDate', { date: formatDateVi(deadline.deadlineDate) })})`
        : label;
    }
    case 'ongoing':
    case 'onRequest':
    case 'schedule':
      return t(`task.kinds.${deadline.deadlineKind}`);
    default:
      return null;
  }
};

/** Tag colour per kind, so a dated deadline stands out from recurring work. */
export const deadlineColor = (kind: TTask['deadlineKind']): string => {
  switch (kind) {
    case 'by':
      return 'blue';
    case 'recurring':
      return 'purple';
    case 'ongoing':
      return 'cyan';
    default:
      return 'default';
  }
};
