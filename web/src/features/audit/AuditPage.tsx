/**
 * /audit "Nhật ký thay đổi": every change in the user's scope, newest first, filtered by person, kind of
 * record and date range, a page at a time. Each row says who, when, from where, and before → after.
 * The filters live in the URL so that a filtered view can be sent to a colleague.
 */
import { LinkOutlined } from '@ant-design/icons';
import { AUDIT_ENTITY_TYPES, type TAuditEvent } from '@core/schemas/auth.schemas';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DATE_FORMAT_VI, dayjsToIso, isoToDayjs } from '../../components/ui/dates';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { localityQueries } from '../locality/queries';
import { localityLabel } from '../locality/useLocalityChain';
import { unitQueries } from '../unit/queries';
import { AuditChanges } from './components/AuditChanges';
import styles from './components/AuditEvents.module.css';
import { formatAuditTime } from './components/formatTime';
import type { NameLookup } from './describeChanges';
import { describeEvent } from './describeEvent';
import { auditQueries } from './queries';
import { usePersonOptions } from './usePersonOptions';

const PAGE_SIZE = 50;

/** Where in the app the changed row lives, when it belongs to a plan. */
const linkOf = (event: TAuditEvent): string | null => {
  if (!event.planId) return null;
  if (event.entityType === 'plan') return `/plans/${event.planId}`;
  const rowId = event.entityType === 'indicator_target' ? event.parentEntityId : event.entityId;
  const tab = event.entityType === 'task' ? 'tasks' : 'indicators';
  return rowId ? `/plans/${event.planId}?tab=${tab}&highlight=${rowId}` : `/plans/${event.planId}`;
};

const AuditPage = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const actorUserId = searchParams.get('actor') ?? undefined;
  const entityType = searchParams.get('type') ?? undefined;
  const from = searchParams.get('from') ?? undefined;
  const to = searchParams.get('to') ?? undefined;
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const [personSearch, setPersonSearch] = useState('');
  const people = usePersonOptions(personSearch, actorUserId);
  // One more than a page: its presence says whether there is a next page.
  const events = useQuery(
    auditQueries.list({
      actorUserId,
      entityType,
      from,
      to,
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  const rows = (events.data ?? []).slice(0, PAGE_SIZE);
  const hasNext = (events.data?.length ?? 0) > PAGE_SIZE;

  // Names for the ids in the snapshots: the localities of the events in view and their units (one
  // request each, never the whole list of localities).
  const localityIds = [...new Set(rows.map((event) => event.localityId).filter((id): id is string => !!id))];
  const unitLists = useQueries({ queries: localityIds.map((id) => unitQueries.byLocality(id)) });
  const localityRows = useQueries({ queries: localityIds.map((id) => localityQueries.detail(id)) });
  const namesKey = [...unitLists, ...localityRows].map((query) => query.dataUpdatedAt).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: namesKey stands for the lists' contents.
  const names = useMemo(() => {
    const units = new Map(unitLists.flatMap((list) => list.data ?? []).map((unit) => [unit.id, unit.name]));
    const places = new Map(
      localityRows.flatMap((query) =>
        query.data ? [[query.data.id, localityLabel(query.data)] as const] : [],
      ),
    );
    const lookup: NameLookup = { unitName: (id) => units.get(id), localityName: (id) => places.get(id) };
    return { lookup };
  }, [namesKey]);

  const updateParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setSearchParams(next, { replace: true });
  };

  return (
    <Flex vertical gap={12}>
      <div>
        <PageTitle>{t('audit.title')}</PageTitle>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('audit.intro')}
        </Typography.Paragraph>
      </div>
      <Flex gap={12} wrap align="center">
        <Select
          aria-label={t('audit.person')}
          placeholder={t('audit.allPeople')}
          allowClear
          showSearch={{ filterOption: false, onSearch: setPersonSearch, searchValue: personSearch }}
          value={actorUserId}
          options={people.options}
          loading={people.isLoading || people.isSearching}
          onChange={(value?: string) => {
            setPersonSearch('');
            updateParams({ actor: value });
          }}
          onOpenChange={(open) => {
            if (!open) setPersonSearch('');
          }}
          style={{ minWidth: 300 }}
        />
        <Select
          aria-label={t('audit.entityType')}
          placeholder={t('audit.allTypes')}
          allowClear
          value={entityType}
          options={AUDIT_ENTITY_TYPES.map((type) => ({
            value: type,
            label: t(`history.entityTypes.${type}`),
          }))}
          onChange={(value?: string) => updateParams({ type: value })}
          style={{ minWidth: 200 }}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.dateRange')}
          format={DATE_FORMAT_VI}
          placeholder={[t('audit.from'), t('audit.to')]}
          value={[isoToDayjs(from), isoToDayjs(to)]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            updateParams({
              from: dayjsToIso(range?.[0]) ?? undefined,
              to: dayjsToIso(range?.[1]) ?? undefined,
            })
          }
        />
        {(actorUserId || entityType || from || to) && (
          <Button onClick={() => setSearchParams({}, { replace: true })}>{t('audit.clearFilters')}</Button>
        )}
      </Flex>
      {events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Table<TAuditEvent>
          rowKey="id"
          size="small"
          bordered
          loading={events.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('audit.empty') }}
          columns={[
            {
              key: 'at',
              title: t('audit.time'),
              width: 150,
              render: (_value, event) => (
                // The address and browser come only to administrators; others get no tooltip.
                <Tooltip
                  title={
                    [event.ip && t('audit.fromIp', { ip: event.ip }), event.userAgent]
                      .filter(Boolean)
                      .join(' · ') || undefined
                  }
                >
                  <time className={styles.time} dateTime={event.at}>
                    {formatAuditTime(event.at)}
                  </time>
                </Tooltip>
              ),
            },
            {
              key: 'event',
              title: t('audit.event'),
              width: 420,
              render: (_value, event) => {
                const link = linkOf(event);
                return (
                  <Flex vertical gap={2}>
                    <span>{describeEvent(event, t)}</span>
                    {link && event.action !== 'delete' && (
                      <Link to={link}>
                        <Space size={4}>
                          <LinkOutlined />
                          {t('audit.open')}
                        </Space>
                      </Link>
                    )}
                  </Flex>
                );
              },
            },
            {
              key: 'changes',
              title: t('audit.changes'),
              render: (_value, event) => <AuditChanges event={event} names={names.lookup} />,
            },
          ]}
        />
      )}
      <Flex justify="flex-end" align="center" gap={12}>
        <Typography.Text type="secondary">{t('audit.page', { page })}</Typography.Text>
        <Button
          disabled={page <= 1}
          onClick={() => updateParams({ page: page > 2 ? String(page - 1) : undefined })}
        >
          {t('audit.previous')}
        </Button>
        <Button disabled={!hasNext} onClick={() => updateParams({ page: String(page + 1) })}>
          {t('audit.next')}
        </Button>
      </Flex>
    </Flex>
  );
};

export default AuditPage;
