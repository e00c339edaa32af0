import type { TLocality } from '@core/schemas/locality.schemas';
import { Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Tổng quan địa bàn" on the dashboard index: the nation (for nation-level users), then one link per province the user looks after. */
export const OverviewEntry = ({ localities }: { localities: TLocality[] }) => {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('overview.entryTitle')}>
      <List
        dataSource={localities}
        renderItem={(locality) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={`/localities/${locality.id}/overview`}>
                  {t('overview.open', { name: locality.name })}
                </Link>
              }
              description={
                locality.level === 'nation' ? t('overview.nationEntryHint') : t('overview.entryHint')
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
};
