import { formatDateVi } from '@core/domain/deadlines';
import type { TPlanDetail, TPlanReference, TReportingRegime } from '@core/schemas/plan.schemas';
import { Button, Descriptions, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị" style line for a related document. */
const describeReference = (reference: TPlanReference, t: TFunction) =>
  [
    reference.number,
    reference.date ? t('plan.referenceDated', { date: formatDateVi(reference.date) }) : null,
    reference.issuer ? `(${reference.issuer})` : null,
  ]
    .filter(Boolean)
    .join(' ');

/** "Hằng năm, hạn ngày 30/11, gửi UBND phường". The due date is stored as "MM-DD". */
const describeReporting = (regime: TReportingRegime, t: TFunction) => {
  const due = regime.due ? regime.due.split('-').reverse().join('/') : null;
  return t('plan.reportingLine', {
    frequency: t(`plan.frequencies.${regime.frequency}`),
    due: due ? t('plan.dueOn', { due }) : '',
    receiver: regime.receiver ? t('plan.sendTo', { receiver: regime.receiver }) : '',
  });
};

/** Long lists (a plan may cite a dozen documents) show the first few and open on demand. */
const COLLAPSED_COUNT = 3;

const ReferenceList = ({ items }: { items: string[] }) => {
  const { t } = useTranslation();
  const [isExpanded, setIsExpanded] = useState(false);
  if (items.length === 0) return <>{t('common.none')}</>;
  const isLong = items.length > COLLAPSED_COUNT + 1;
  const shown = isLong && !isExpanded ? items.slice(0, COLLAPSED_COUNT) : items;
  return (
    <>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {shown.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {isLong && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setIsExpanded(!isExpanded)}>
          {isExpanded ? t('plan.showLess') : t('plan.showMore', { count: items.length - COLLAPSED_COUNT })}
        </Button>
      )}
    </>
  );
};

/** The plan's document facts, as an officer would read them off the first page. */
export const PlanFacts = ({ plan }: { plan: TPlanDetail }) => {
  const { t } = useTranslation();
  const standingAgency = plan.units.find((unit) => unit.id === plan.standingAgencyUnitId)?.name;
  const basis = plan.references.filter((reference) => reference.kind === 'basis');
  const replaces = plan.references.filter((reference) => reference.kind === 'replaces');

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'number', label: t('plan.number'), children: plan.number ?? t('plan.noNumber') },
        {
          key: 'issuedDate',
          label: t('plan.issuedDate'),
          children: formatDateVi(plan.issuedDate) || t('common.none'),
        },
        {
          key: 'issuer',
          label: t('plan.issuer'),
          children: (
            <>
              {plan.issuer} <Tag>{t(`plan.issuerKinds.${plan.issuerKind}`)}</Tag>
            </>
          ),
        },
        {
          key: 'signer',
          label: t('plan.signer'),
          children: [plan.signerName, plan.signerPosition].filter(Boolean).join(' — ') || t('common.none'),
        },
        { key: 'locality', label: t('plan.locality'), children: plan.localityName },
        { key: 'status', label: t('plan.status'), children: t(`plan.statuses.${plan.status}`) },
        {
          key: 'standingAgency',
          label: t('plan.standingAgency'),
          children: standingAgency ?? t('common.none'),
        },
        {
          key: 'reporting',
          label: t('plan.reporting'),
          span: 'filled',
          children: <ReferenceList items={plan.reporting.map((regime) => describeReporting(regime, t))} />,
        },
        {
          key: 'basis',
          label: t('plan.basis'),
          span: 'filled',
          children: <ReferenceList items={basis.map((reference) => describeReference(reference, t))} />,
        },
        {
          key: 'replaces',
          label: t('plan.replaces'),
          span: 'filled',
          children: <ReferenceList items={replaces.map((reference) => describeReference(reference, t))} />,
        },
      ]}
    />
  );
};
