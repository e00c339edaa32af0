/**
 * Creates or edits a plan's header: the document facts, its related documents (căn cứ, thay thế) and
 * its reporting regime. Validation uses the shared zod schemas; server errors are shown verbatim.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PLAN_STATUSES,
  REPORTING_FREQUENCIES,
  type TPlanDetail,
  ZCreatePlanRequest,
  ZUpdatePlanRequest,
} from '@core/schemas/plan.schemas';
import {
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  type FormListFieldData,
  Input,
  Row,
  Select,
  Space,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT_VI, dayjsToIso, isoToDayjs } from '../../../components/ui/dates';
import { EditorForm } from '../../../components/ui/EditorForm';
import { useSchemaForm } from '../../../components/ui/useSchemaForm';
import { PLAN_EDITOR_ROLES } from '../../auth/roles';
import { LocalitySelect } from '../../locality/LocalitySelect';
import { useLocalityAllowed } from '../../locality/useLocalityChain';
import { useCreatePlanMutation, useUpdatePlanMutation } from '../mutations';

type ReferenceValues = {
  kind: 'basis' | 'replaces';
  number?: string | null;
  date?: Dayjs | null;
  issuer?: string | null;
  referencedPlanId?: string | null;
};
type ReportingValues = { frequency: string; due?: string | null; receiver?: string | null };

type PlanFormValues = {
  localityId?: string;
  issuerKind: 'government' | 'party';
  issuer?: string;
  number?: string | null;
  issuedDate?: Dayjs | null;
  title?: string;
  signerName?: string | null;
  signerPosition?: string | null;
  status: string;
  standingAgencyUnitId?: string | null;
  references: ReferenceValues[];
  reporting: ReportingValues[];
};

const FIELDS = [
  'localityId',
  'issuerKind',
  'issuer',
  'number',
  'issuedDate',
  'title',
  'signerName',
  'signerPosition',
  'status',
  'standingAgencyUnitId',
  'references',
  'reporting',
] as const;

const toFormValues = (plan: TPlanDetail | undefined): PlanFormValues =>
  plan
    ? {
        issuerKind: plan.issuerKind,
        issuer: plan.issuer,
        number: plan.number,
        issuedDate: isoToDayjs(plan.issuedDate),
        title: plan.title,
        signerName: plan.signerName,
        signerPosition: plan.signerPosition,
        status: plan.status,
        standingAgencyUnitId: plan.standingAgencyUnitId,
        references: plan.references.map((reference) => ({ ...reference, date: isoToDayjs(reference.date) })),
        reporting: plan.reporting.map((regime) => ({ ...regime })),
      }
    : { issuerKind: 'government', status: 'active', references: [], reporting: [] };

const emptyToNull = (value: string | null | undefined) =>
  value == null || value.trim() === '' ? null : value;

/** Form values → the request body the API expects (dates as YYYY-MM-DD, blanks as null). */
const toRequestBody = (values: PlanFormValues) => ({
  ...values,
  issuer: values.issuer ?? '',
  title: values.title ?? '',
  issuedDate: dayjsToIso(values.issuedDate),
  standingAgencyUnitId: values.standingAgencyUnitId ?? null,
  references: (values.references ?? []).map((reference) => ({
    ...reference,
    date: dayjsToIso(reference.date),
    referencedPlanId: reference.referencedPlanId ?? null,
  })),
  reporting: (values.reporting ?? []).map((regime) => ({
    ...regime,
    due: emptyToNull(regime.due),
    receiver: emptyToNull(regime.receiver),
  })),
});

type PlanFormProps = {
  /** The plan to edit; omit to create a new one. */
  plan?: TPlanDetail;
  onDone: (planId: string) => void;
  onCancel: () => void;
};

/** Rows of the form that repeat (cited documents, reporting regimes): each with a remove button, and one to add a row. */
const RowList = ({
  name,
  newRow,
  addLabel,
  removeLabel,
  children,
}: {
  name: string;
  newRow: Record<string, unknown>;
  addLabel: string;
  removeLabel: string;
  children: (field: FormListFieldData) => ReactNode;
}) => (
  <Form.List name={name}>
    {(fields, { add, remove }) => (
      <>
        {fields.map((field) => (
          <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
            {children(field)}
            <Button
              type="text"
              icon={<MinusCircleOutlined />}
              aria-label={removeLabel}
              onClick={() => remove(field.name)}
            />
          </Space>
        ))}
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRow)}>
          {addLabel}
        </Button>
      </>
    )}
  </Form.List>
);

