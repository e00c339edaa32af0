import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type ReasonModalProps = {
  open: boolean;
  isPending: boolean;
  /** The dialog's title, also its accessible name. */
  title: string;
  /** The confirming (danger) button. */
  okText: string;
  /** The label of the reason field, also its accessible name. */
  label: string;
  /** What a good reason says, under the field. */
  hint: string;
  /** Shown when the reason is left empty. */
  requiredMessage: string;
  /** The id of the reason field (unique on the page). */
  inputId: string;
  onCancel: () => void;
  /**
   * Called with the trimmed reason.
   *
   * @returns false when the action did not go through: the dialog then keeps the reason
   */
  onConfirm: (reason: string) => Promise<unknown>;
};

/** A decision that needs a reason ("Trả lại"): the reason is required, so whoever receives it knows what to do. */
export const ReasonModal = ({
  open,
  isPending,
  title,
  okText,
  label,
  hint,
  requiredMessage,
  inputId,
  onCancel,
  onConfirm,
}: ReasonModalProps) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const handleOk = async () => {
    if (!reason.trim()) {
      setError(requiredMessage);
      return;
    }
    if ((await onConfirm(reason.trim())) !== false) setReason('');
  };

  return (
    <Modal
      title={title}
      open={open}
      onOk={handleOk}
      onCancel={onCancel}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={label}
          htmlFor={inputId}
          required
          validateStatus={error ? 'error' : undefined}
          help={error ?? hint}
        >
          <Input.TextArea
            id={inputId}
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
