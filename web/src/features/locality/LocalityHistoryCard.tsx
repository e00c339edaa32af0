/**
 * A locality's history on its page (docs/locality-history.md): the names it bore before a dated rename
 * (each with its last day), the former units it was formed from, and, for a former unit, where its land
 * went. Nothing is shown for a locality without history.
 */
import { formatDateVi } from '@core/domain/deadlines';
import type { TLocalityDetail, TLocalityLink } from '@core/schemas/locality.schemas';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formerUnitsText } from './formerUnits';
import { localityLabel } from './useLocalityChain';

const LinkList = ({ links, testId }: { links: TLocalityLink[]; testId: string }) => {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {links.map((link) => (
        <li key={link.id} data-testid={testId}>
          <Link to={`/localities/${link.id}/units`}>{localityLabel(link)}</Link>
          {link.share === 'part' ? ` ${t('localityHistory.partTag')}` : ''}
          {link.effectiveDate
            ? ` — ${t('localityHistory.since', { date: formatDateVi(link.effectiveDate) })}`
            : ''}
        </li>
      ))}
    </ul>
  );
};

export const LocalityHistoryCard = ({ locality }: { locality: TLocalityDetail }) => {
  const { t } = useTranslation();
  // The register's text, when the former units are not localities here (an installation without them).
  const printed = locality.predecessors.length === 0 ? formerUnitsText(locality.formedFrom, t) : null;
  if (
    locality.formerNames.length === 0 &&
    locality.predecessors.length === 0 &&
    locality.successors.length === 0 &&
    !printed &&
    !locality.validTo
  )
    return null;
  return (
    <Card size="small" title={t('localityHistory.cardTitle')} data-testid="locality-history">
      <Flex vertical gap={8}>
        {locality.validTo && (
          <Typography.Text data-testid="locality-ended">
            {t('localityHistory.former', { date: formatDateVi(locality.validTo) })}
          </Typography.Text>
        )}
        {locality.formerNames.length > 0 && (
          <div>
            <Typography.Text strong>{t('localityHistory.formerNames')}</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {locality.formerNames.map((former) => (
                <li key={former.validTo} data-testid="former-name">
                  {t('localityHistory.formerName', {
                    name: localityLabel(former),
                    date: formatDateVi(former.validTo),
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {locality.predecessors.length > 0 && (
          <div>
            <Typography.Text strong>{t('localityHistory.formedFromTitle')}</Typography.Text>
            <LinkList links={locality.predecessors} testId="predecessor" />
          </div>
        )}
        {printed && <Typography.Text>{t('localityHistory.formedFrom', { names: printed })}</Typography.Text>}
        {locality.successors.length > 0 && (
          <div>
            <Typography.Text strong>{t('localityHistory.successorsTitle')}</Typography.Text>
            <LinkList links={locality.successors} testId="successor" />
          </div>
        )}
      </Flex>
    </Card>
  );
};
