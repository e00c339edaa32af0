/**
 * Adds or edits a task. The deadline is typed as printed ("Quý IV/2025"); its meaning is previewed with
 * the same parser the server uses, and the officer may set the meaning explicitly when the text is unusual.
 */
import { DEADLINE_KINDS, parseDeadline, RECURRENCES } from '@core/domain/deadlines';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import { type TTask, ZCreateTaskRequest, ZUpdateTaskRequest } from '@core/schemas/task.schemas';
import { Col, DatePicker, Form, Input, Row, Select, Switch, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT_VI, dayjsToIso, isoToDayjs } from '../../../components/ui/dates';
import { EditorForm } from '../../../components/ui/EditorForm';
import { useSchemaForm } from '../../../components/ui/useSchemaForm';
import { GroupNameField, LeadUnitFields } from '../../plan/components/PlanItemFields';
import { unitOptions } from '../../plan/unitNames';
import { useAfterSave } from '../../plan/useAfterSave';
import { deadlineColor, deadlineLabel } from '../deadlineLabel';
import { useCreateTaskMutation, useUpdateTaskMutation } from '../mutations';

type TaskFormValues = {
  groupName?: string | null;
  code?: string | null;
  name?: string;
  leadUnitId?: string | null;
  coordinatingUnitIds: string[];
  leader?: string | null;
  output?: string | null;
  deadlineText?: string | null;
  deadlineKind?: TTask['deadlineKind'];
  deadlineDate?: Dayjs | null;
  recurrence?: TTask['recurrence'];
};

const FIELDS = [
  'groupName',
  'code',
  'name',
  'leadUnitId',
  'coordinatingUnitIds',
  'leader',
  'output',
  'deadlineText',
  'deadlineKind',
  'deadlineDate',
  'recurrence',
] as const;

/** The meaning the parser reads from a printed deadline, in the task's own field names. */
const readMeaning = (text: string | null | undefined) => {
  const parsed = parseDeadline(text);
  return {
    deadlineKind: parsed?.kind ?? null,
    deadlineDate: parsed && 'date' in parsed ? (parsed.date ?? null) : null,
    recurrence: parsed?.kind === 'recurring' ? parsed.every : null,
  };
};

/** True when the stored meaning is not what the printed text says, i.e. someone set it by hand. */
const hasManualMeaning = (task: TTask | undefined) => {
  if (!task?.deadlineKind) return false;
  const read = readMeaning(task.deadlineText);
  return (
    read.deadlineKind !== task.deadlineKind ||
    read.deadlineDate !== task.deadlineDate ||
    read.recurrence !== task.recurrence
  );
};

type TaskFormProps = {
  plan: TPlanDetail;
  /** The task to edit; omit to add a new one. */
  task?: TTask;
  onDone: () => void;
  onCancel: () => void;
};

