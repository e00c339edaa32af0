import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { pageNumberOf } from '../../components/ui/pageNumber';
import { hasAnyRole, PLAN_EDITOR_ROLES } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LocalitySelect } from '../locality/LocalitySelect';
import { PlanForm } from './components/PlanForm';
import { PlanTable } from './components/PlanTable';
import { planQueries } from './queries';

/** Plans per page of the list (the server pages and counts them). */
const PLANS_PAGE_SIZE = 20;

/** /plans: every plan, searchable (accent-insensitive, on the server) and filterable by locality. */
const PlanListPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const localityId = searchParams.get('localityId') ?? undefined;
  const [draftQuery, setDraftQuery] = useState(q);
  const [isCreating, setIsCreating] = useState(false);
  const page = pageNumberOf(searchParams.get('page'));
  const plans = useQuery(
    planQueries.list({
      q: q || undefined,
      localityId,
      limit: PLANS_PAGE_SIZE,
      offset: (page - 1) * PLANS_PAGE_SIZE,
    }),
  );
  const { user } = useCurrentUser();
  // The standing agency and the system administrator set plans up; the server checks the locality.
  const canCreatePlans = hasAnyRole(user, PLAN_EDITOR_ROLES);

  const updateParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A new search or filter starts again from the first page.
    if (!('page' in changes)) next.delete('page');
    setSearchParams(next, { replace: true });
  };

  return (
    <Flex vertical gap={12}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <PageTitle>{t('plan.listTitle')}</PageTitle>
        {canCreatePlans && (
          <Flex gap={8} wrap>
            <Button icon={<FileTextOutlined />} onClick={() => navigate('/imports/new')}>
              {t('importPlan.entry')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
              {t('plan.create')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Flex gap={12} wrap>
        <Input.Search
          aria-label={t('plan.searchLabel')}
          placeholder={t('common.searchPlaceholder')}
          allowClear
          value={draftQuery}
          onChange={(event) => {
            setDraftQuery(event.target.value);
            if (!event.target.value) updateParams({ q: undefined });
          }}
          onSearch={(value) => updateParams({ q: value.trim() || undefined })}
          style={{ maxWidth: 420 }}
        />
        <LocalitySelect
          aria-label={t('plan.localityFilter')}
          allowClear
          placeholder={t('plan.allLocalities')}
          value={localityId}
          onChange={(value) => updateParams({ localityId: value })}
          style={{ minWidth: 240 }}
        />
      </Flex>
      {plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <PlanTable
          plans={plans.data?.data ?? []}
          isLoading={plans.isFetching}
          paging={{
            current: page,
            pageSize: PLANS_PAGE_SIZE,
            total: plans.data?.pagination.total ?? 0,
            onChange: (next) => updateParams({ page: next > 1 ? String(next) : undefined }),
          }}
          emptyText={q || localityId ? t('plan.emptySearch') : t('plan.empty')}
        />
      )}
      <Drawer
        title={t('plan.createTitle')}
        open={isCreating}
        onClose={() => setIsCreating(false)}
        size={760}
        destroyOnHidden
      >
        <PlanForm
          onCancel={() => setIsCreating(false)}
          onDone={(planId) => {
            setIsCreating(false);
            message.success(t('plan.createdMessage'));
            navigate(`/plans/${planId}`);
          }}
        />
      </Drawer>
    </Flex>
  );
};

export default PlanListPage;
