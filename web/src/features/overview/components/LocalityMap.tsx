/**
 * "Bản đồ xếp loại": the overview's units on a map, each painted with the colour the ranking shows
 * (Xanh / Vàng / Đỏ, or why it is not rated), with a legend that names every colour in words and counts
 * it, a tooltip (name, rating, score) and a click that opens what the ranking row opens. A province
 * sees its communes (the boundaries of that province only, fetched on demand); the nation sees its
 * provinces. Units the page's filter leaves out are greyed. A unit without a boundary, or a boundary
 * without a unit, is listed under the map — never dropped silently.
 *
 * Loaded lazily (its own chunk with ECharts' map, see web/vite.config.ts) so the page's first screen
 * does not wait for it. The boundaries come from GET /api/v1/boundaries/… (cached by the browser).
 */
import {
  type BoundaryProperties,
  countCategories,
  joinBoundaries,
  MAP_CATEGORIES,
  type MapCategory,
  type MapJoin,
} from '@core/domain/locality-map';
import {
  type GeoFeatureCollection,
  interiorPoint,
  type Topology,
  topologyFeatures,
} from '@core/domain/topojson';
import type { TOverviewLocality } from '@core/schemas/overview.schemas';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Grid, Typography } from 'antd';
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../../../api/client';
import { dashboardPath, formatNumber } from '../format';

use([MapChart, TooltipComponent, CanvasRenderer]);

/** What a region can be painted as: a category of the join, or a boundary with no unit. */
type Paint = MapCategory | 'no_unit';

/**
 * Fill colours, the same hues as the ranking's tags (Ant Design's green, gold, red, blue); the pattern
 * (decal) on red and yellow tells them apart without colour.
 */
export const MAP_PAINT: Record<Paint, { fill: string; decal?: { symbol: string; dashArrayX?: number[] } }> = {
  green: { fill: '#52c41a' },
  yellow: { fill: '#fadb14', decal: { symbol: 'circle' } },
  red: { fill: '#f5222d', decal: { symbol: 'rect', dashArrayX: [1, 0] } },
  pending_review: { fill: '#91caff' },
  not_evaluated: { fill: '#d9d9d9' },
  filtered_out: { fill: '#fafafa' },
  no_unit: { fill: '#ffffff' },
};

/** Swatches of the legend: the fill, with stripes or dots where the map has a pattern. */
const SWATCH_PATTERN: Partial<Record<Paint, string>> = {
  red: 'repeating-linear-gradient(45deg, rgba(0,0,0,0.35) 0 2px, transparent 2px 6px)',
  yellow: 'radial-gradient(rgba(0,0,0,0.45) 1.2px, transparent 1.3px) 0 0 / 6px 6px',
};

const BOUNDARIES_KEY = ['boundaries'] as const;

/** The boundaries of the nation's provinces, or of one province's communes, decoded to GeoJSON. */
const boundariesQuery = (provinceCode: string | null) => ({
  queryKey: [...BOUNDARIES_KEY, provinceCode ?? 'provinces'] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }) => {
    const path = provinceCode
      ? `/api/v1/boundaries/provinces/${encodeURIComponent(provinceCode)}/communes`
      : '/api/v1/boundaries/provinces';
    const topology = await api.get<Topology>(path, undefined, signal);
    return topologyFeatures<BoundaryProperties>(topology, provinceCode ? 'communes' : 'provinces');
  },
  // Boundaries do not change while the app runs; the browser's HTTP cache keeps them between visits.
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 30 * 60 * 1000,
  retry: 1,
});

/** Where a click on a unit leads: the province's overview, or the commune plan's dashboard. */
const targetOf = (row: TOverviewLocality, provinces: boolean, year: number | undefined): string | null => {
  if (provinces) return `/localities/${row.localityId}/overview${year ? `?year=${year}` : ''}`;
  const plan = row.plans[0];
  return plan ? dashboardPath(plan.planId, plan.period?.id) : null;
};

/** The x/y aspect of degrees at the map's middle latitude, so the map is not squashed. */
const aspectOf = (geo: GeoFeatureCollection<BoundaryProperties>): number => {
  let min = 90;
  let max = -90;
  for (const feature of geo.features) {
    const point = interiorPoint(feature.geometry);
    if (!point) continue;
    min = Math.min(min, point[1]);
    max = Math.max(max, point[1]);
  }
  return min <= max ? Math.cos((((min + max) / 2) * Math.PI) / 180) : 0.95;
};

export type LocalityMapProps = {
  /** Every row of the overview (the filter greys, it does not remove). */
  localities: TOverviewLocality[];
  /** The rows the page's filter keeps. */
  shown: readonly TOverviewLocality[];
  /** The nation's overview (provinces) rather than a province's (communes). */
  provinces: boolean;
  /** The province's official code (its commune boundaries); ignored for the nation. */
  provinceCode: string;
  /** The locality looked at, for the map's accessible name. */
  localityName: string;
  year?: number;
};

