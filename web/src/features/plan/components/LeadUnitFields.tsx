import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';

type LeadUnitFieldsProps = {
  /** The translation namespace of the form: field labels and the locked-lead hint come from it. */
  namespace: 'indicator' | 'task';
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
