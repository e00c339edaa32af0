import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';

/**
 * A row's delete action: runs `remove`, then says "Đã xóa", or shows the server's refusal. The returned
 * promise settles after that, so a confirmation that awaits it closes only then.
 */
export const useDeleteAction = <T>(remove: (item: T) => Promise<unknown>) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (item: T) => {
    try {
      await remove(item);
      message.success(t('common.deleted'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
};
