import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type ReturnReportModalProps = {
  open: boolean;
  isPending: boolean;
  onCancel: () => void;
  onReturn: (reason: string) => Promise<void>;
};

/** "Trả lại": the standing agency says why, so the unit knows what to fix. */
export const ReturnReportModal = ({ open, isPending, onCancel, onReturn }: ReturnReportModalProps) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const handleOk = async () => {
    if (!reason.trim()) {
      setError(t('reporting.report.returnReasonRequired'));
      return;
    }
    await onReturn(reason.trim());
    setReason('');
  };

  return (
    <Modal
      title={t('reporting.report.returnTitle')}
      open={open}
      onOk={handleOk}
      onCancel={onCancel}
      okText={t('reporting.report.return')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('reporting.report.returnReason')}
          htmlFor="return-reason"
          required
          validateStatus={error ? 'error' : undefined}
          help={error ?? t('reporting.report.returnReasonHint')}
        >
          <Input.TextArea
            id="return-reason"
            autoSize={{ minRows: 3, maxRows: 8 }}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setError(null);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
