import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormDrawer } from '../../components/ui/FormDrawer';
import { ListSearch } from '../../components/ui/ListSearch';
import { PageTitle } from '../../components/ui/PageTitle';
import { useListParams } from '../../components/ui/useListParams';
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
  const { q, page, param, updateParams, goToPage, searchProps } = useListParams();
  const localityId = param('localityId');
  const [isCreating, setIsCreating] = useState(false);
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
        <ListSearch label={t('plan.searchLabel')} {...searchProps} />
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
            onChange: goToPage,
          }}
          emptyText={q || localityId ? t('plan.emptySearch') : t('plan.empty')}
        />
      )}
      <FormDrawer
        title={t('plan.createTitle')}
        open={isCreating}
        onClose={() => setIsCreating(false)}
        size={760}
      >
        <PlanForm
          onCancel={() => setIsCreating(false)}
          onDone={(planId) => {
            setIsCreating(false);
            message.success(t('plan.createdMessage'));
            navigate(`/plans/${planId}`);
          }}
        />
      </FormDrawer>
    </Flex>
  );
};

export default PlanListPage;
