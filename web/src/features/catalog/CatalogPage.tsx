/** /catalog: the 45 standard indicators that local plans map to, searchable without diacritics. */
import { matchesFolded } from '@core/domain/text';
import type { TCatalogIndicator } from '@core/schemas/catalog.schemas';
import { useQuery } from '@tanstack/react-query';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState';
import { ListSearch } from '../../components/ui/ListSearch';
import { PageTitle } from '../../components/ui/PageTitle';
import { catalogQueries } from './queries';

type NationalTarget = TCatalogIndicator['nationalTargets'][number];

const OP_SYMBOLS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** "2030: ≥ 80%" — the printed text when the catalog keeps one, else a reading of op and value. */
const describeNationalTarget = (target: NationalTarget, unit: string) => {
  if (target.raw) return `${target.year}: ${target.raw}`;
  const suffix = unit === '%' ? '%' : '';
  const value = Array.isArray(target.value)
    ? target.value.map((item) => `${item}${suffix}`).join(' - ')
    : target.value == null
      ? ''
      : `${OP_SYMBOLS[target.op] ?? ''} ${target.value}${suffix}`.trim();
  return `${target.year}: ${value}`;
};

const CatalogPage = () => {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const catalog = useQuery(catalogQueries.list());
  const isEnglish = i18n.language === 'en';

  const entries = useMemo(
    () =>
      (catalog.data ?? []).filter((entry) =>
        matchesFolded([entry.code, entry.name, entry.nameEn, ...entry.aliases].join(' '), query),
      ),
    [catalog.data, query],
  );

  const columns: TableColumnsType<TCatalogIndicator> = [
    {
      key: 'code',
      title: t('catalog.code'),
      dataIndex: 'code',
      width: 120,
      render: (code: string) => <code>{code}</code>,
    },
    {
      key: 'name',
      title: t('catalog.name'),
      render: (_value, entry) => (
        <>
          <div>{isEnglish ? entry.nameEn : entry.name}</div>
          {entry.aliases.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.aliases')}: {entry.aliases.join('; ')}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'unit', title: t('catalog.unit'), dataIndex: 'unit', width: 100 },
    {
      key: 'direction',
      title: t('catalog.direction'),
      dataIndex: 'direction',
      width: 100,
      render: (direction: TCatalogIndicator['direction']) => t(`catalog.directions.${direction}`),
    },
    {
      key: 'measure',
      title: t('catalog.measure'),
      dataIndex: 'measure',
      width: 100,
      render: (measure: TCatalogIndicator['measure']) => t(`catalog.measures.${measure}`),
    },
    {
      key: 'nationalTargets',
      title: t('catalog.nationalTargets'),
      width: 260,
      render: (_value, entry) => (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {entry.nationalTargets.map((target) => (
            <li key={`${target.year}-${target.op}`} title={target.source ?? undefined}>
              {describeNationalTarget(target, entry.unit)}
            </li>
          ))}
        </ul>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <PageTitle>{t('catalog.title')}</PageTitle>
      <Typography.Text type="secondary">{t('catalog.intro')}</Typography.Text>
      <ListSearch
        label={t('catalog.searchLabel')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {catalog.isError ? (
        <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <Table<TCatalogIndicator>
          rowKey="code"
          size="small"
          bordered
          loading={catalog.isLoading}
          columns={columns}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: t('catalog.empty') }}
          footer={() => t('common.total', { count: entries.length })}
        />
      )}
    </Flex>
  );
};

export default CatalogPage;
