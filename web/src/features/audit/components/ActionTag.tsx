import type { TAuditEvent } from '@core/schemas/auth.schemas';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TAuditEvent['action'], string> = { create: 'green', update: 'blue', delete: 'red' };

/** "Tạo" / "Sửa" / "Xóa". */
export const ActionTag = ({ action }: { action: TAuditEvent['action'] }) => {
  const { t } = useTranslation();
  return <Tag color={COLORS[action]}>{t(`history.actions.${action}`)}</Tag>;
};
