import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/ui/EChart';
import type { DashboardIndicator } from './DashboardIndicatorTable';

/**
 * Accepted values period by period (points) against the target path (the yearly targets, a line; a range
 * target draws its upper bound too). Yearly targets sit at the end of their year.
 */
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
    const hasRange = visible.some((target) => target.op === 'range' && target.valueHigh != null);
    return {
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'time', axisLabel: { formatter: '{yyyy}' } },
      yAxis: {
        type: 'value',
        name: unit,
        min: unit === '%' ? 0 : undefined,
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
            value: [`${target.year}-12-31`, target.value],
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
                data: visible.map((target) => [`${target.year}-12-31`, target.valueHigh ?? target.value]),
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
            formatter: (params: { value: [string, number] }) => `${params.value[1]}`,
          },
          data: indicator.series.map((point) => ({ value: [point.dataTo, point.value], name: point.label })),
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
