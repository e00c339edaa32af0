/** /search?q= — plans, indicators and tasks across all plans, found without diacritics. */
import type { TSearchHit } from '@core/schemas/search.schemas';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Input, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { searchQueries } from './queries';
import styles from './SearchPage.module.css';

const TYPES = ['plan', 'indicator', 'task'] as const;

/** Where a hit leads: its plan, on the right tab, with the row highlighted. */
const hitLink = (hit: TSearchHit) => {
  if (hit.type === 'plan') return `/plans/${hit.planId}`;
  const tab = hit.type === 'indicator' ? 'indicators' : 'tasks';
  return `/plans/${hit.planId}?tab=${tab}&highlight=${hit.id}`;
};

const SearchPage = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useQuery(searchQueries.results(q));

  useEffect(() => setDraft(q), [q]);

  const hits = results.data ?? [];

  return (
    <Flex vertical gap={12}>
      <PageTitle>{t('search.title')}</PageTitle>
      <Input.Search
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        enterButton={t('search.title')}
        allowClear
        autoFocus
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onSearch={(value) => setSearchParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
        style={{ maxWidth: 560 }}
      />
      <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>
      {!q ? null : results.isLoading ? (
        <LoadingState />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : hits.length === 0 ? (
        <Empty description={t('search.empty', { q })} />
      ) : (
        <>
          <Typography.Text>{t('search.resultCount', { count: hits.length })}</Typography.Text>
          {TYPES.map((type) => {
            const group = hits.filter((hit) => hit.type === type);
            if (group.length === 0) return null;
            return (
              <Card
                key={type}
                size="small"
                title={`${t(`search.types.${type}`)} (${group.length})`}
                role="region"
                aria-label={t(`search.types.${type}`)}
              >
                <List
                  size="small"
                  dataSource={group}
                  renderItem={(hit) => (
                    <List.Item key={hit.id}>
                      <List.Item.Meta
                        title={
                          <Link to={hitLink(hit)} className={styles.hitLink}>
                            {hit.title}
                          </Link>
                        }
                        description={hit.context}
                      />
                    </List.Item>
                  )}
                />
              </Card>
            );
          })}
        </>
      )}
    </Flex>
  );
};

export default SearchPage;
