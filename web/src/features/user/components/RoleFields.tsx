/**
 * One role assignment in a form: the role (Vietnamese names), the locality it applies to and, for
 * "Cán bộ đơn vị", the unit of that locality. Used in the new-user form (one per row) and the add-role
 * dialog. `path` is where the three fields live in the form (e.g. ['roles', 0] or []).
 */
import { useQuery } from '@tanstack/react-query';
import { Form, type FormInstance, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LocalitySelect } from '../../locality/LocalitySelect';
import { unitQueries } from '../../unit/queries';
import { useRoleChoices } from '../useRoleChoices';

type RoleFieldsProps = {
  form: FormInstance;
  /** Prefix of the field names inside the form, e.g. [0] inside Form.List "roles", or [] at the top. */
  path: (string | number)[];
  /** The full path from the form's root, for watching the values: ['roles', 0] or []. */
  watchPath: (string | number)[];
};

export const RoleFields = ({ form, path, watchPath }: RoleFieldsProps) => {
  const { t } = useTranslation();
  const { roleOptions, allowLocality, isLoading } = useRoleChoices();
  const role = Form.useWatch([...watchPath, 'role'], form);
  const localityId = Form.useWatch([...watchPath, 'localityId'], form);
  const units = useQuery({ ...unitQueries.byLocality(localityId ?? ''), enabled: Boolean(localityId) });
  const needsUnit = role === 'unit_officer';

  return (
    <>
      <Form.Item name={[...path, 'role']} label={t('user.role')} style={{ minWidth: 240 }}>
        <Select
          options={roleOptions}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('common.selectPlaceholder')}
        />
      </Form.Item>
      <Form.Item name={[...path, 'localityId']} label={t('user.locality')} style={{ minWidth: 240 }}>
        <LocalitySelect
          allow={allowLocality}
          loading={isLoading}
          onChange={() => form.setFieldValue([...watchPath, 'unitId'], null)}
        />
      </Form.Item>
      {needsUnit && (
        <Form.Item
          name={[...path, 'unitId']}
          label={t('user.unit')}
          required
          style={{ minWidth: 260 }}
          extra={localityId ? undefined : t('user.chooseLocalityFirst')}
        >
          <Select
            disabled={!localityId}
            loading={units.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.selectPlaceholder')}
            options={[...(units.data ?? [])]
              .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
              .map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
      )}
    </>
  );
};

/** Client-side check the schema cannot make: "Cán bộ đơn vị" needs a unit. */
export const missingUnitError = (role: { role?: string; unitId?: string | null } | undefined): boolean =>
  role?.role === 'unit_officer' && !role.unitId;