export const TaskForm = ({ plan, task, onDone, onCancel }: TaskFormProps) => {
  const { t } = useTranslation();
  const afterSave = useAfterSave(onDone);
  const [form] = Form.useForm<TaskFormValues>();
  const { submit, generalErrors, saving } = useSchemaForm(form, FIELDS);
  const [isOverriding, setIsOverriding] = useState(() => hasManualMeaning(task));
  const createTask = useCreateTaskMutation(plan.id);
  const updateTask = useUpdateTaskMutation(plan.id);
  const isEditing = task !== undefined;
  const deadlineText = Form.useWatch('deadlineText', form);
  const deadlineKind = Form.useWatch('deadlineKind', form);
  const meaning = readMeaning(deadlineText);
  const meaningLabel = deadlineLabel(meaning, t);

  const units = unitOptions(plan.units);

  const handleOverrideChange = (checked: boolean) => {
    setIsOverriding(checked);
    if (checked) {
      // Start from what the text says, so the officer only corrects what is wrong.
      form.setFieldsValue({
        deadlineKind: meaning.deadlineKind,
        deadlineDate: isoToDayjs(meaning.deadlineDate),
        recurrence: meaning.recurrence,
      });
    }
  };

  const handleSubmit = async () => {
    const values = form.getFieldsValue(true);
    const { deadlineKind: kind, deadlineDate, recurrence, ...rest } = values;
    const body = {
      ...rest,
      name: values.name ?? '',
      leadUnitId: values.leadUnitId ?? null,
      coordinatingUnitIds: values.coordinatingUnitIds ?? [],
      deadlineText: values.deadlineText ?? null,
      // Without an explicit meaning the server reads it from the printed text.
      ...(isOverriding
        ? {
            deadlineKind: kind ?? null,
            deadlineDate: kind === 'by' || kind === 'recurring' ? dayjsToIso(deadlineDate) : null,
            recurrence: kind === 'recurring' ? (recurrence ?? null) : null,
          }
        : {}),
    };
    if (isEditing)
      await submit(ZUpdateTaskRequest, body, (request) =>
        afterSave(updateTask.mutateAsync({ taskId: task.id, body: request }), t('common.saved')),
      );
    else
      await submit(ZCreateTaskRequest, body, (request) =>
        afterSave(createTask.mutateAsync(request), t('task.createdMessage')),
      );
  };

  const initialValues: TaskFormValues = task
    ? {
        groupName: task.groupName,
        code: task.code,
        name: task.name,
        leadUnitId: task.leadUnitId,
        coordinatingUnitIds: task.coordinatingUnitIds,
        leader: task.leader,
        output: task.output,
        deadlineText: task.deadlineText,
        deadlineKind: task.deadlineKind,
        deadlineDate: isoToDayjs(task.deadlineDate),
        recurrence: task.recurrence,
      }
    : { coordinatingUnitIds: [], name: '' };

  return (
    <EditorForm<TaskFormValues>
      form={form}
      name="task"
      label={isEditing ? t('task.editTitle') : t('task.addTitle')}
      initialValues={initialValues}
      errors={generalErrors}
      saving={saving}
      submitLabel={isEditing ? t('common.save') : t('task.add')}
      onSubmit={handleSubmit}
      onCancel={onCancel}
    >
      <GroupNameField namespace="task" groups={plan.taskGroups} />
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="code" label={t('task.fields.code')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="output" label={t('task.fields.output')}>
            <Input placeholder={t('examples.taskOutput')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('task.fields.name')} required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <LeadUnitFields namespace="task" units={units} canChangeLead={plan.can.edit} />
      <Form.Item name="leader" label={t('task.fields.leader')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="deadlineText"
        label={t('task.fields.deadlineText')}
        extra={
          deadlineText?.trim() ? (
            <span role="status">
              {meaningLabel ? (
                <>
                  {t('task.deadlineMeaning')}:{' '}
                  <Tag color={deadlineColor(meaning.deadlineKind)}>{meaningLabel}</Tag>
                </>
              ) : (
                t('task.deadlineUnreadable')
              )}
            </span>
          ) : undefined
        }
      >
        <Input placeholder={t('task.fields.deadlineTextPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('task.fields.overrideDeadline')}>
        <Switch
          checked={isOverriding}
          onChange={handleOverrideChange}
          aria-label={t('task.fields.overrideDeadline')}
        />
      </Form.Item>
      {isOverriding && (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="deadlineKind" label={t('task.fields.deadlineKind')}>
              <Select
                allowClear
                options={DEADLINE_KINDS.map((kind) => ({ value: kind, label: t(`task.kinds.${kind}`) }))}
              />
            </Form.Item>
          </Col>
          {(deadlineKind === 'by' || deadlineKind === 'recurring') && (
            <Col span={8}>
              <Form.Item name="deadlineDate" label={t('task.fields.deadlineDate')}>
                <DatePicker format={DATE_FORMAT_VI} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {deadlineKind === 'recurring' && (
            <Col span={8}>
              <Form.Item name="recurrence" label={t('task.fields.recurrence')}>
                <Select
                  options={RECURRENCES.map((value) => ({ value, label: t(`task.recurrences.${value}`) }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
    </EditorForm>
  );
};
