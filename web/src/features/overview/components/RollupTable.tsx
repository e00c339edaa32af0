import type { TOverviewRollup } from '@core/schemas/overview.schemas';
import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { clickableRow } from '../../../components/ui/clickableRow';
import { ErrorState } from '../../../components/ui/ErrorState';
import { formatDay } from '../../reporting/reportStatus';
import { dashboardPath, formatNumber, formatValue } from '../format';
import { type RollupSource, useRollupValues } from '../queries';

type RollupValue = NonNullable<TOverviewRollup['values']>[number];

/** The catalog name in the interface language. */
export const useCatalogName = () => {
  const { i18n } = useTranslation();
  return (rollup: Pick<TOverviewRollup, 'name' | 'nameEn'>) =>
    i18n.language.startsWith('en') ? rollup.nameEn : rollup.name;
};

/**
 * Each commune's figure of one indicator, linking to its plan's dashboard; in the nation's overview each
 * province's figure (rolled up from its communes), linking to the province's overview. Asked for when
 * the row is opened, unless the overview sent them.
 */
const CommuneValues = ({
  rollup,
  source,
  periodOf,
}: {
  rollup: TOverviewRollup;
  source: RollupSource;
  periodOf: (planId: string) => string | null;
}) => {
  const { t } = useTranslation();
  const asked = useRollupValues(source, rollup);
  if (asked.error) return <ErrorState error={asked.error} onRetry={() => void asked.refetch()} />;
  return (
    <Table<RollupValue>
      rowKey="localityId"
      size="small"
      pagination={false}
      loading={asked.isLoading ? { tip: t('app.loading') } : false}
      locale={asked.isLoading ? { emptyText: t('app.loading') } : undefined}
      dataSource={asked.values ?? []}
      columns={[
        {
          title: t('overview.locality'),
          dataIndex: 'localityName',
          render: (name: string, row) =>
            row.received ? (
              <>
                <div>
                  {name}
                  {row.indicatorCode ? ` · ${row.indicatorCode}` : ''}
                </div>
                <Typography.Text type="secondary">
                  {t('overview.rollupFromPackage', {
                    period: row.received.periodLabel,
                    approvedOn: formatDay(row.received.approvedOn),
                  })}
                </Typography.Text>
              </>
            ) : row.planId == null ? (
              <>
                <Link to={`/localities/${row.localityId}/overview`}>{name}</Link>
                {row.communes && (
                  <div>
                    <Typography.Text type="secondary">
                      {t('overview.provinceFigure', {
                        included: row.communes.included,
                        reporting: row.communes.reporting,
                      })}
                    </Typography.Text>
                  </div>
                )}
              </>
            ) : (
              <Link to={dashboardPath(row.planId, periodOf(row.planId))}>
                {name}
                {row.indicatorCode ? ` · ${row.indicatorCode}` : ''}
              </Link>
            ),
        },
        {
          title: t('dashboard.value'),
          dataIndex: 'value',
          align: 'right',
          render: (value: number | null, row) => formatValue(value, row.unit ?? rollup.unit),
        },
        {
          title: t('overview.fractionTitle'),
          key: 'fraction',
          align: 'right',
          render: (_, row) =>
            row.numerator != null && row.denominator != null
              ? t('overview.fraction', {
                  numerator: formatNumber(row.numerator),
                  denominator: formatNumber(row.denominator),
                })
              : '—',
        },
        {
          title: '',
          key: 'excluded',
          render: (_, row) =>
            row.excluded ? (
              <Tag color={row.excluded === 'no_value' ? 'default' : 'orange'}>
                {t(`overview.excluded.${row.excluded}`)}
              </Tag>
            ) : null,
        },
      ]}
    />
  );
};

/**
 * Standard indicators rolled up: the whole locality's value (how it was computed), how many communes
 * reported, best and worst. A row opens to each commune's figure; clicking it charts the communes.
 */
export const RollupTable = ({
  rollups,
  source,
  total,
  selected,
  onSelect,
  periodOf,
}: {
  rollups: TOverviewRollup[];
  source: RollupSource;
  total: number;
  selected: string | null;
  onSelect: (code: string) => void;
  periodOf: (planId: string) => string | null;
}) => {
  const { t } = useTranslation();
  const nameOf = useCatalogName();
  const extreme = (item: TOverviewRollup['best'], unit: string) =>
    item ? (
      <>
        <div>{formatValue(item.value, unit)}</div>
        <Typography.Text type="secondary">{item.localityName}</Typography.Text>
      </>
    ) : (
      '—'
    );
  return (
    <Table<TOverviewRollup>
      rowKey="catalogCode"
      size="small"
      pagination={false}
      scroll={{ x: 1100 }}
      dataSource={rollups}
      rowClassName={(row) => (row.catalogCode === selected ? 'ant-table-row-selected' : '')}
      onRow={(row) =>
        clickableRow(() => onSelect(row.catalogCode), t('common.openRow', { name: nameOf(row) }))
      }
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (row) => <CommuneValues rollup={row} source={source} periodOf={periodOf} />,
      }}
      columns={[
        {
          title: t('overview.indicator'),
          dataIndex: 'name',
          // Wide enough to read the name where the table scrolls in its own box (a phone).
          width: 260,
          render: (_, row) => (
            <>
              <div>{nameOf(row)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.catalogCode}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('overview.provinceValue'),
          dataIndex: 'value',
          width: 190,
          align: 'right',
          render: (value: number | null, row) =>
            value != null ? (
              <>
                <div>
                  <strong>{formatValue(value, row.unit)}</strong>
                </div>
                {row.numerator != null && row.denominator != null && (
                  <Typography.Text type="secondary">
                    {t('overview.fraction', {
                      numerator: formatNumber(row.numerator),
                      denominator: formatNumber(row.denominator),
                    })}
                  </Typography.Text>
                )}
              </>
            ) : row.method === 'ratio' ? (
              <Tooltip title={t('overview.noProvinceValueHint')}>
                <Typography.Text type="secondary">{t('overview.noProvinceValue')}</Typography.Text>
              </Tooltip>
            ) : (
              '—'
            ),
        },
        {
          title: t('overview.reporting'),
          key: 'reporting',
          width: 120,
          align: 'right',
          render: (_, row) => (
            <Tooltip title={t('overview.includedHint', { included: row.included })}>
              <span>{t('overview.reportingValue', { reporting: row.reporting, total })}</span>
            </Tooltip>
          ),
        },
        {
          title: t('overview.methods.title'),
          dataIndex: 'method',
          width: 180,
          render: (method: TOverviewRollup['method']) => t(`overview.methods.${method}`),
        },
        {
          title: t('overview.best'),
          key: 'best',
          width: 150,
          render: (_, row) => extreme(row.best, row.unit),
        },
        {
          title: t('overview.worst'),
          key: 'worst',
          width: 150,
          render: (_, row) => extreme(row.worst, row.unit),
        },
      ]}
    />
  );
};
