/**
 * A small React wrapper around ECharts (only the pieces the app draws, so the bundle stays light): it
 * loads ECharts on first use (echartsSetup.ts, a chunk of its own: pages open without it), creates the
 * chart once, applies each new option and follows the container's width.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

type Chart = ReturnType<typeof import('./echartsSetup')['init']>;

type EChartProps = { option: EChartsCoreOption; height?: number; ariaLabel: string };

export const EChart = ({ option, height = 320, ariaLabel }: EChartProps) => {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Chart | null>(null);
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let closed = false;
    let observer: ResizeObserver | null = null;
    void import('./echartsSetup').then(({ init }) => {
      if (closed) return;
      const chart = init(container);
      chartRef.current = chart;
      chart.setOption(optionRef.current, { notMerge: true });
      observer = new ResizeObserver(() => chart.resize());
      observer.observe(container);
    });
    return () => {
      closed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={containerRef} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
};
