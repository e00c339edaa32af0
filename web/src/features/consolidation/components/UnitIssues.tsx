import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { Descriptions, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const Paragraphs = ({ text, none }: { text: string | null; none: string }) =>
  text?.trim() ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{text}</Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">{none}</Typography.Text>
  );

/** What each unit wrote in its accepted report: difficulties and proposals, unit by unit. */
export const UnitIssues = ({ units }: { units: TConsolidatedReport['units'] }) => {
  const { t } = useTranslation();
  if (units.length === 0) return <Empty description={t('consolidation.issues.empty')} />;
  return (
    <Flex vertical gap={12}>
      {units.map((unit) => (
        <Descriptions
          key={unit.unitId}
          size="small"
          bordered
          column={1}
          title={unit.unitName}
          data-testid="consolidated-unit-issues"
          items={
            unit.nothingArose && !unit.difficulties?.trim() && !unit.proposals?.trim()
              ? [
                  {
                    key: 'nothing',
                    label: t('consolidation.issues.difficulties'),
                    children: t('consolidation.issues.nothingArose'),
                  },
                ]
              : [
                  {
                    key: 'difficulties',
                    label: t('consolidation.issues.difficulties'),
                    children: <Paragraphs text={unit.difficulties} none={t('consolidation.issues.none')} />,
                  },
                  {
                    key: 'proposals',
                    label: t('consolidation.issues.proposals'),
                    children: <Paragraphs text={unit.proposals} none={t('consolidation.issues.none')} />,
                  },
                ]
          }
        />
      ))}
    </Flex>
  );
};
