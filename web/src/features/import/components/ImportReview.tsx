import { EyeInvisibleOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import type { TImportedPlanDraft, TImportJob } from '@core/schemas/import.schemas';
import { unitNameUseCounts } from '@core/schemas/import-draft';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Tabs, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import { PageTitle } from '../../../components/ui/PageTitle';
import { useTabParam } from '../../../components/ui/useTabParam';
import { LocalitySelect } from '../../locality/LocalitySelect';
import { localityLabel } from '../../locality/useLocalityChain';
import { unitQueries } from '../../unit/queries';
import {
  type DraftErrors,
  draftErrorsOf,
  draftOfReview,
  isConfident,
  NO_ERRORS,
  type ReviewDraft,
  reviewDraftOf,
  targetYearsOf,
  updateRow,
} from '../draftEdits';
import { useSavePlanDraftMutation } from '../mutations';
import { choicesFor, type UnitChoice, unitMappingOf } from '../unitMapping';
import { useLeaveGuard } from '../useLeaveGuard';
import { useLocalityProposal } from '../useLocalityProposal';
import { HeaderReview } from './HeaderReview';
import { IndicatorReviewTable } from './IndicatorReviewTable';
import styles from './ReviewPage.module.css';
import { SourceTextPanel } from './SourceTextPanel';
import { TaskReviewTable } from './TaskReviewTable';
import { UnitMappingTable } from './UnitMappingTable';

type ImportReviewProps = { job: TImportJob & { draft: TImportedPlanDraft } };

const TABS = ['header', 'indicators', 'tasks', 'units'] as const;
type TabKey = (typeof TABS)[number];

/** Server problems keyed by draft index ("indicators.3") → keyed by the review row ("i3"). */
const byRowKey = (errors: DraftErrors, review: ReviewDraft): Map<string, string[]> => {
  const rows = new Map<string, string[]>();
  for (const [field, messages] of errors.rows) {
    const [list, index] = field.split('.');
    const row = (list === 'indicators' ? review.indicators : review.tasks)[Number(index)];
    if (row) rows.set(row.key, messages);
  }
  return rows;
};

/**
 * The review of a finished import: the draft beside the source text, every row tagged, every cell
 * correctable; the locality and the unit mapping; then one save. Nothing is written before the save,
 * and leaving with changes asks first.
 */
export const ImportReview = ({ job }: ImportReviewProps) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const save = useSavePlanDraftMutation();

  const [review, setReview] = useState<ReviewDraft>(() => reviewDraftOf(job.draft));
  const [dirty, setDirty] = useState(false);
  const [picked, setPicked] = useState<Record<string, UnitChoice>>({});
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const [rowErrors, setRowErrors] = useState<Map<string, string[]>>(new Map());
  // The tab lives in the address (?tab=tasks): Back returns to the tab before, a reload keeps it.
  const [tab, openTab] = useTabParam<TabKey>(TABS, 'indicators');
  const [onlyReview, setOnlyReview] = useState(false);
  const [showSource, setShowSource] = useState(true);
  const [sourceRequest, setSourceRequest] = useState<{ query: string } | null>(null);
  const saved = useRef(false);

  const proposal = useLocalityProposal(job.draft, job.localityId);
  const { localityId, setLocalityId, allowCommune, proposing } = proposal;

  const units = useQuery({ ...unitQueries.byLocality(localityId ?? ''), enabled: Boolean(localityId) });
  // Saving waits for the proposal of a locality and for its units: the unit mapping is built on them, and a
  // save sent before they arrive would ask to create units the locality already has.
  const unitsPending = Boolean(localityId) && units.isPending;
  const draft = useMemo(() => draftOfReview(review), [review]);
  const uses = useMemo(() => unitNameUseCounts(draft), [draft]);
  const choices = useMemo(
    () => choicesFor([...uses.keys()], picked, units.data ?? []),
    [uses, picked, units.data],
  );
  const unitOptions = useMemo(
    () => [...new Set([...(units.data ?? []).map((unit) => unit.name), ...uses.keys()])],
    [units.data, uses],
  );
  const years = useMemo(() => targetYearsOf(draft), [draft]);

  // Leaving with unsaved changes asks first (in-app navigation, and closing or reloading the tab).
  useLeaveGuard(dirty, saved);

  const edit = (change: (current: ReviewDraft) => ReviewDraft) => {
    setReview(change);
    setDirty(true);
  };
  const clearRowError = (key: string) =>
    setRowErrors((current) => {
      if (!current.has(key)) return current;
      const next = new Map(current);
      next.delete(key);
      return next;
    });

  const showInSource = (query: string) => {
    setShowSource(true);
    setSourceRequest({ query });
  };

  const indicatorRows = onlyReview
    ? review.indicators.filter((row) => !isConfident(row.value) || rowErrors.has(row.key))
    : review.indicators;
  const taskRows = onlyReview
    ? review.tasks.filter((row) => !isConfident(row.value) || rowErrors.has(row.key))
    : review.tasks;
  const allRows = [...review.indicators, ...review.tasks];
  const needsReview = allRows.filter((row) => !isConfident(row.value)).length;

  const localityName = proposal.chosenLocality ? localityLabel(proposal.chosenLocality) : '';
  const toCreate = [...choices.values()].filter((choice) => choice.kind === 'create').length;
  const unitErrorCount = errors.units.size;

  const submit = () => {
    if (!localityId) {
      setErrors({ ...NO_ERRORS, general: [t('importPlan.localityRequired')] });
      return;
    }
    modal.confirm({
      title: t('importPlan.saveConfirmTitle'),
      content: t('importPlan.saveConfirmBody', {
        locality: localityName,
        indicators: review.indicators.length,
        tasks: review.tasks.length,
        created: toCreate,
      }),
      okText: t('importPlan.saveConfirmOk'),
      cancelText: t('common.cancel'),
      onOk: () => saveInto(localityId, false),
    });
  };

  /**
   * Saves the plan. When the document does not name the chosen locality the server refuses and says
   * what saving would do (whose units would have to report on what): that is shown for the officer to
   * confirm, and only then is the plan saved.
   */
  const saveInto = async (target: string, confirmLocality: boolean): Promise<void> => {
    try {
      const plan = await save.mutateAsync({
        localityId: target,
        draft,
        unitMapping: unitMappingOf(choices),
        ...(confirmLocality ? { confirmLocality: true } : {}),
      });
      saved.current = true;
      message.success(t('importPlan.saved'));
      navigate(`/plans/${plan.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'locality_confirmation_required') {
        modal.confirm({
          title: t('importPlan.localityConfirm.title'),
          content: error.message,
          okText: t('importPlan.localityConfirm.ok'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () => saveInto(target, true),
        });
        return;
      }
      const found =
        error instanceof ApiError && error.details.length > 0
          ? draftErrorsOf(error.details)
          : { ...NO_ERRORS, general: [errorMessage(error)] };
      setErrors(found);
      setRowErrors(byRowKey(found, review));
      message.error(t('importPlan.saveFailed'));
      // Open the tab holding the first problem (in place of the open one: the person did not switch).
      const problemTab: TabKey | null =
        found.plan.size > 0
          ? 'header'
          : [...found.rows.keys()].some((key) => key.startsWith('indicators'))
            ? 'indicators'
            : found.rows.size > 0
              ? 'tasks'
              : found.units.size > 0
                ? 'units'
                : null;
      if (problemTab) openTab(problemTab, { replace: true });
    }
  };

  const rowLabel = (key: string) => {
    const indicator = review.indicators.findIndex((row) => row.key === key);
    if (indicator >= 0) return t('importPlan.rowLabel.indicator', { n: indicator + 1 });
    return t('importPlan.rowLabel.task', { n: review.tasks.findIndex((row) => row.key === key) + 1 });
  };
  const summary = [
    ...errors.general,
    ...[...errors.plan].flatMap(([field, messages]) => messages.map((text) => `${field}: ${text}`)),
    ...[...rowErrors].flatMap(([key, messages]) =>
      messages.map((text) => t('importPlan.errors.row', { row: rowLabel(key), message: text })),
    ),
    ...[...errors.units].flatMap(([name, messages]) => messages.map((text) => `${name}: ${text}`)),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Flex vertical gap={2}>
          <PageTitle>{t('importPlan.reviewTitle', { fileName: job.fileName })}</PageTitle>
          <Typography.Text type="secondary">{t('importPlan.reviewIntro')}</Typography.Text>
        </Flex>
        <Flex gap={8} align="center" wrap>
          <Tag color="gold">{t('importPlan.notSavedYet')}</Tag>
          <Button
            icon={showSource ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            onClick={() => setShowSource((value) => !value)}
          >
            {showSource ? t('importPlan.source.hide') : t('importPlan.source.show')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={proposing || unitsPending}
            onClick={submit}
          >
            {t('importPlan.save')}
          </Button>
        </Flex>
      </Flex>

      {summary.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('importPlan.errors.title')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
              {summary.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
        />
      )}

      <Card size="small">
        <Form layout="inline" component="div">
          <Form.Item
            label={t('importPlan.locality')}
            htmlFor="import-locality"
            required
            extra={
              job.draft.localityMatch
                ? t('importPlan.localityProposal', { note: job.draft.localityMatch.note })
                : job.draft.plan.locality.name
                  ? t('importPlan.localityFromDocument', {
                      name: [job.draft.plan.locality.level, job.draft.plan.locality.name]
                        .filter(Boolean)
                        .join(' '),
                    })
                  : undefined
            }
          >
            <LocalitySelect
              id="import-locality"
              style={{ minWidth: 280 }}
              filters={{ level: 'commune' }}
              allow={allowCommune}
              value={localityId}
              loading={proposal.loading}
              onChange={(value) => {
                setLocalityId(value);
                // Units belong to a locality: a new locality starts the mapping again from its suggestions.
                setPicked({});
                setDirty(true);
              }}
            />
          </Form.Item>
          <Form.Item>
            <Typography.Text type="secondary">
              {t('importPlan.review.summary', {
                confident: allRows.length - needsReview,
                review: needsReview,
              })}
            </Typography.Text>
          </Form.Item>
        </Form>
      </Card>

      <div className={styles.layout}>
        <div className={styles.draft}>
          <Tabs
            activeKey={tab}
            onChange={(key) => openTab(key as TabKey)}
            tabBarExtraContent={
              tab === 'indicators' || tab === 'tasks' ? (
                <Checkbox checked={onlyReview} onChange={(event) => setOnlyReview(event.target.checked)}>
                  {t('importPlan.review.onlyNeedsReview')}
                </Checkbox>
              ) : undefined
            }
            items={[
              {
                key: 'header',
                label: t('importPlan.tabs.header'),
                children: (
                  <HeaderReview
                    plan={review.plan}
                    onChange={(change) => edit((current) => ({ ...current, plan: change(current.plan) }))}
                    errors={errors.plan}
                    uncertain={review.uncertain}
                    unitOptions={unitOptions}
                  />
                ),
              },
              {
                key: 'indicators',
                label: t('importPlan.tabs.indicators', { count: review.indicators.length }),
                children: (
                  <IndicatorReviewTable
                    rows={indicatorRows}
                    years={years}
                    errors={rowErrors}
                    unitOptions={unitOptions}
                    onShowInSource={showInSource}
                    onChange={(key, change) => {
                      edit((current) => ({
                        ...current,
                        indicators: updateRow(current.indicators, key, change),
                      }));
                      clearRowError(key);
                    }}
                    onRemove={(key) => {
                      edit((current) => ({
                        ...current,
                        indicators: current.indicators.filter((row) => row.key !== key),
                      }));
                      clearRowError(key);
                    }}
                  />
                ),
              },
              {
                key: 'tasks',
                label: t('importPlan.tabs.tasks', { count: review.tasks.length }),
                children: (
                  <TaskReviewTable
                    rows={taskRows}
                    errors={rowErrors}
                    unitOptions={unitOptions}
                    onShowInSource={showInSource}
                    onChange={(key, change) => {
                      edit((current) => ({ ...current, tasks: updateRow(current.tasks, key, change) }));
                      clearRowError(key);
                    }}
                    onRemove={(key) => {
                      edit((current) => ({
                        ...current,
                        tasks: current.tasks.filter((row) => row.key !== key),
                      }));
                      clearRowError(key);
                    }}
                  />
                ),
              },
              {
                key: 'units',
                label: (
                  <span>
                    {t('importPlan.tabs.units', { count: uses.size })}
                    {unitErrorCount > 0 && (
                      <Tag color="red" style={{ marginInlineStart: 6 }}>
                        {unitErrorCount}
                      </Tag>
                    )}
                  </span>
                ),
                children: (
                  <UnitMappingTable
                    uses={uses}
                    choices={choices}
                    units={units.data ?? []}
                    errors={errors.units}
                    hasLocality={Boolean(localityId)}
                    onChoose={(name, choice) => {
                      setPicked((current) => ({ ...current, [name]: choice }));
                      setDirty(true);
                    }}
                  />
                ),
              },
            ]}
          />
        </div>
        {showSource && (
          <div className={styles.source}>
            <SourceTextPanel text={job.sourceText} request={sourceRequest} />
          </div>
        )}
      </div>
    </Flex>
  );
};