export const PlanForm = ({ plan, onDone, onCancel }: PlanFormProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanFormValues>();
  const { submit, generalErrors, saving: isSaving } = useSchemaForm(form, FIELDS);
  const createPlan = useCreatePlanMutation();
  const updatePlan = useUpdatePlanMutation(plan?.id ?? '');
  const editable = useLocalityAllowed(PLAN_EDITOR_ROLES);
  const isEditing = plan !== undefined;

  const handleSubmit = async () => {
    const body = toRequestBody(form.getFieldsValue(true));
    if (isEditing) {
      const { localityId: _ignored, ...changes } = body;
      await submit(ZUpdatePlanRequest, changes, async (request) => {
        await updatePlan.mutateAsync(request);
        onDone(plan.id);
      });
    } else
      await submit(ZCreatePlanRequest, body, async (request) => {
        const created = await createPlan.mutateAsync(request);
        onDone(created.id);
      });
  };

  return (
    <EditorForm<PlanFormValues>
      form={form}
      name="plan"
      label={isEditing ? t('plan.editTitle') : t('plan.createTitle')}
      initialValues={toFormValues(plan)}
      errors={generalErrors}
      saving={isSaving}
      submitLabel={isEditing ? t('common.save') : t('plan.create')}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      {!isEditing && (
        <Form.Item name="localityId" label={t('plan.locality')} required>
          <LocalitySelect allow={editable.allow} loading={editable.isLoading} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="issuerKind" label={t('plan.issuerKind')} required>
            <Select
              options={(['government', 'party'] as const).map((kind) => ({
                value: kind,
                label: t(`plan.issuerKinds.${kind}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="issuer" label={t('plan.issuer')} required>
            <Input placeholder={t('examples.issuer')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="number" label={t('plan.number')}>
            <Input placeholder={t('examples.planNumber')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="issuedDate" label={t('plan.issuedDate')}>
            <DatePicker
              format={DATE_FORMAT_VI}
              placeholder={t('plan.datePlaceholder')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="status" label={t('plan.status')}>
            <Select
              options={PLAN_STATUSES.map((status) => ({
                value: status,
                label: t(`plan.statuses.${status}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('plan.title')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="signerName" label={t('plan.signerName')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="signerPosition" label={t('plan.signerPosition')}>
            <Input placeholder={t('examples.signerPosition')} />
          </Form.Item>
        </Col>
      </Row>
      {isEditing && (
        <Form.Item name="standingAgencyUnitId" label={t('plan.standingAgency')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.selectPlaceholder')}
            options={plan.units.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
      )}

      <Divider titlePlacement="start">{t('plan.references')}</Divider>
      <RowList
        name="references"
        newRow={{ kind: 'basis' }}
        addLabel={t('plan.addReference')}
        removeLabel={t('plan.removeReference')}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, 'kind']} aria-label={t('plan.referenceKind')}>
              <Select
                style={{ width: 110 }}
                aria-label={t('plan.referenceKind')}
                options={(['basis', 'replaces'] as const).map((kind) => ({
                  value: kind,
                  label: t(`plan.referenceKinds.${kind}`),
                }))}
              />
            </Form.Item>
            <Form.Item name={[field.name, 'number']}>
              <Input
                style={{ width: 140 }}
                placeholder={t('plan.referenceNumber')}
                aria-label={t('plan.referenceNumber')}
              />
            </Form.Item>
            <Form.Item name={[field.name, 'date']}>
              <DatePicker
                format={DATE_FORMAT_VI}
                placeholder={t('plan.referenceDate')}
                aria-label={t('plan.referenceDate')}
              />
            </Form.Item>
            <Form.Item name={[field.name, 'issuer']}>
              <Input
                style={{ width: 220 }}
                placeholder={t('plan.referenceIssuer')}
                aria-label={t('plan.referenceIssuer')}
              />
            </Form.Item>
          </>
        )}
      </RowList>

      <Divider titlePlacement="start">{t('plan.reporting')}</Divider>
      <RowList
        name="reporting"
        newRow={{ frequency: 'annual' }}
        addLabel={t('plan.addReporting')}
        removeLabel={t('plan.removeReporting')}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, 'frequency']}>
              <Select
                style={{ width: 130 }}
                aria-label={t('plan.reportingFrequency')}
                options={REPORTING_FREQUENCIES.map((frequency) => ({
                  value: frequency,
                  label: t(`plan.frequencies.${frequency}`),
                }))}
              />
            </Form.Item>
            <Form.Item name={[field.name, 'due']} tooltip={t('plan.reportingDueHint')}>
              <Input
                style={{ width: 110 }}
                placeholder={t('examples.reportingDue')}
                aria-label={t('plan.reportingDue')}
              />
            </Form.Item>
            <Form.Item name={[field.name, 'receiver']}>
              <Input
                style={{ width: 300 }}
                placeholder={t('plan.reportingReceiver')}
                aria-label={t('plan.reportingReceiver')}
              />
            </Form.Item>
          </>
        )}
      </RowList>

      <Divider />
    </EditorForm>
  );
};
