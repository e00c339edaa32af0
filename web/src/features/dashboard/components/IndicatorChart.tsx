import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/ui/EChart';
import type { DashboardIndicator } from './DashboardIndicatorTable';

/**
 * Accepted values period by period (points) against the target path (the yearly targets, a line; a range
 * target draws its upper bound too). The x axis counts years: a target sits on its year, and a value on
 * the year its data closes in (a quarter's value a little before, so periods of one year stay in order).
 */
const yearPosition = (isoDay: string): number => {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  return Math.round((year + (month - 12) / 12) * 100) / 100;
};

export const IndicatorChart = ({
  indicator,
  onClose,
}: {
  indicator: DashboardIndicator;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const unit = indicator.unit ?? '';
  const option = useMemo(() => {
    const targets = indicator.targets
      .filter((target) => target.value != null)
      .sort((a, b) => a.year - b.year);
    const lastValueYear = Number(indicator.series.at(-1)?.dataTo.slice(0, 4) ?? 0);
    // The far stages (2035–2045) flatten the chart; show them only when no value is near.
    const visible = targets.filter(
      (target) => target.year <= Math.max(2030, lastValueYear + 1) || targets.length <= 3,
    );
    const xs = [
      ...visible.map((target) => target.year),
      ...indicator.series.map((point) => yearPosition(point.dataTo)),
    ];
    if (xs.length === 0) xs.push(Number(new Date().getFullYear()));
    const hasRange = visible.some((target) => target.op === 'range' && target.valueHigh != null);
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { seriesName: string; name: string; value: [number, number] }) =>
          `${params.seriesName}<br/>${params.name}: <b>${params.value[1]}${unit === '%' ? '%' : ` ${unit}`}</b>`,
      },
      legend: { top: 0 },
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      xAxis: {
        type: 'value',
        minInterval: 1,
        scale: true,
        min: Math.floor(Math.min(...xs)) - 1,
        max: Math.ceil(Math.max(...xs)) + 1,
        axisLabel: { formatter: (value: number) => (Number.isInteger(value) ? String(value) : '') },
      },
      yAxis: {
        type: 'value',
        name: unit,
        // Room under the lowest point so a value on the bottom edge stays readable.
        min: (extent: { min: number; max: number }) =>
          Math.max(0, Math.floor(extent.min - Math.max(2, (extent.max - extent.min) * 0.25))),
        max: unit === '%' ? 100 : undefined,
      },
      series: [
        {
          name: t('dashboard.chartTargets'),
          type: 'line',
          step: false,
          symbol: 'diamond',
          symbolSize: 8,
          lineStyle: { type: 'dashed', color: '#8c8c8c' },
          itemStyle: { color: '#8c8c8c' },
          data: visible.map((target) => ({
            value: [target.year, target.value],
            name: `${target.year}`,
          })),
        },
        ...(hasRange
          ? [
              {
                name: `${t('dashboard.chartTargets')} (max)`,
                type: 'line',
                symbol: 'none',
                lineStyle: { type: 'dotted', color: '#bfbfbf' },
                data: visible.map((target) => [target.year, target.valueHigh ?? target.value]),
              },
            ]
          : []),
        {
          name: t('dashboard.chartValues'),
          type: 'scatter',
          symbolSize: 14,
          itemStyle: { color: '#1677ff' },
          label: {
            show: true,
            position: 'top',
            formatter: (params: { value: [number, number] }) => `${params.value[1]}`,
          },
          data: indicator.series.map((point) => ({
            value: [yearPosition(point.dataTo), point.value],
            name: point.label,
          })),
        },
      ],
    };
  }, [indicator, t, unit]);

  return (
    <Card
      size="small"
      title={t('dashboard.chartTitle', { name: indicator.name })}
      extra={
        <Button
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('dashboard.closeChart')}
          onClick={onClose}
        />
      }
    >
      {indicator.series.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.chartEmpty')} />
      )}
      <EChart option={option} height={300} ariaLabel={t('dashboard.chartTitle', { name: indicator.name })} />
    </Card>
  );
};
