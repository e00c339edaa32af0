/**
 * /admin/locality-changes "Thay đổi đơn vị hành chính" (system and locality administrators): a list of
 * dated changes (rename, change of kind, merger, split — docs/locality-history.md), typed as JSON,
 * read from a JSON file like the admin command's, or added by a form for a rename or change of kind;
 * previewed first (POST /locality-changes/preview: which units end, their successors, the plans that
 * count there, the roles to give again), then applied after an explicit confirmation.
 */
import { UploadOutlined } from '@ant-design/icons';
import type { TApplyLocalityChangesResult } from '@core/schemas/locality-change.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Popconfirm,
  Result,
  Select,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import { DATE_FORMAT_VI, dayjsToIso } from '../../components/ui/dates';
import { PageTitle } from '../../components/ui/PageTitle';
import { auditQueries } from '../audit/queries';
import { ADMIN_ROLES, hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { localityQueries } from './queries';

type SimpleValues = {
  type: 'rename' | 'change-kind';
  code?: string;
  name?: string;
  kind?: string;
  effectiveDate?: Dayjs | null;
  decision?: string;
};
const KINDS = ['xã', 'phường', 'đặc khu', 'tỉnh', 'thành phố'];
/** A change list is small text; a bigger file is surely not one. */
const MAX_FILE_BYTES = 1024 * 1024;

/** The list typed or read: the API's body ({ "changes": [...] }) or the bare list, as the admin command takes. */
const bodyOf = (text: string): { changes: unknown[] } | null => {
  const json: unknown = JSON.parse(text);
  if (Array.isArray(json)) return { changes: json };
  if (json && typeof json === 'object' && Array.isArray((json as { changes?: unknown }).changes))
    return json as { changes: unknown[] };
  return null;
};

/** The list as text, with one more change at the end. */
const appended = (text: string, change: Record<string, unknown>): string => {
  let changes: unknown[] = [];
  try {
    changes = bodyOf(text)?.changes ?? [];
  } catch {
    // A list that does not read is replaced by the new change alone, as the form says.
  }
  return JSON.stringify({ changes: [...changes, change] }, null, 2);
};

/** A rename or a change of kind, added to the list. */
const SimpleChangeForm = ({ onAdd }: { onAdd: (change: Record<string, unknown>) => void }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<SimpleValues>();
  const type = Form.useWatch('type', form);
  const add = async () => {
    const values = await form.validateFields();
    onAdd({
      type: values.type,
      code: values.code?.trim(),
      ...(values.name?.trim() ? { name: values.name.trim() } : {}),
      ...(values.type === 'change-kind' ? { kind: values.kind } : {}),
      effectiveDate: dayjsToIso(values.effectiveDate),
      ...(values.decision?.trim() ? { decision: values.decision.trim() } : {}),
    });
    form.resetFields();
  };
  const required = (label: string) => [{ required: true, message: t('localityChanges.required', { label }) }];
  return (
    <Form<SimpleValues> form={form} layout="inline" name="simpleChange" initialValues={{ type: 'rename' }}>
      <Form.Item name="type" label={t('localityChanges.type')}>
        <Select
          style={{ width: 150 }}
          options={[
            { value: 'rename', label: t('localityChanges.rename') },
            { value: 'change-kind', label: t('localityChanges.changeKind') },
          ]}
        />
      </Form.Item>
      <Form.Item name="code" label={t('localityChanges.code')} rules={required(t('localityChanges.code'))}>
        <Input style={{ width: 110 }} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('localityChanges.newName')}
        rules={type === 'rename' ? required(t('localityChanges.newName')) : []}
      >
        <Input style={{ width: 200 }} />
      </Form.Item>
      {type === 'change-kind' && (
        <Form.Item
          name="kind"
          label={t('localityChanges.newKind')}
          rules={required(t('localityChanges.newKind'))}
        >
          <Select style={{ width: 130 }} options={KINDS.map((kind) => ({ value: kind, label: kind }))} />
        </Form.Item>
      )}
      <Form.Item
        name="effectiveDate"
        label={t('localityChanges.effectiveDate')}
        rules={required(t('localityChanges.effectiveDate'))}
      >
        <DatePicker format={DATE_FORMAT_VI} placeholder={t('localityChanges.datePlaceholder')} />
      </Form.Item>
      <Form.Item name="decision" label={t('localityChanges.decision')}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Button onClick={() => void add()}>{t('localityChanges.add')}</Button>
    </Form>
  );
};

