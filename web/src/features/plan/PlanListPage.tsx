import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { hasAnyRole, PLAN_EDITOR_ROLES } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useLocalityOptions } from '../locality/useLocalityOptions';
import { PlanForm } from './components/PlanForm';
import { PlanTable } from './components/PlanTable';
import { planQueries } from './queries';

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
  const localityOptions = useLocalityOptions();
  const plans = useQuery(planQueries.list({ q: q || undefined, localityId }));
  const { user } = useCurrentUser();
  // The standing agency and the system administrator set plans up; the server checks the locality.
  const canCreatePlans = hasAnyRole(user, PLAN_EDITOR_ROLES);

  const updateParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
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
        <Select
          aria-label={t('plan.localityFilter')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('plan.allLocalities')}
          value={localityId}
          onChange={(value?: string) => updateParams({ localityId: value })}
          options={localityOptions.options}
          loading={localityOptions.isLoading}
          style={{ minWidth: 240 }}
        />
      </Flex>
      {plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <PlanTable
          plans={plans.data ?? []}
          isLoading={plans.isLoading}
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
