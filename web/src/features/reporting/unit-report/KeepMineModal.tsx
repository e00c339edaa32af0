import { formatVietnameseNumber } from '@core/domain/indicator-values';
import { Modal, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Overwritten } from '../overwrittenFields';
import { formatDateTime, formatDay } from '../reportStatus';

/** One side of a replaced field, as people read it: "90", "Hoàn thành", "10/11/2026", "(trống)". */
const shown = (change: Overwritten, value: Overwritten['server'], t: TFunction): string => {
  if (value == null || value === '') return t('reporting.report.overwriteEmpty');
  if (typeof value === 'boolean')
    return t(value ? 'reporting.report.overwriteYes' : 'reporting.report.overwriteNo');
  if (typeof value === 'number') return formatVietnameseNumber(value);
  if (change.field === 'assessment') return t(`reporting.report.assessments.${value}`);
  if (change.field === 'status') return t(`reporting.report.taskStatuses.${value}`);
  if (change.field === 'completedOn') return formatDay(value);
  return `“${value}”`;
};

/**
 * "Giữ bản của tôi": the confirmation that names every field of the latest version on the server that
 * saving the user's version replaces. Nothing is written before the user confirms.
 */
export const KeepMineModal = ({
  changes,
  latestSavedAt,
  isPending,
  onConfirm,
  onCancel,
}: {
  changes: Overwritten[];
  latestSavedAt: string | null;
  isPending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('reporting.report.keepMineTitle')}
      okText={t('reporting.report.keepMineConfirm')}
      okButtonProps={{ danger: changes.length > 0, loading: isPending }}
      cancelText={t('common.cancel')}
      onOk={onConfirm}
      onCancel={onCancel}
    >
      {changes.length === 0 ? (
        <Typography.Paragraph>{t('reporting.report.keepMineNone')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            {t('reporting.report.keepMineIntro', { at: formatDateTime(latestSavedAt) })}
          </Typography.Paragraph>
          <ul data-testid="overwritten-fields">
            {changes.map((change) => (
              <li key={`${change.row ?? ''}:${change.field}`}>
                {change.row ? <strong>{change.row}</strong> : null}
                {change.row ? ' — ' : null}
                {t('reporting.report.overwriteLine', {
                  field: t(`reporting.report.overwriteFields.${change.field}`),
                  server: shown(change, change.server, t),
                  mine: shown(change, change.mine, t),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
};
