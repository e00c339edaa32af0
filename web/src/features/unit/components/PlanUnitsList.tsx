import type { TPlanDetail } from '@core/schemas/plan.schemas';
import { Button, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The "Đơn vị" tab of a plan: the units of its locality, with a way to manage them. */
export const PlanUnitsList = ({ plan }: { plan: TPlanDetail }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Link to={`/localities/${plan.localityId}/units`}>
          <Button>{plan.can.editUnits ? t('plan.manageUnits') : t('plan.viewUnits')}</Button>
        </Link>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={plan.units}
        locale={{ emptyText: t('unit.empty') }}
        columns={[
          { key: 'name', title: t('unit.name'), dataIndex: 'name' },
          { key: 'kind', title: t('unit.kind'), dataIndex: 'kind', width: 220 },
          {
            key: 'external',
            title: t('unit.isExternal'),
            dataIndex: 'isExternal',
            width: 170,
            render: (isExternal: boolean) =>
              isExternal ? <Tag color="orange">{t('unit.external')}</Tag> : <Tag>{t('unit.internal')}</Tag>,
          },
        ]}
      />
    </Flex>
  );
};
