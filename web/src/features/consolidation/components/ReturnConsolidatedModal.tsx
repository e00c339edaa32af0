import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type ReturnConsolidatedModalProps = {
  open: boolean;
  isPending: boolean;
  onCancel: () => void;
  /** @returns whether the return went through (the dialog then closes and forgets the reason) */
  onReturn: (reason: string) => Promise<boolean>;
};

/** "Trả lại": the leader says why, so the standing agency knows what to complete. */
export const ReturnConsolidatedModal = ({
  open,
  isPending,
  onCancel,
  onReturn,
}: ReturnConsolidatedModalProps) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const handleOk = async () => {
    if (!reason.trim()) {
      setError(t('consolidation.actions.returnReasonRequired'));
      return;
    }
    if (await onReturn(reason.trim())) setReason('');
  };

  return (
    <Modal
      title={t('consolidation.actions.returnTitle')}
      open={open}
      onOk={handleOk}
      onCancel={onCancel}
      okText={t('consolidation.actions.return')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('consolidation.actions.returnReason')}
          htmlFor="consolidated-return-reason"
          required
          validateStatus={error ? 'error' : undefined}
          help={error ?? t('consolidation.actions.returnReasonHint')}
        >
          <Input.TextArea
            id="consolidated-return-reason"
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