const LocalityMap = ({
  localities,
  shown,
  provinces,
  provinceCode,
  localityName,
  year,
}: LocalityMapProps) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.sm;
  const boundaries = useQuery(boundariesQuery(provinces ? null : provinceCode));
  const geo = boundaries.data;
  // The filter's rows are a new array at each render of the page: the map redraws only when they change.
  const shownKey = shown.map((row) => row.localityId).join(',');
  const shownIds = useMemo(() => new Set(shownKey.split(',')), [shownKey]);

  const join = useMemo(
    () =>
      geo
        ? joinBoundaries(
            geo.features.map((feature) => feature.properties),
            localities,
            shownIds,
          )
        : null,
    [geo, localities, shownIds],
  );
  const targets = useMemo(
    () => new Map(localities.map((row) => [row.localityId, targetOf(row, provinces, year)] as const)),
    [localities, provinces, year],
  );

  if (boundaries.isLoading)
    return (
      <div style={{ height: narrow ? 360 : 440 }} aria-busy="true">
        <Typography.Text type="secondary">{t('localityMap.loading')}</Typography.Text>
      </div>
    );
  if (boundaries.isError || !geo || !join)
    return (
      <Flex vertical gap={8}>
        <Alert
          type="warning"
          showIcon
          title={t('localityMap.loadError', { message: errorMessage(boundaries.error) })}
        />
        <Unjoined join={{ regions: [], withoutBoundary: localities, withoutUnit: [] }} />
      </Flex>
    );

  return (
    <MapCanvas
      geo={geo}
      join={join}
      mapName={provinces ? 'lo-trinh-provinces' : `lo-trinh-communes-${provinceCode}`}
      height={narrow ? 360 : 440}
      provinces={provinces}
      localityName={localityName}
      targets={targets}
      onOpen={(target) => navigate(target)}
    />
  );
};

