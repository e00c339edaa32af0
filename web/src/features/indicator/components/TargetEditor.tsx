/**
 * Edits one year's target of an indicator: the printed text with a live reading of its meaning
 * (parseTarget), the comparator and value(s), and the baseline flag. Typing the printed text fills the
 * meaning; the officer can still correct it by hand before saving.
 */
import { HistoryOutlined } from '@ant-design/icons';
import { formatTarget, parseTarget, TARGET_OPS, type TargetOp } from '@core/domain/targets';
import type { TIndicator } from '@core/schemas/indicator.schemas';
import { ZPutTargetRequest } from '@core/schemas/indicator.schemas';
import {
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/ui/FormErrorAlert';
import { applyServerError, clearFieldErrors, validateWithSchema } from '../../../components/ui/formErrors';
import { useDeleteTargetMutation, usePutTargetMutation } from '../mutations';

type TargetFormValues = {
  rawText?: string | null;
  op: TargetOp;
  value?: number | null;
  valueHigh?: number | null;
  isBaseline: boolean;
};

const FIELDS = ['rawText', 'op', 'value', 'valueHigh', 'isBaseline'] as const;

type TargetEditorProps = {
  planId: string;
  indicator: TIndicator;
  year: number;
  onClose: () => void;
  /** Opens this year's history (closing the editor). */
  onShowHistory: () => void;
};

export const TargetEditor = ({ planId, indicator, year, onClose, onShowHistory }: TargetEditorProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetFormValues>();
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const putTarget = usePutTargetMutation(planId);
  const deleteTarget = useDeleteTargetMutation(planId);
  const existing = indicator.targets.find((target) => target.year === year);
  const rawText = Form.useWatch('rawText', form);
  const op = Form.useWatch('op', form) ?? existing?.op ?? '>=';
  const preview = parseTarget(rawText);
  const previewText =
    preview.op === 'qualitative' ? t('target.meaningQualitative') : formatTarget(preview, indicator.unit);

  const initialValues: TargetFormValues = existing
    ? {
        rawText: existing.rawText,
        op: existing.op,
        value: existing.value,
        valueHigh: existing.valueHigh,
        isBaseline: existing.isBaseline,
      }
    : { rawText: '', op: '>=', value: null, valueHigh: null, isBaseline: indicator.baselineYear === year };

  // Typing the printed text fills the meaning; the fields stay editable for the rare misreading.
  const handleValuesChange = (changed: Partial<TargetFormValues>) => {
    if ('rawText' in changed && changed.rawText?.trim()) {
      const parsed = parseTarget(changed.rawText);
      form.setFieldsValue({ op: parsed.op, value: parsed.value, valueHigh: parsed.valueHigh });
    }
  };

  const handleSave = async () => {
    clearFieldErrors(form);
    setGeneralErrors([]);
    const values = form.getFieldsValue(true);
    const body = {
      rawText: values.rawText ?? null,
      op: values.op,
      value: values.op === 'qualitative' ? null : (values.value ?? null),
      valueHigh: values.op === 'range' ? (values.valueHigh ?? null) : null,
      isBaseline: Boolean(values.isBaseline),
    };
    const parsed = validateWithSchema(form, ZPutTargetRequest, body);
    if (!parsed.data) return setGeneralErrors(parsed.general);
    try {
      await putTarget.mutateAsync({ indicatorId: indicator.id, year, body: parsed.data });
      message.success(t('target.savedMessage', { year }));
      onClose();
    } catch (error) {
      setGeneralErrors(applyServerError(form, error, FIELDS));
    }
  };

  const handleDelete = async () => {
    try {
      await deleteTarget.mutateAsync({ indicatorId: indicator.id, year });
      message.success(t('target.deletedMessage', { year }));
      onClose();
    } catch (error) {
      setGeneralErrors(applyServerError(form, error, FIELDS));
    }
  };

  return (
    <Modal
      open
      title={t('target.editorTitle', { year })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between">
          <Flex gap={8}>
            <Button icon={<HistoryOutlined />} onClick={onShowHistory}>
              {t('history.button')}
            </Button>
            {existing && (
              <Popconfirm
                title={t('target.deleteConfirm', { year })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={handleDelete}
              >
                <Button danger loading={deleteTarget.isPending}>
                  {t('target.deleteButton')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={putTarget.isPending} onClick={() => void handleSave()}>
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {[indicator.code, indicator.name].filter(Boolean).join('. ')}
        {indicator.unit ? ` (${indicator.unit})` : ''}
      </Typography.Paragraph>
      <Form<TargetFormValues>
        form={form}
        name="target"
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={handleValuesChange}
        aria-label={t('target.editorTitle', { year })}
      >
        <FormErrorAlert messages={generalErrors} />
        <Form.Item
          name="rawText"
          label={t('target.rawText')}
          extra={
            rawText?.trim() ? (
              <span role="status">
                {t('target.meaning')}: <strong>{previewText}</strong>
              </span>
            ) : undefined
          }
        >
          <Input
            placeholder={t('target.rawTextPlaceholder')}
            autoFocus
            onPressEnter={() => void handleSave()}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="op" label={t('target.op')} style={{ minWidth: 190 }}>
            <Select options={TARGET_OPS.map((item) => ({ value: item, label: t(`target.ops.${item}`) }))} />
          </Form.Item>
          {op !== 'qualitative' && (
            <Form.Item name="value" label={op === 'range' ? t('target.valueLow') : t('target.value')}>
              <InputNumber decimalSeparator="," style={{ width: 120 }} />
            </Form.Item>
          )}
          {op === 'range' && (
            <Form.Item name="valueHigh" label={t('target.valueHigh')}>
              <InputNumber decimalSeparator="," style={{ width: 120 }} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="isBaseline" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('target.isBaseline')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
};
