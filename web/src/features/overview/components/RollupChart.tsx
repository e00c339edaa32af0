import type { TOverviewRollup } from '@core/schemas/overview.schemas';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/ui/EChart';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { formatValue } from '../format';
import { type RollupSource, useRollupValues } from '../queries';
import { useCatalogName } from './RollupTable';

type RollupValue = NonNullable<TOverviewRollup['values']>[number];

/**
 * Each commune's value of one standard indicator as a bar (grey when left out of the total), the whole
 * locality's as a line; the values asked for when the overview did not send them.
 */
export const RollupChart = ({ rollup, source }: { rollup: TOverviewRollup; source: RollupSource }) => {
  const asked = useRollupValues(source, rollup);
  if (asked.error) return <ErrorState error={asked.error} onRetry={() => void asked.refetch()} />;
  if (!asked.values) return <LoadingState />;
  return <RollupBars rollup={rollup} values={asked.values} />;
};

const RollupBars = ({ rollup, values }: { rollup: TOverviewRollup; values: RollupValue[] }) => {
  const { t } = useTranslation();
  const nameOf = useCatalogName();
  const name = nameOf(rollup);
  const option = useMemo(() => {
    const bars = values
      .filter((row) => row.value != null)
      .sort((a, b) => (rollup.direction === 'increase' ? b.value! - a.value! : a.value! - b.value!));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string; value: number }) =>
          `${params.name}: <b>${formatValue(params.value, rollup.unit)}</b>`,
      },
      grid: { left: 56, right: 24, top: 24, bottom: 72 },
      xAxis: {
        type: 'category',
        data: bars.map((row) => row.localityName),
        axisLabel: { rotate: bars.length > 6 ? 40 : 0, interval: 0 },
      },
      yAxis: { type: 'value', name: rollup.unit, max: rollup.unit === '%' ? 100 : undefined },
      series: [
        {
          type: 'bar',
          name,
          barMaxWidth: 36,
          data: bars.map((row) => ({
            value: row.value,
            itemStyle: { color: row.included || rollup.method === 'none' ? '#1677ff' : '#bfbfbf' },
          })),
          markLine:
            rollup.value == null
              ? undefined
              : {
                  symbol: 'none',
                  label: { formatter: formatValue(rollup.value, rollup.unit) },
                  lineStyle: { color: '#fa8c16' },
                  data: [{ yAxis: rollup.value, name: t('overview.provinceValue') }],
                },
        },
      ],
    };
  }, [rollup, values, name, t]);
  return <EChart option={option} height={280} ariaLabel={t('overview.chart', { name })} />;
};
