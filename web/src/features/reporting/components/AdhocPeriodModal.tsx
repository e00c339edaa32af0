import { type TCreateAdhocPeriodRequest, ZCreateAdhocPeriodRequest } from '@core/schemas/reporting.schemas';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT_VI, dayjsToIso } from '../../../components/ui/dates';
import { FormErrorAlert } from '../../../components/ui/FormErrorAlert';
import { applyServerError, clearFieldErrors, validateWithSchema } from '../../../components/ui/formErrors';
import { useCreateAdhocPeriodMutation } from '../mutations';

type AdhocValues = { label: string; dataFrom: Dayjs | null; dataTo: Dayjs | null; dueDate: Dayjs | null };
const FIELDS = ['label', 'dataFrom', 'dataTo', 'dueDate'] as const;

type AdhocPeriodModalProps = { planId: string; open: boolean; onClose: (createdId?: string) => void };

/** "Yêu cầu báo cáo đột xuất": the standing agency opens a period with its own data window and due date. */
export const AdhocPeriodModal = ({ planId, open, onClose }: AdhocPeriodModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdhocValues>();
  const [messages, setMessages] = useState<string[]>([]);
  const create = useCreateAdhocPeriodMutation(planId);

  const handleOk = async () => {
    clearFieldErrors(form);
    const values = form.getFieldsValue();
    const body = {
      label: values.label ?? '',
      dataFrom: dayjsToIso(values.dataFrom),
      dataTo: dayjsToIso(values.dataTo),
      dueDate: dayjsToIso(values.dueDate),
    };
    const checked = validateWithSchema(form, ZCreateAdhocPeriodRequest, body);
    setMessages(checked.general);
    if (!checked.data) return;
    try {
      const period = await create.mutateAsync(checked.data as TCreateAdhocPeriodRequest);
      message.success(t('reporting.adhocCreated'));
      form.resetFields();
      onClose(period.id);
    } catch (error) {
      setMessages(applyServerError(form, error, FIELDS));
    }
  };

  return (
    <Modal
      title={t('reporting.adhocTitle')}
      open={open}
      onOk={handleOk}
      onCancel={() => onClose()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <FormErrorAlert messages={messages} />
      <Form form={form} layout="vertical">
        <Form.Item name="label" label={t('reporting.adhocLabel')} required>
          <Input placeholder={t('reporting.adhocLabelExample')} />
        </Form.Item>
        <Form.Item name="dataFrom" label={t('reporting.adhocDataFrom')} required>
          <DatePicker format={DATE_FORMAT_VI} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dataTo" label={t('reporting.adhocDataTo')} required>
          <DatePicker format={DATE_FORMAT_VI} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('reporting.dueDate')} required>
          <DatePicker format={DATE_FORMAT_VI} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
