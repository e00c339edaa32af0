import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner with a Vietnamese "loading" line, used while a page or its data loads. */
export const LoadingState = () => {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" justify="center" gap={8} style={{ padding: 48 }} role="status">
      <Spin />
      <span>{t('app.loading')}</span>
    </Flex>
  );
};
