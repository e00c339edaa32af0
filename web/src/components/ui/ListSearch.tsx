import { type GetProps, Input } from 'antd';
import { useTranslation } from 'react-i18next';

type SearchProps = GetProps<typeof Input.Search>;

/**
 * The search box above a list or table: named for screen readers by `label`, clearable, with the common
 * "Tìm…" placeholder unless the list has its own.
 */
export const ListSearch = ({
  label,
  maxWidth = 420,
  ...props
}: SearchProps & { label: string; maxWidth?: number }) => {
  const { t } = useTranslation();
  return (
    <Input.Search
      aria-label={label}
      placeholder={t('common.searchPlaceholder')}
      allowClear
      style={{ maxWidth }}
      {...props}
    />
  );
};
