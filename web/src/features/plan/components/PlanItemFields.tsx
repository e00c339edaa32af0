/** The fields an indicator's form and a task's form share: its group, and its lead and coordinating units. */
import { matchesFolded } from '@core/domain/text';
import { AutoComplete, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** The translation namespace of the form: field labels and the locked-lead hint come from it. */
type Namespace = 'indicator' | 'task';

/**
 * The group's name (form field `groupName`), offered from the plan's groups of that kind as one types; a
 * new name makes a new group.
 */
export const GroupNameField = ({
  namespace,
  groups,
}: {
  namespace: Namespace;
  groups: Array<{ name: string }>;
}) => {
  const { t } = useTranslation();
  const typed = Form.useWatch('groupName', Form.useFormInstance()) ?? '';
  const options = groups
    .filter((group) => matchesFolded(group.name, typed))
    .map((group) => ({ value: group.name }));
  return (
    <Form.Item name="groupName" label={t(`${namespace}.fields.groupName`)}>
      <AutoComplete options={options} allowClear />
    </Form.Item>
  );
};

type LeadUnitFieldsProps = {
  namespace: Namespace;
  units: Array<{ value: string; label: string }>;
  /** Only plan editors hand an item to another unit; a unit officer sees the lead locked. */
  canChangeLead: boolean;
};

/** The lead unit and coordinating units of an indicator or a task (form fields `leadUnitId`, `coordinatingUnitIds`). */
export const LeadUnitFields = ({ namespace, units, canChangeLead }: LeadUnitFieldsProps) => {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="leadUnitId"
        label={t(`${namespace}.fields.leadUnitId`)}
        extra={canChangeLead ? undefined : t(`${namespace}.leadUnitLocked`)}
      >
        <Select
          disabled={!canChangeLead}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={units}
          placeholder={t('common.selectPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="coordinatingUnitIds" label={t(`${namespace}.fields.coordinatingUnitIds`)}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={units}
          placeholder={t('common.selectPlaceholder')}
        />
      </Form.Item>
    </>
  );
};
