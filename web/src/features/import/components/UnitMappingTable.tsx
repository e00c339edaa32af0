import type { TUnit } from '@core/schemas/locality.schemas';
import { Alert, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { createChoice, type UnitChoice } from '../unitMapping';

const CREATE = '__create__';

type UnitMappingTableProps = {
  /** Printed name → how many places print it. */
  uses: ReadonlyMap<string, number>;
  choices: ReadonlyMap<string, UnitChoice>;
  onChoose: (name: string, choice: UnitChoice) => void;
  units: readonly TUnit[];
  /** The server's problems by printed name. */
  errors: ReadonlyMap<string, string[]>;
  hasLocality: boolean;
};

type Row = { name: string; uses: number; choice: UnitChoice };

/** Each distinct unit name printed in the draft → an existing unit of the locality, or "Tạo đơn vị mới". */
export const UnitMappingTable = ({
  uses,
  choices,
  onChoose,
  units,
  errors,
  hasLocality,
}: UnitMappingTableProps) => {
  const { t } = useTranslation();
  if (!hasLocality) return <Alert type="info" showIcon title={t('importPlan.units.chooseLocalityFirst')} />;

  const rows: Row[] = [...choices].map(([name, choice]) => ({ name, uses: uses.get(name) ?? 0, choice }));
  const toCreate = rows.filter((row) => row.choice.kind === 'create').length;
  const unitOptions = [
    { value: CREATE, label: t('importPlan.units.createNew') },
    ...[...units]
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((unit) => ({ value: unit.id, label: unit.name })),
  ];

  const columns: ColumnsType<Row> = [
    {
      title: t('importPlan.units.printedName'),
      key: 'name',
      width: 320,
      ellipsis: false,
      render: (_: unknown, row) => (
        <Flex vertical gap={2}>
          <Typography.Text>{row.name}</Typography.Text>
          {errors.get(row.name)?.map((message) => (
            <Typography.Text key={message} type="danger" role="alert" style={{ fontSize: 12 }}>
              {message}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    { title: t('importPlan.units.uses'), key: 'uses', dataIndex: 'uses', width: 90, align: 'right' },
    {
      title: t('importPlan.units.target'),
      key: 'target',
      width: 520,
      render: (_: unknown, row) => (
        <Flex vertical gap={6}>
          <Flex gap={8} align="center" wrap>
            <Select
              aria-label={t('importPlan.units.selectLabel', { name: row.name })}
              style={{ minWidth: 300 }}
              showSearch={{ optionFilterProp: 'label' }}
              status={errors.has(row.name) ? 'error' : undefined}
              value={row.choice.kind === 'unit' ? row.choice.unitId : CREATE}
              options={unitOptions}
              onChange={(value: string) =>
                onChoose(
                  row.name,
                  value === CREATE
                    ? createChoice(row.name)
                    : { kind: 'unit', unitId: value, suggested: false },
                )
              }
            />
            {row.choice.kind === 'unit' && row.choice.suggested && (
              <Tag color="geekblue">{t('importPlan.units.suggested')}</Tag>
            )}
          </Flex>
          {row.choice.kind === 'create' && (
            <Flex gap={8} align="center" wrap>
              <Input
                aria-label={`${t('importPlan.units.newName')} – ${row.name}`}
                placeholder={t('importPlan.units.newName')}
                style={{ maxWidth: 360 }}
                maxLength={200}
                value={row.choice.name}
                onChange={(event) =>
                  row.choice.kind === 'create' &&
                  onChoose(row.name, { ...row.choice, name: event.target.value })
                }
              />
              <Checkbox
                checked={row.choice.isExternal}
                onChange={(event) =>
                  row.choice.kind === 'create' &&
                  onChoose(row.name, { ...row.choice, isExternal: event.target.checked })
                }
              >
                {t('importPlan.units.external')}
              </Checkbox>
            </Flex>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('importPlan.units.intro')}</Typography.Paragraph>
      {toCreate > 0 && (
        <Alert type="info" showIcon title={t('importPlan.units.toCreate', { count: toCreate })} />
      )}
      <Table
        size="small"
        bordered
        rowKey="name"
        tableLayout="fixed"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 930 }}
      />
    </Flex>
  );
};
