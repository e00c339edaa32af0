/**
 * The form of a create-or-edit drawer (a plan, an indicator, a task): vertical, the form-level errors of
 * `useSchemaForm` on top, the fields, then the save button (waiting while it saves) and cancel.
 */
import { Button, Form, type FormInstance, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from './FormErrorAlert';

type EditorFormProps<V> = {
  form: FormInstance<V>;
  /** The form's name (its fields' ids start with it). */
  name: string;
  /** The form's accessible name: what it creates or edits. */
  label: string;
  initialValues: V;
  errors: string[];
  saving: boolean;
  /** The save button's text ("Lưu" when editing, what it creates otherwise). */
  submitLabel: string;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
};

export const EditorForm = <V extends object>({
  form,
  name,
  label,
  initialValues,
  errors,
  saving,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: EditorFormProps<V>) => {
  const { t } = useTranslation();
  return (
    <Form<V>
      form={form}
      name={name}
      layout="vertical"
      initialValues={initialValues}
      onFinish={() => void onSubmit()}
      aria-label={label}
    >
      <FormErrorAlert messages={errors} />
      {children}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
};
