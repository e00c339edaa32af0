import { formatDateVi } from '@core/domain/deadlines';
import type { TImportedPlanHeader } from '@core/schemas/import.schemas';
import { Alert, AutoComplete, Col, DatePicker, Descriptions, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT_VI, dayjsToIso, isoToDayjs } from '../../../components/ui/dates';

type HeaderReviewProps = {
  plan: TImportedPlanHeader;
  onChange: (change: (plan: TImportedPlanHeader) => TImportedPlanHeader) => void;
  /** The server's problems by field of the header ("title", "signer.name", "basis.0.number"). */
  errors: ReadonlyMap<string, string[]>;
  /** What the reader could not read ("Không đọc được số, ký hiệu văn bản."). */
  uncertain: readonly string[];
  unitOptions: readonly string[];
};

/** The document facts of the draft, each correctable; the cited documents and reporting regime as read. */
export const HeaderReview = ({ plan, onChange, errors, uncertain, unitOptions }: HeaderReviewProps) => {
  const { t } = useTranslation();
  const fieldError = (...fields: string[]) => {
    const messages = fields.flatMap((field) => errors.get(field) ?? []);
    return messages.length > 0 ? { validateStatus: 'error' as const, help: messages.join('; ') } : {};
  };
  const set = <K extends keyof TImportedPlanHeader>(key: K, value: TImportedPlanHeader[K]) =>
    onChange((current) => ({ ...current, [key]: value }));
  const orNull = (text: string) => (text.trim() ? text : null);
  const nested = (prefix: string) =>
    [...errors.entries()].filter(([field]) => field.startsWith(prefix)).flatMap(([, messages]) => messages);

  return (
    <Form layout="vertical" component="div">
      {uncertain.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('importPlan.uncertainTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {uncertain.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('plan.number')} htmlFor="import-plan-number" {...fieldError('number')}>
            <Input
              id="import-plan-number"
              value={plan.number ?? ''}
              placeholder={t('plan.noNumber')}
              onChange={(event) => set('number', orNull(event.target.value))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('plan.issuer')} htmlFor="import-plan-issuer" {...fieldError('issuer')}>
            <Input
              id="import-plan-issuer"
              value={plan.issuer ?? ''}
              onChange={(event) => set('issuer', orNull(event.target.value))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('plan.issuerKind')}
            htmlFor="import-plan-issuer-kind"
            {...fieldError('issuerKind')}
          >
            <Select
              id="import-plan-issuer-kind"
              value={plan.issuerKind ?? undefined}
              allowClear
              onChange={(value?: 'government' | 'party') => set('issuerKind', value ?? null)}
              options={[
                { value: 'government', label: t('plan.issuerKinds.government') },
                { value: 'party', label: t('plan.issuerKinds.party') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('plan.issuedDate')}
            htmlFor="import-plan-issued-date"
            {...fieldError('issuedDate')}
          >
            <DatePicker
              id="import-plan-issued-date"
              style={{ width: '100%' }}
              format={DATE_FORMAT_VI}
              placeholder={t('importPlan.header.issuedDatePlaceholder')}
              value={isoToDayjs(plan.issuedDate)}
              onChange={(value) => set('issuedDate', dayjsToIso(value))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('plan.signerName')}
            htmlFor="import-plan-signer"
            {...fieldError('signer.name', 'signer')}
          >
            <Input
              id="import-plan-signer"
              value={plan.signer?.name ?? ''}
              onChange={(event) =>
                set('signer', { name: orNull(event.target.value), position: plan.signer?.position ?? null })
              }
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('plan.signerPosition')}
            htmlFor="import-plan-signer-position"
            {...fieldError('signer.position')}
          >
            <Input
              id="import-plan-signer-position"
              value={plan.signer?.position ?? ''}
              onChange={(event) =>
                set('signer', { name: plan.signer?.name ?? null, position: orNull(event.target.value) })
              }
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('plan.title')} htmlFor="import-plan-title" {...fieldError('title')}>
            <Input.TextArea
              id="import-plan-title"
              autoSize={{ minRows: 2, maxRows: 6 }}
              value={plan.title ?? ''}
              onChange={(event) => set('title', orNull(event.target.value))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('plan.standingAgency')}
            htmlFor="import-plan-standing"
            {...fieldError('standingAgency')}
          >
            <AutoComplete
              id="import-plan-standing"
              value={plan.standingAgency ?? ''}
              options={unitOptions.map((name) => ({ value: name }))}
              onChange={(value: string) => set('standingAgency', orNull(value))}
              filterOption={(input, option) =>
                String(option?.value ?? '')
                  .toLocaleLowerCase('vi')
                  .includes(input.toLocaleLowerCase('vi'))
              }
            />
          </Form.Item>
        </Col>
      </Row>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('importPlan.header.basisCount', { count: plan.basis.length })}>
          {plan.basis.length === 0
            ? t('importPlan.header.none')
            : plan.basis
                .map((ref) =>
                  [ref.number, ref.date ? formatDateVi(ref.date) : null, ref.issuer]
                    .filter(Boolean)
                    .join(', '),
                )
                .join('; ')}
          {nested('basis').map((message) => (
            <div key={message} role="alert" style={{ color: '#cf1322' }}>
              {message}
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('importPlan.header.replacesCount', { count: plan.replaces.length })}>
          {plan.replaces.length === 0
            ? t('importPlan.header.none')
            : plan.replaces
                .map((ref) =>
                  [ref.number, ref.date ? formatDateVi(ref.date) : null].filter(Boolean).join(', '),
                )
                .join('; ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('importPlan.header.reportingCount', { count: plan.reporting.length })}>
          {plan.reporting.length === 0
            ? t('importPlan.header.none')
            : plan.reporting
                .map((regime) =>
                  t('plan.reportingLine', {
                    frequency: t(`plan.frequencies.${regime.frequency}`),
                    due: regime.due
                      ? t('plan.dueOn', { due: regime.due.split('-').reverse().join('/') })
                      : '',
                    receiver: regime.to ? t('plan.sendTo', { receiver: regime.to }) : '',
                  }),
                )
                .join('; ')}
          {nested('reporting').map((message) => (
            <div key={message} role="alert" style={{ color: '#cf1322' }}>
              {message}
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
    </Form>
  );
};
