import { Card, Checkbox, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportDraft } from '../reportDraft';

type Props = {
  draft: ReportDraft;
  isEditable: boolean;
  onChange: (patch: Partial<Pick<ReportDraft, 'nothingArose' | 'difficulties' | 'proposals'>>) => void;
};

/** "Không phát sinh", difficulties and proposals of the report. */
export const NarrativeCard = ({ draft, isEditable, onChange }: Props) => {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${t('reporting.report.difficulties')} · ${t('reporting.report.proposals')}`}>
      <Flex vertical gap={12}>
        <Checkbox
          checked={draft.nothingArose}
          disabled={!isEditable}
          onChange={(event) => onChange({ nothingArose: event.target.checked })}
        >
          {t('reporting.report.nothingArose')}
        </Checkbox>
        <label htmlFor="report-difficulties">
          <Typography.Text strong>{t('reporting.report.difficulties')}</Typography.Text>
        </label>
        <Input.TextArea
          id="report-difficulties"
          autoSize={{ minRows: 2, maxRows: 8 }}
          readOnly={!isEditable}
          value={draft.difficulties}
          onChange={(event) => onChange({ difficulties: event.target.value })}
        />
        <label htmlFor="report-proposals">
          <Typography.Text strong>{t('reporting.report.proposals')}</Typography.Text>
        </label>
        <Input.TextArea
          id="report-proposals"
          autoSize={{ minRows: 2, maxRows: 8 }}
          readOnly={!isEditable}
          value={draft.proposals}
          onChange={(event) => onChange({ proposals: event.target.value })}
        />
      </Flex>
    </Card>
  );
};