/** What a preview or an application did, change by change. */
const ResultList = ({ result }: { result: TApplyLocalityChangesResult }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {result.changes.map((change, index) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: the changes are in the list's order and never move
          key={index}
          size="small"
          title={t('localityChanges.nth', { n: index + 1 })}
          data-testid="change-result"
        >
          <Typography.Paragraph style={{ margin: 0 }}>{change.summary}</Typography.Paragraph>
          {change.consequences.length > 0 && (
            <Table
              size="small"
              pagination={false}
              style={{ marginTop: 8 }}
              rowKey={(row) => row.from.code}
              dataSource={change.consequences}
              columns={[
                {
                  key: 'from',
                  title: t('localityChanges.ended'),
                  render: (_v, row) => `${row.from.name} (${row.from.code})`,
                },
                {
                  key: 'to',
                  title: t('localityChanges.successor'),
                  render: (_v, row) => `${row.to.name} (${row.to.code})`,
                },
                {
                  key: 'plans',
                  title: t('localityChanges.plans'),
                  render: (_v, row) =>
                    t('localityChanges.planCount', { count: row.plans, active: row.activePlans }),
                },
                {
                  key: 'roles',
                  title: t('localityChanges.roles'),
                  render: (_v, row) =>
                    row.roles.length === 0
                      ? t('localityChanges.noRoles')
                      : row.roles.map((role) => `${role.userName} (${t(`roles.${role.role}`)})`).join('; '),
                },
              ]}
            />
          )}
        </Card>
      ))}
    </Flex>
  );
};

const LocalityChangesPage = () => {
  const { t } = useTranslation();
  const { user: me } = useCurrentUser();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ text: string; result: TApplyLocalityChangesResult } | null>(null);
  const [applied, setApplied] = useState<TApplyLocalityChangesResult | null>(null);

  /** The body to send, or null with the reason shown. */
  const readBody = () => {
    try {
      const body = bodyOf(text);
      if (body) return body;
      setRefusal(t('localityChanges.notAList'));
    } catch (error) {
      setRefusal(t('localityChanges.notJson', { reason: (error as Error).message }));
    }
    return null;
  };
  const previewing = useMutation({
    mutationFn: (body: unknown) =>
      api.post<TApplyLocalityChangesResult>('/api/v1/locality-changes/preview', body),
    onSuccess: (result, _body) => setPreview({ text, result }),
    onError: (error) => setRefusal(errorMessage(error)),
  });
  const applying = useMutation({
    mutationFn: (body: unknown) => api.post<TApplyLocalityChangesResult>('/api/v1/locality-changes', body),
    onSuccess: (result) => {
      setApplied(result);
      setPreview(null);
      void queryClient.invalidateQueries({ queryKey: localityQueries.all() });
      void queryClient.invalidateQueries({ queryKey: auditQueries.all() });
    },
    onError: (error) => setRefusal(errorMessage(error)),
  });

  if (!hasAnyRole(me, ADMIN_ROLES))
    return <Result status="403" title={t('user.notAllowed')} subTitle={t('user.notAllowedHint')} />;

  const edit = (next: string) => {
    setText(next);
    setRefusal(null);
    setApplied(null);
  };
  const send = (mutation: typeof previewing) => {
    setRefusal(null);
    const body = readBody();
    if (body) mutation.mutate(body);
  };
  const pick = (file: File) => {
    if (file.size > MAX_FILE_BYTES) setRefusal(t('localityChanges.tooLarge'));
    else void file.text().then(edit);
    return false;
  };
  // Applying is offered for the very list previewed, never for one edited since.
  const previewed = preview && preview.text === text ? preview.result : null;
  const toApply = previewed?.changes.filter((change) => change.applied).length ?? 0;

  return (
    <Flex vertical gap={12}>
      <div>
        <PageTitle>{t('localityChanges.title')}</PageTitle>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', maxWidth: 900 }}>
          {t('localityChanges.intro')}
        </Typography.Paragraph>
      </div>
      <Card size="small" title={t('localityChanges.simpleTitle')}>
        <SimpleChangeForm onAdd={(change) => edit(appended(text, change))} />
      </Card>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{t('localityChanges.listLabel')}</Typography.Text>
          <Upload accept=".json,application/json" showUploadList={false} beforeUpload={pick}>
            <Button icon={<UploadOutlined />}>{t('localityChanges.upload')}</Button>
          </Upload>
        </Flex>
        <Input.TextArea
          aria-label={t('localityChanges.listLabel')}
          value={text}
          onChange={(event) => edit(event.target.value)}
          autoSize={{ minRows: 6, maxRows: 20 }}
          style={{ fontFamily: 'monospace' }}
          placeholder={t('localityChanges.placeholder')}
        />
      </Flex>
      {refusal && <Alert type="error" showIcon message={refusal} data-testid="changes-refusal" />}
      <Flex gap={8}>
        <Button onClick={() => send(previewing)} loading={previewing.isPending} disabled={!text.trim()}>
          {t('localityChanges.preview')}
        </Button>
        <Popconfirm
          title={t('localityChanges.confirm', { count: toApply })}
          description={t('localityChanges.confirmHint')}
          okText={t('localityChanges.apply')}
          cancelText={t('common.cancel')}
          onConfirm={() => send(applying)}
          disabled={!previewed || toApply === 0}
        >
          <Button type="primary" disabled={!previewed || toApply === 0} loading={applying.isPending}>
            {t('localityChanges.apply')}
          </Button>
        </Popconfirm>
      </Flex>
      {previewed && (
        <>
          <Alert type="info" showIcon message={t('localityChanges.previewTitle')} />
          <ResultList result={previewed} />
        </>
      )}
      {applied && (
        <>
          <Alert type="success" showIcon message={t('localityChanges.appliedTitle')} />
          <ResultList result={applied} />
        </>
      )}
    </Flex>
  );
};

export default LocalityChangesPage;
