/**
 * "Giao đơn vị chủ trì": the standing agency hands the chosen tasks (a selection or a whole group) to one
 * lead unit, and optionally sets the same coordinating units on all of them.
 */
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import type { TTask } from '@core/schemas/task.schemas';
import { Alert, App, Checkbox, Form, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../api/client';
import { unitOptions } from '../../plan/unitNames';
import { useAssignTasksMutation } from '../mutations';

type AssignTasksModalProps = {
  plan: TPlanDetail;
  /** The tasks to assign; the modal is open while there are some. */
  tasks: TTask[];
  onClose: () => void;
  onDone: () => void;
};

type Values = { leadUnitId?: string; coordinatingUnitIds?: string[] };

export const AssignTasksModal = ({ plan, tasks, onClose, onDone }: AssignTasksModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [replaceCoordinating, setReplaceCoordinating] = useState(false);
  const assign = useAssignTasksMutation(plan.id);
  const options = useMemo(() => unitOptions(plan.units), [plan.units]);
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const movedCount = tasks.filter((task) => task.leadUnitId && task.leadUnitId !== leadUnitId).length;

  const handleFinish = async (values: Values) => {
    try {
      const result = await assign.mutateAsync({
        taskIds: tasks.map((task) => task.id),
        leadUnitId: values.leadUnitId!,
        ...(replaceCoordinating ? { coordinatingUnitIds: values.coordinatingUnitIds ?? [] } : {}),
      });
      const unit = options.find((option) => option.value === values.leadUnitId)?.label ?? '';
      message.success(t('taskAssignment.done', { changed: result.changed, unit }));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        form.setFields(
          error.details
            .filter((detail) => detail.field === 'leadUnitId' || detail.field === 'coordinatingUnitIds')
            .map((detail) => ({ name: detail.field as keyof Values, errors: [detail.message] })),
        );
      }
      message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={tasks.length > 0}
      title={t('taskAssignment.title', { count: tasks.length })}
      okText={t('taskAssignment.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: assign.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={handleFinish} preserve={false}>
        <Form.Item
          name="leadUnitId"
          label={t('taskAssignment.leadUnit')}
          rules={[{ required: true, message: t('taskAssignment.leadUnitRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            placeholder={t('common.selectPlaceholder')}
          />
        </Form.Item>
        <Checkbox
          checked={replaceCoordinating}
          onChange={(event) => setReplaceCoordinating(event.target.checked)}
        >
          {t('taskAssignment.replaceCoordinating')}
        </Checkbox>
        {replaceCoordinating ? (
          <Form.Item
            name="coordinatingUnitIds"
            label={t('taskAssignment.coordinatingUnits')}
            style={{ marginTop: 8 }}
          >
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={options.filter((option) => option.value !== leadUnitId)}
              placeholder={t('common.selectPlaceholder')}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }}>
            {t('taskAssignment.keepCoordinating')}
          </Typography.Paragraph>
        )}
        {leadUnitId && movedCount > 0 && (
          <Alert type="warning" showIcon title={t('taskAssignment.alreadyLed', { count: movedCount })} />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('taskAssignment.reportHint')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
};
