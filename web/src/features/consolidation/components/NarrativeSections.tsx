import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The three parts the standing agency writes, in the order of the state template. */
const SECTIONS = ['narrative', 'shortcomings', 'nextSteps'] as const;
export type Section = (typeof SECTIONS)[number];
export type Sections = Record<Section, string>;
export const sectionsOf = (report: TConsolidatedReport): Sections => ({
  narrative: report.narrative ?? '',
  shortcomings: report.shortcomings ?? '',
  nextSteps: report.nextSteps ?? '',
});
const SECTION_TEXTS: Record<Section, { label: string; hint: string; empty: string; id: string }> = {
  narrative: {
    label: 'consolidation.narrative.label',
    hint: 'consolidation.narrative.hint',
    empty: 'consolidation.narrative.empty',
    id: 'consolidated-narrative',
  },
  shortcomings: {
    label: 'consolidation.narrative.shortcomingsLabel',
    hint: 'consolidation.narrative.shortcomingsHint',
    empty: 'consolidation.narrative.shortcomingsEmpty',
    id: 'consolidated-shortcomings',
  },
  nextSteps: {
    label: 'consolidation.narrative.nextStepsLabel',
    hint: 'consolidation.narrative.nextStepsHint',
    empty: 'consolidation.narrative.nextStepsEmpty',
    id: 'consolidated-next-steps',
  },
};

/**
 * What the standing agency writes around the figures, in the sections of the state template: kết quả
 * (tình hình chung), tồn tại, hạn chế và nguyên nhân, phương hướng nhiệm vụ kỳ tới. Editable while the
 * report can be edited, read-only otherwise.
 */
export const NarrativeSections = ({
  sections,
  isEditable,
  onChange,
}: {
  sections: Sections;
  isEditable: boolean;
  onChange: (section: Section, value: string) => void;
}) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      {SECTIONS.map((section) => {
        const texts = SECTION_TEXTS[section];
        const value = sections[section];
        return (
          <Flex vertical gap={8} key={section}>
            {isEditable ? (
              <label htmlFor={texts.id}>
                <Typography.Text strong>{t(texts.label)}</Typography.Text>
              </label>
            ) : (
              <Typography.Text strong>{t(texts.label)}</Typography.Text>
            )}
            {isEditable ? (
              <Input.TextArea
                id={texts.id}
                autoSize={{ minRows: section === 'narrative' ? 4 : 3, maxRows: 16 }}
                value={value}
                onChange={(event) => onChange(section, event.target.value)}
              />
            ) : (
              <Typography.Paragraph
                data-testid={texts.id}
                style={{ whiteSpace: 'pre-line', margin: 0 }}
                type={value.trim() ? undefined : 'secondary'}
              >
                {value.trim() || t(texts.empty)}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary">{t(texts.hint)}</Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
};
