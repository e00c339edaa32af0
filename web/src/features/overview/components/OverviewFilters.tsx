import { BellOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  filterOverviewRows,
  hasProblem,
  OVERVIEW_COLOURS,
  OVERVIEW_PROBLEMS,
  type OverviewColour,
  type OverviewFilter,
  type OverviewProblem,
} from '@core/domain/overview-filter';
import type { TOverviewChaseResult, TOverviewLocality } from '@core/schemas/overview.schemas';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorMessage } from '../../../api/client';
import { useDownload } from '../../../components/ui/DownloadMenu';
import { hasAnyRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';

/** The overview's filter, kept in the URL (?colours=red,yellow&problem=late_reporting&q=…) so it can be shared. */
export const useOverviewFilter = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const colours = (searchParams.get('colours') ?? '')
    .split(',')
    .filter((value): value is OverviewColour => (OVERVIEW_COLOURS as readonly string[]).includes(value));
  const problemParam = searchParams.get('problem');
  const problem = (OVERVIEW_PROBLEMS as readonly string[]).includes(problemParam ?? '')
    ? (problemParam as OverviewProblem)
    : undefined;
  const filter: OverviewFilter = { colours, problem, query: searchParams.get('q') ?? '' };
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };
  return { filter, update };
};

/** The query string of the Excel export: the page's year, "as of" date and filter. */
const exportQuery = (year: number, asOf: string | undefined, filter: OverviewFilter): string => {
  const params = new URLSearchParams({ year: String(year) });
  if (asOf) params.set('asOf', asOf);
  if (filter.colours?.length) params.set('colours', filter.colours.join(','));
  if (filter.problem) params.set('problem', filter.problem);
  if (filter.query?.trim()) params.set('q', filter.query.trim());
  return params.toString();
};

/** Who may chase the communes of a province; the server checks the province. */
const CHASING_ROLES = ['system_admin', 'leader', 'standing_officer'] as const;

/**
 * The province officer's tools over the ranking: filter by colour, by what is wrong and by name (the
 * rule the Excel export uses too), the export of what is shown (on the map of the page's "as of" date),
 * and "Đôn đốc" for the late communes shown — only on today's map: a past date's lateness is history.
 */
export const OverviewFilters = ({
  localityId,
  year,
  asOf,
  rows,
  isProvince,
  filter,
  onChange,
}: {
  localityId: string;
  year: number;
  /** The page's "Tính đến ngày" (yyyy-mm-dd); undefined for today. */
  asOf?: string;
  rows: TOverviewLocality[];
  isProvince: boolean;
  filter: OverviewFilter;
  onChange: (changes: Record<string, string | undefined>) => void;
}) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { user } = useCurrentUser();
  const { download, pendingKey } = useDownload();
  const late = filterOverviewRows(rows, filter).filter((row) => hasProblem(row, 'late_reporting'));
  const chase = useMutation({
    mutationFn: (localityIds: string[]) =>
      api.post<TOverviewChaseResult>(`/api/v1/localities/${localityId}/overview/chase`, {
        year,
        localityIds,
      }),
    onSuccess: (result) => {
      const skipped = result.skipped
        .filter((row) => row.reason === 'no_standing_officer')
        .map((row) => row.name);
      message.success(
        [
          t('overview.chaseDone', { reminded: result.reminded, notifications: result.notifications }),
          skipped.length ? t('overview.chaseNoOfficer', { names: skipped.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' '),
        8,
      );
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  const confirmChase = () =>
    modal.confirm({
      title: t('overview.chaseTitle', { count: late.length, year }),
      content: t('overview.chaseContent', { names: late.map((row) => row.name).join(', ') }),
      okText: t('overview.chaseOk'),
      cancelText: t('common.cancel'),
      onOk: () => chase.mutateAsync(late.map((row) => row.localityId)).catch(() => {}),
    });

  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        allowClear
        aria-label={t('overview.search')}
        placeholder={isProvince ? t('overview.searchPlaceholder') : t('overview.searchProvincePlaceholder')}
        style={{ maxWidth: 320 }}
        defaultValue={filter.query}
        onChange={(event) => onChange({ q: event.target.value || undefined })}
      />
      <Select<OverviewColour[]>
        mode="multiple"
        allowClear
        aria-label={t('overview.filterColour')}
        placeholder={t('overview.filterColour')}
        style={{ minWidth: 200 }}
        value={[...(filter.colours ?? [])]}
        onChange={(values) => onChange({ colours: values.join(',') || undefined })}
        options={OVERVIEW_COLOURS.map((colour) => ({
          value: colour,
          label: t(`dashboard.colours.${colour}`),
        }))}
      />
      <Select<OverviewProblem>
        allowClear
        aria-label={t('overview.filterProblem')}
        placeholder={t('overview.filterProblem')}
        style={{ minWidth: 220 }}
        value={filter.problem}
        onChange={(value) => onChange({ problem: value })}
        options={OVERVIEW_PROBLEMS.map((problem) => ({
          value: problem,
          label: t(`overview.problems.${problem}`),
        }))}
      />
      <Button
        icon={<FileExcelOutlined />}
        loading={pendingKey === 'overview'}
        onClick={() =>
          void download({
            key: 'overview',
            label: t('overview.export'),
            path: `/api/v1/localities/${localityId}/overview.xlsx?${exportQuery(year, asOf, filter)}`,
            fileName: `tong-quan-${year}.xlsx`,
          })
        }
      >
        {t('overview.export')}
      </Button>
      {isProvince && !asOf && hasAnyRole(user, CHASING_ROLES) && (
        <Button
          icon={<BellOutlined />}
          disabled={late.length === 0}
          loading={chase.isPending}
          onClick={confirmChase}
        >
          {t('overview.chase', { count: late.length })}
        </Button>
      )}
    </Flex>
  );
};