const MapCanvas = ({
  geo,
  join,
  mapName,
  height,
  provinces,
  localityName,
  targets,
  onOpen,
}: {
  geo: GeoFeatureCollection<BoundaryProperties>;
  join: MapJoin<TOverviewLocality>;
  mapName: string;
  height: number;
  provinces: boolean;
  localityName: string;
  /** Where a click on each unit leads (by localityId); null: nowhere (a commune without a plan). */
  targets: ReadonlyMap<string, string | null>;
  onOpen: (target: string) => void;
}) => {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  const counts = countCategories(join.regions);
  const noUnit = join.withoutUnit.length;
  const label = (paint: Paint) => t(`localityMap.categories.${paint}`);

  const byCode = useMemo(() => new Map(join.regions.map((region) => [region.code, region])), [join]);
  const centres = useMemo(
    () =>
      new Map(
        geo.features.map((feature) => [feature.properties.code, interiorPoint(feature.geometry)] as const),
      ),
    [geo],
  );

  const option = useMemo(() => {
    const label = (paint: Paint) => t(`localityMap.categories.${paint}`);
    registerMap(mapName, geo as unknown as Parameters<typeof registerMap>[1]);
    const data = [
      ...join.regions.map((region) => {
        const paint = MAP_PAINT[region.category];
        return {
          name: region.code,
          value: region.row.score ?? undefined,
          itemStyle: {
            areaColor: paint.fill,
            ...(paint.decal ? { decal: { ...paint.decal, color: 'rgba(0,0,0,0.3)', symbolSize: 0.5 } } : {}),
          },
        };
      }),
      ...join.withoutUnit.map((boundary) => ({
        name: boundary.code,
        itemStyle: { areaColor: MAP_PAINT.no_unit.fill },
      })),
    ];
    const unitsWord = provinces ? t('localityMap.provinceWord') : t('localityMap.communeWord');
    return {
      aria: { enabled: false },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: { name: string }) => {
          const region = byCode.get(params.name);
          if (!region) {
            const boundary = join.withoutUnit.find((b) => b.code === params.name);
            return `<b>${escapeHtml(boundary?.name ?? params.name)}</b><br/>${escapeHtml(label('no_unit'))}`;
          }
          const rating =
            region.category === 'filtered_out'
              ? `${label(
                  region.row.evaluation === 'scored' && region.row.colour !== 'none'
                    ? region.row.colour
                    : region.row.evaluation === 'pending_review'
                      ? 'pending_review'
                      : 'not_evaluated',
                )} · ${label('filtered_out')}`
              : label(region.category);
          const score =
            region.row.score == null
              ? ''
              : ` · ${t('localityMap.score', { score: formatNumber(region.row.score, 1) })}`;
          const action = targets.get(region.row.localityId)
            ? provinces
              ? t('localityMap.openProvince')
              : t('localityMap.openCommune')
            : t('localityMap.noPlan');
          return `<b>${escapeHtml(region.name)}</b><br/>${escapeHtml(rating)}${escapeHtml(score)}<br/><span style="color:#595959">${escapeHtml(action)}</span>`;
        },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: false,
          aspectScale: aspectOf(geo),
          layoutCenter: ['50%', '50%'],
          layoutSize: '96%',
          selectedMode: false,
          label: { show: false },
          itemStyle: { borderColor: '#595959', borderWidth: 0.5, areaColor: MAP_PAINT.no_unit.fill },
          emphasis: {
            label: { show: false },
            itemStyle: { borderColor: '#000000', borderWidth: 2 },
          },
          data,
          // Name of the series for screen readers of the tooltip; the container carries the summary.
          name: unitsWord,
        },
      ],
    };
  }, [geo, join, mapName, provinces, t, byCode, targets]);

  // What a click opens, read when clicked (the chart is created once).
  const clickRef = useRef<(code: string) => string | null>(() => null);
  clickRef.current = (code) => {
    const region = byCode.get(code);
    return region ? (targets.get(region.row.localityId) ?? null) : null;
  };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    chart.on('click', (params) => {
      const target = clickRef.current(String(params.name));
      if (target) openRef.current(target);
    });
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    const container = containerRef.current;
    if (!chart || !container) return;
    chart.setOption(option, { notMerge: true });
    // Where a click opens each unit that opens something: for automated checks (the ranking gives
    // keyboard users the same links).
    const writePoints = () => {
      const points: Record<string, [number, number]> = {};
      for (const region of join.regions) {
        const centre = centres.get(region.code);
        if (!centre || !targets.get(region.row.localityId)) continue;
        const pixel = chart.convertToPixel({ seriesIndex: 0 }, centre) as number[] | undefined;
        if (pixel) points[region.code] = [Math.round(pixel[0]!), Math.round(pixel[1]!)];
      }
      container.dataset.clickPoints = JSON.stringify(points);
    };
    writePoints();
    chart.on('finished', writePoints);
    return () => {
      chart.off('finished', writePoints);
    };
  }, [option, join, centres, targets]);

  const ariaCounts = MAP_CATEGORIES.filter((category) => counts[category] > 0)
    .map((category) => `${counts[category]} ${label(category)}`)
    .join(', ');

  return (
    <Flex vertical gap={8}>
      <ul
        aria-label={t('localityMap.legend')}
        data-testid="locality-map-legend"
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: '4px 16px',
          listStyle: 'none',
          margin: 0,
          padding: 0,
        }}
      >
        {(['green', 'yellow', 'red', 'pending_review', 'not_evaluated'] as Paint[])
          .concat(counts.filtered_out > 0 ? ['filtered_out'] : [])
          .concat(noUnit > 0 ? ['no_unit'] : [])
          .map((paint) => (
            <li key={paint} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <span
                aria-hidden="true"
                style={{
                  display: 'inline-block',
                  width: 14,
                  height: 14,
                  border: '1px solid #595959',
                  borderRadius: 2,
                  background: SWATCH_PATTERN[paint]
                    ? `${SWATCH_PATTERN[paint]}, ${MAP_PAINT[paint].fill}`
                    : MAP_PAINT[paint].fill,
                }}
              />
              <span>
                {label(paint)} ({paint === 'no_unit' ? noUnit : counts[paint as MapCategory]})
              </span>
            </li>
          ))}
      </ul>
      <div
        ref={containerRef}
        role="img"
        data-testid="locality-map"
        aria-label={t('localityMap.aria', {
          locality: localityName,
          count: join.regions.length,
          counts: ariaCounts,
        })}
        style={{ width: '100%', height }}
      />
      <Unjoined join={join} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('localityMap.source')}
      </Typography.Text>
    </Flex>
  );
};

/** The units that could not be drawn and the boundaries with no unit, in words. */
const Unjoined = ({ join }: { join: MapJoin<TOverviewLocality> }) => {
  const { t } = useTranslation();
  if (!join.withoutBoundary.length && !join.withoutUnit.length) return null;
  return (
    <Flex vertical gap={4} data-testid="locality-map-unjoined">
      {join.withoutBoundary.length > 0 && (
        <Typography.Text>
          {t('localityMap.withoutBoundary', {
            count: join.withoutBoundary.length,
            names: join.withoutBoundary.map((row) => row.name).join(', '),
          })}
        </Typography.Text>
      )}
      {join.withoutUnit.length > 0 && (
        <Typography.Text type="secondary">
          {t('localityMap.withoutUnit', {
            count: join.withoutUnit.length,
            names: join.withoutUnit.map((boundary) => `${boundary.name} (${boundary.code})`).join(', '),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
};

/** Text into the tooltip's HTML. */
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export default LocalityMap;
