/**
 * The locality picker: the first page of the localities the user may see (the nation and provinces
 * first) when nothing is typed, and the server's search (name or kind without diacritics, or the start
 * of the official code) as the person types, one request once they pause. The chosen locality keeps its
 * name even when it is not on the page shown.
 */
import type { TLocality } from '@core/schemas/locality.schemas';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../components/ui/useDebouncedValue';
import { type LocalityFilters, localityQueries, rowsOf } from './queries';
import { localityLabel } from './useLocalityChain';

/** Rows asked for at a time: a page a person can scan; typing narrows it. */
const PICKER_PAGE = 50;

export type LocalitySelectProps = Omit<
  SelectProps<string>,
  'value' | 'onChange' | 'options' | 'showSearch' | 'filterOption' | 'onSearch' | 'mode'
> & {
  value?: string | null;
  onChange?: (value: string | undefined, locality: TLocality | undefined) => void;
  /** Fixed filters of the list (a level, a parent, a kind). */
  filters?: Omit<LocalityFilters, 'q' | 'limit' | 'offset'>;
  /** Which localities may be chosen (e.g. where the user holds a role); the others are not offered. */
  allow?: (locality: TLocality) => boolean;
};

export const LocalitySelect = ({
  value,
  onChange,
  filters,
  allow,
  placeholder,
  loading,
  ...rest
}: LocalitySelectProps) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const page = useQuery(localityQueries.page({ ...filters, q: q || undefined, limit: PICKER_PAGE }));
  const rows = rowsOf(page.data);
  const onPage = rows.some((row) => row.id === value);
  const chosen = useQuery({ ...localityQueries.detail(value ?? ''), enabled: Boolean(value) && !onPage });

  const byId = useMemo(() => {
    const all = new Map<string, TLocality>();
    if (chosen.data) all.set(chosen.data.id, chosen.data);
    for (const row of rows) all.set(row.id, row);
    return all;
  }, [rows, chosen.data]);
  const options = [...byId.values()]
    .filter((locality) => locality.id === value || !allow || allow(locality))
    .map((locality) => ({ value: locality.id, label: localityLabel(locality) }));
  const total = page.data?.pagination.total ?? 0;
  const isSearching = page.isFetching || search.trim() !== q;

  return (
    <Select<string>
      {...rest}
      value={value ?? undefined}
      placeholder={placeholder ?? t('common.selectPlaceholder')}
      loading={loading || page.isLoading}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      onChange={(next?: string) => {
        setSearch('');
        onChange?.(next, next ? byId.get(next) : undefined);
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      notFoundContent={isSearching ? <Spin size="small" /> : t('locality.noMatch')}
      popupRender={(menu) => (
        <>
          {menu}
          {total > rows.length && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              {t('locality.moreHint', { shown: rows.length, total })}
            </Typography.Text>
          )}
        </>
      )}
    />
  );
};
