/**
 * Adds or edits an indicator's description: group, number, name, unit, direction, measure, the standard
 * catalog code, lead and coordinating units and the people behind it. Targets are edited in the matrix.
 */
import { matchesFolded } from '@core/domain/text';
import type { TCatalogIndicator } from '@core/schemas/catalog.schemas';
import {
  type TIndicator,
  ZCreateIndicatorRequest,
  ZUpdateIndicatorRequest,
} from '@core/schemas/indicator.schemas';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import { AutoComplete, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditorForm } from '../../../components/ui/EditorForm';
import { useSchemaForm } from '../../../components/ui/useSchemaForm';
import { GroupNameField, LeadUnitFields } from '../../plan/components/PlanItemFields';
import { unitOptions } from '../../plan/unitNames';
import { useAfterSave } from '../../plan/useAfterSave';
import { useCreateIndicatorMutation, useUpdateIndicatorMutation } from '../mutations';

type IndicatorFormValues = {
  groupName?: string | null;
  code?: string | null;
  name?: string;
  unit?: string | null;
  direction: 'increase' | 'decrease';
  measure: 'cumulative' | 'period';
  catalogCode?: string | null;
  leadUnitId?: string | null;
  coordinatingUnitIds: string[];
  executor?: string | null;
  leader?: string | null;
  evidenceHint?: string | null;
  baselineYear?: number | null;
};

const FIELDS = [
  'groupName',
  'code',
  'name',
  'unit',
  'direction',
  'measure',
  'catalogCode',
  'leadUnitId',
  'coordinatingUnitIds',
  'executor',
  'leader',
  'evidenceHint',
  'baselineYear',
] as const;

const COMMON_UNITS = ['%', 'Chỉ số', 'Thứ bậc', '%GRDP', 'Báo cáo', 'Hồ sơ', 'Người', 'Mô hình'];

const toFormValues = (indicator: TIndicator | undefined): IndicatorFormValues =>
  indicator
    ? {
        groupName: indicator.groupName,
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        measure: indicator.measure,
        catalogCode: indicator.catalogCode,
        leadUnitId: indicator.leadUnitId,
        coordinatingUnitIds: indicator.coordinatingUnitIds,
        executor: indicator.executor,
        leader: indicator.leader,
        evidenceHint: indicator.evidenceHint,
        baselineYear: indicator.baselineYear,
      }
    : { direction: 'increase', measure: 'cumulative', coordinatingUnitIds: [], name: '' };

type IndicatorFormProps = {
  plan: TPlanDetail;
  catalog: TCatalogIndicator[];
  /** The indicator to edit; omit to add a new one. */
  indicator?: TIndicator;
  onDone: () => void;
  onCancel: () => void;
};

export const IndicatorForm = ({ plan, catalog, indicator, onDone, onCancel }: IndicatorFormProps) => {
  const { t } = useTranslation();
  const afterSave = useAfterSave(onDone);
  const [form] = Form.useForm<IndicatorFormValues>();
  const { submit, generalErrors, saving } = useSchemaForm(form, FIELDS);
  const createIndicator = useCreateIndicatorMutation(plan.id);
  const updateIndicator = useUpdateIndicatorMutation(plan.id);
  const isEditing = indicator !== undefined;
  const unit = Form.useWatch('unit', form) ?? '';

  const unitChoices = COMMON_UNITS.filter((item) => matchesFolded(item, unit)).map((item) => ({
    value: item,
  }));
  const catalogOptions = catalog.map((entry) => ({
    value: entry.code,
    label: `${entry.code} — ${entry.name}`,
    search: [entry.code, entry.name, ...entry.aliases].join(' '),
  }));

  const handleCatalogChange = (code: string | undefined) => {
    const entry = catalog.find((item) => item.code === code);
    if (!entry) return;
    // A catalog entry knows the unit, direction and measure; fill them only where still blank or default.
    const current = form.getFieldsValue(true);
    form.setFieldsValue({
      unit: current.unit || entry.unit,
      direction: entry.direction,
      measure: entry.measure,
    });
  };

  const handleSubmit = async () => {
    const values = form.getFieldsValue(true);
    const body = {
      ...values,
      name: values.name ?? '',
      leadUnitId: values.leadUnitId ?? null,
      catalogCode: values.catalogCode ?? null,
      baselineYear: values.baselineYear ?? null,
      coordinatingUnitIds: values.coordinatingUnitIds ?? [],
    };
    if (isEditing)
      await submit(ZUpdateIndicatorRequest, body, (request) =>
        afterSave(
          updateIndicator.mutateAsync({ indicatorId: indicator.id, body: request }),
          t('common.saved'),
        ),
      );
    else
      await submit(ZCreateIndicatorRequest, body, (request) =>
        afterSave(createIndicator.mutateAsync(request), t('indicator.createdMessage')),
      );
  };

  const units = unitOptions(plan.units);

  return (
    <EditorForm<IndicatorFormValues>
      form={form}
      name="indicator"
      label={isEditing ? t('indicator.editTitle') : t('indicator.addTitle')}
      initialValues={toFormValues(indicator)}
      errors={generalErrors}
      saving={saving}
      submitLabel={isEditing ? t('common.save') : t('indicator.add')}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <GroupNameField namespace="indicator" groups={plan.indicatorGroups} />
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="code" label={t('indicator.fields.code')}>
            <Input placeholder={t('examples.indicatorCode')} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="unit" label={t('indicator.fields.unit')}>
            <AutoComplete options={unitChoices} allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('indicator.fields.name')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="catalogCode" label={t('indicator.fields.catalogCode')}>
        <Select
          allowClear
          placeholder={t('indicator.catalogPlaceholder')}
          options={catalogOptions}
          onChange={handleCatalogChange}
          showSearch={{
            filterOption: (input, option) => matchesFolded(option?.search ?? '', input),
          }}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="direction" label={t('indicator.fields.direction')}>
            <Select
              options={(['increase', 'decrease'] as const).map((value) => ({
                value,
                label: t(`indicator.directions.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="measure" label={t('indicator.fields.measure')}>
            <Select
              options={(['cumulative', 'period'] as const).map((value) => ({
                value,
                label: t(`indicator.measures.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <LeadUnitFields namespace="indicator" units={units} canChangeLead={plan.can.edit} />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="executor" label={t('indicator.fields.executor')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="leader" label={t('indicator.fields.leader')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="evidenceHint" label={t('indicator.fields.evidenceHint')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="baselineYear" label={t('indicator.fields.baselineYear')}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </EditorForm>
  );
};
