/**
 * An administrator's settings of a locality (the units page): its English name and score thresholds
 * (PATCH /localities/:id), and, on a province, adding a commune the loaded register lacks
 * (POST /localities). The name, code and kind are the register's, changed by dated decisions only.
 */
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  type TCreateLocalityRequest,
  type TLocality,
  ZCreateLocalityRequest,
  ZUpdateLocalityRequest,
} from '@core/schemas/locality.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormErrorAlert } from '../../components/ui/FormErrorAlert';
import { useSchemaForm } from '../../components/ui/useSchemaForm';
import { localityQueries } from './queries';

type SettingsValues = { nameEn?: string | null; scoreGreen?: number | null; scoreYellow?: number | null };
const SETTINGS_FIELDS = ['nameEn', 'scoreGreen', 'scoreYellow'] as const;
type CommuneValues = { code?: string; name?: string; kind?: string };
const COMMUNE_FIELDS = ['code', 'name', 'kind', 'parentId'] as const;
const COMMUNE_KINDS = ['xã', 'phường', 'đặc khu'];

const SettingsForm = ({ locality }: { locality: TLocality }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsValues>();
  const { submit, generalErrors, saving } = useSchemaForm(form, SETTINGS_FIELDS);
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<TLocality>(`/api/v1/localities/${locality.id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: localityQueries.all() }),
  });

  const handleSave = async () => {
    const values = form.getFieldsValue(true) as SettingsValues;
    // An emptied number box is null: the common threshold.
    const body = {
      nameEn: values.nameEn ?? null,
      scoreGreen: values.scoreGreen ?? null,
      scoreYellow: values.scoreYellow ?? null,
    };
    await submit(ZUpdateLocalityRequest, body, async (request) => {
      await save.mutateAsync(request);
      message.success(t('localitySettings.saved'));
    });
  };

  return (
    <Form<SettingsValues>
      form={form}
      layout="vertical"
      name="localitySettings"
      initialValues={{
        nameEn: locality.nameEn,
        scoreGreen: locality.scoreGreen,
        scoreYellow: locality.scoreYellow,
      }}
      onFinish={() => void handleSave()}
    >
      <FormErrorAlert messages={generalErrors} />
      <Flex wrap gap={12} align="flex-end">
        <Form.Item name="nameEn" label={t('localitySettings.nameEn')} style={{ minWidth: 260 }}>
          <Input />
        </Form.Item>
        <Form.Item name="scoreGreen" label={t('localitySettings.scoreGreen')}>
          <InputNumber
            min={0}
            max={100}
            style={{ width: 160 }}
            placeholder={t('localitySettings.defaultPlaceholder', { value: 80 })}
          />
        </Form.Item>
        <Form.Item name="scoreYellow" label={t('localitySettings.scoreYellow')}>
          <InputNumber
            min={0}
            max={100}
            style={{ width: 160 }}
            placeholder={t('localitySettings.defaultPlaceholder', { value: 50 })}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            {t('localitySettings.save')}
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
};

const AddCommuneForm = ({ province }: { province: TLocality }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CommuneValues>();
  const { submit, generalErrors, saving } = useSchemaForm(form, COMMUNE_FIELDS);
  const create = useMutation({
    mutationFn: (body: TCreateLocalityRequest) => api.post<TLocality>('/api/v1/localities', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: localityQueries.all() }),
  });

  const handleCreate = async () => {
    const values = form.getFieldsValue(true) as CommuneValues;
    const body = {
      code: values.code ?? '',
      name: values.name ?? '',
      kind: values.kind ?? '',
      level: 'commune',
      parentId: province.id,
    };
    await submit(ZCreateLocalityRequest, body, async (request) => {
      const created = await create.mutateAsync(request);
      message.success(t('localitySettings.created', { name: created.name }));
      form.resetFields();
    });
  };

  return (
    <Form<CommuneValues>
      form={form}
      layout="vertical"
      name="addCommune"
      initialValues={{ kind: 'xã' }}
      onFinish={() => void handleCreate()}
    >
      <Typography.Text strong>{t('localitySettings.addCommune')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('localitySettings.addCommuneHint')}</Typography.Paragraph>
      <FormErrorAlert messages={generalErrors} />
      <Flex wrap gap={12} align="flex-end">
        <Form.Item name="code" label={t('localitySettings.code')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="name" label={t('localitySettings.name')} style={{ minWidth: 260 }}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('localitySettings.kind')}>
          <Select
            style={{ width: 140 }}
            options={COMMUNE_KINDS.map((kind) => ({ value: kind, label: kind }))}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={saving}>
            {t('localitySettings.create')}
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
};

/** The settings card; shown to administrators covering the locality. */
export const LocalitySettingsCard = ({ locality }: { locality: TLocality }) => {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('localitySettings.title')}>
      <Typography.Paragraph type="secondary">{t('localitySettings.hint')}</Typography.Paragraph>
      <SettingsForm key={locality.id} locality={locality} />
      {locality.level === 'province' && <AddCommuneForm key={`${locality.id}-add`} province={locality} />}
    </Card>
  );
};
