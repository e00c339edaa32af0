import { INDICATOR_STATUSES, TASK_STATUSES, TIMELINESS } from '@core/domain/evaluation';
import type { TPlanDashboard } from '@core/schemas/dashboard.schemas';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type DashboardFilter,
  INDICATOR_STATUS_COLOURS,
  sameFilter,
  TASK_STATUS_COLOURS,
  TIMELINESS_TILE_COLOURS,
} from '../dashboardStatus';
import styles from './StatusTiles.module.css';

type Tile = { key: string; label: string; count: number; colour: string; filter: DashboardFilter };

type StatusTilesProps = {
  counts: TPlanDashboard['counts'];
  filter: DashboardFilter | null;
  onFilter: (filter: DashboardFilter | null) => void;
};

/** Counts per status, in three groups; a tile is a toggle that filters the tables below. */
export const StatusTiles = ({ counts, filter, onFilter }: StatusTilesProps) => {
  const { t } = useTranslation();
  const groups: Array<{ title: string; tiles: Tile[] }> = [
    {
      title: t('dashboard.indicatorsGroup'),
      tiles: INDICATOR_STATUSES.map((status) => ({
        key: status,
        label: t(`dashboard.indicatorStatuses.${status}`),
        count: counts.indicators[status] ?? 0,
        colour: INDICATOR_STATUS_COLOURS[status],
        filter: { kind: 'indicator', status },
      })),
    },
    {
      title: t('dashboard.tasksGroup'),
      tiles: TASK_STATUSES.map((status) => ({
        key: status,
        label: t(`dashboard.taskStatuses.${status}`),
        count: counts.tasks[status] ?? 0,
        colour: TASK_STATUS_COLOURS[status],
        filter: { kind: 'task', status },
      })),
    },
    {
      title: t('dashboard.reportsGroup'),
      tiles: [
        ...TIMELINESS.map(
          (timeliness): Tile => ({
            key: timeliness,
            label: t(`dashboard.reportTimeliness.${timeliness}`),
            count: counts.reports[timeliness] ?? 0,
            colour: TIMELINESS_TILE_COLOURS[timeliness],
            filter: { kind: 'report', timeliness },
          }),
        ),
        {
          key: 'pending',
          label: t('dashboard.pendingReview'),
          count: counts.pendingReview,
          colour: 'blue',
          filter: { kind: 'pending' },
        },
      ],
    },
  ];

  return (
    <Flex vertical gap={12}>
      {groups.map((group) => (
        <Card key={group.title} size="small" title={group.title}>
          <div className={styles.tiles}>
            {group.tiles.map((tile) => {
              const isActive = sameFilter(filter, tile.filter);
              return (
                <button
                  key={tile.key}
                  type="button"
                  aria-pressed={isActive}
                  className={`${styles.tile} ${styles[`colour-${tile.colour}`] ?? ''} ${isActive ? styles.active : ''}`}
                  onClick={() => onFilter(isActive ? null : tile.filter)}
                >
                  <span className={styles.count}>{tile.count}</span>
                  <Typography.Text className={styles.label}>{tile.label}</Typography.Text>
                </button>
              );
            })}
          </div>
        </Card>
      ))}
    </Flex>
  );
};
