import { PlusOutlined } from '@ant-design/icons';
import { matchesFolded } from '@core/domain/text';
import type { TIndicator } from '@core/schemas/indicator.schemas';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, InputNumber, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/ui/FormDrawer';
import { ListSearch } from '../../../components/ui/ListSearch';
import { useDeleteAction } from '../../../components/ui/useDeleteAction';
import { HistoryDrawer } from '../../audit/components/HistoryDrawer';
import { catalogQueries } from '../../catalog/queries';
import { useDeleteIndicatorMutation } from '../mutations';
import { IndicatorForm } from './IndicatorForm';
import { IndicatorMatrix } from './IndicatorMatrix';
import { TargetEditor } from './TargetEditor';

type EditingTarget = { indicatorId: string; year: number };
type EditingIndicator = { mode: 'create' } | { mode: 'edit'; indicator: TIndicator };
type HistoryOf = { indicator: TIndicator; year: number | null };

/** The "Chỉ tiêu" tab: filter, add, the matrix, and the editors it opens. */
export const IndicatorsTab = ({
  plan,
  highlightedId,
}: {
  plan: TPlanDetail;
  highlightedId: string | null;
}) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [extraYears, setExtraYears] = useState<number[]>([]);
  const [newYear, setNewYear] = useState<number | null>(null);
  const [editingTarget, setEditingTarget] = useState<EditingTarget | null>(null);
  const [editingIndicator, setEditingIndicator] = useState<EditingIndicator | null>(null);
  const [historyOf, setHistoryOf] = useState<HistoryOf | null>(null);
  const catalog = useQuery(catalogQueries.list());
  const deleteIndicator = useDeleteIndicatorMutation(plan.id);
  // A unit officer may fill in the targets of what their unit leads, so adding a year is for them too.
  const canEditSomeIndicator = plan.can.edit || plan.indicators.some((indicator) => indicator.canEdit);

  // Years and stages present in the plan, numerically: 2025…2030, then 2035, 2040, 2045.
  const years = useMemo(
    () =>
      [
        ...new Set([
          ...plan.indicators.flatMap((item) => item.targets.map((target) => target.year)),
          ...extraYears,
        ]),
      ].sort((a, b) => a - b),
    [plan.indicators, extraYears],
  );
  const indicators = useMemo(
    () =>
      filter.trim()
        ? plan.indicators.filter((item) => matchesFolded(`${item.code ?? ''} ${item.name}`, filter))
        : plan.indicators,
    [plan.indicators, filter],
  );
  // The editor reads the indicator from the live plan so it sees the latest targets.
  const targetIndicator = editingTarget
    ? plan.indicators.find((item) => item.id === editingTarget.indicatorId)
    : undefined;

  const handleDelete = useDeleteAction((indicator: TIndicator) => deleteIndicator.mutateAsync(indicator.id));

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={12}>
        <ListSearch
          label={t('indicator.filterLabel')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          maxWidth={360}
        />
        <Space wrap>
          {canEditSomeIndicator && (
            <Space.Compact>
              <InputNumber
                aria-label={t('target.addYearLabel')}
                placeholder={t('target.addYearLabel')}
                min={2000}
                max={2100}
                value={newYear}
                onChange={(value) => setNewYear(value)}
                style={{ width: 110 }}
              />
              <Button
                disabled={!newYear || years.includes(newYear)}
                onClick={() => {
                  if (newYear) setExtraYears((current) => [...current, newYear]);
                  setNewYear(null);
                }}
              >
                {t('target.addYear')}
              </Button>
            </Space.Compact>
          )}
          {plan.can.edit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditingIndicator({ mode: 'create' })}
            >
              {t('indicator.add')}
            </Button>
          )}
        </Space>
      </Flex>
      <IndicatorMatrix
        plan={plan}
        indicators={indicators}
        years={years}
        catalog={catalog.data ?? []}
        highlightedId={highlightedId}
        canEditPlan={plan.can.edit}
        onEditTarget={(indicator, year) => setEditingTarget({ indicatorId: indicator.id, year })}
        onShowHistory={(indicator) => setHistoryOf({ indicator, year: null })}
        onEditIndicator={(indicator) => setEditingIndicator({ mode: 'edit', indicator })}
        onDeleteIndicator={handleDelete}
      />
      {editingTarget && targetIndicator && (
        <TargetEditor
          key={`${editingTarget.indicatorId}-${editingTarget.year}`}
          planId={plan.id}
          indicator={targetIndicator}
          year={editingTarget.year}
          onClose={() => setEditingTarget(null)}
          onShowHistory={() => {
            setEditingTarget(null);
            setHistoryOf({ indicator: targetIndicator, year: editingTarget.year });
          }}
        />
      )}
      <HistoryDrawer
        key={historyOf ? `${historyOf.indicator.id}-${historyOf.year ?? 'all'}` : 'closed'}
        entityId={historyOf?.indicator.id ?? null}
        subject={historyOf?.indicator.name ?? ''}
        units={plan.units}
        year={historyOf?.year}
        onClose={() => setHistoryOf(null)}
      />
      <FormDrawer
        title={editingIndicator?.mode === 'edit' ? t('indicator.editTitle') : t('indicator.addTitle')}
        open={editingIndicator !== null}
        onClose={() => setEditingIndicator(null)}
      >
        {editingIndicator && (
          <IndicatorForm
            key={editingIndicator.mode === 'edit' ? editingIndicator.indicator.id : 'new'}
            plan={plan}
            catalog={catalog.data ?? []}
            indicator={editingIndicator.mode === 'edit' ? editingIndicator.indicator : undefined}
            onDone={() => setEditingIndicator(null)}
            onCancel={() => setEditingIndicator(null)}
          />
        )}
      </FormDrawer>
    </Flex>
  );
};
