/**
 * "Nhập thay" on a unit's report: for the standing agency, the action that starts the report of a unit
 * without an account; once entered so, the banner saying who entered it for whom, and the scan of the
 * unit's signed paper report (required before submitting).
 */
import type { TAttachment, TUnitReport } from '@core/schemas/reporting.schemas';
import { Alert, App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import {
  useDeleteAttachmentMutation,
  useStartOnBehalfMutation,
  useUploadAttachmentMutation,
} from '../mutations';
import { EvidenceList } from './EvidenceList';

export const OnBehalfPanel = ({ report }: { report: TUnitReport }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const periodId = report.period.id;
  const start = useStartOnBehalfMutation(periodId);
  const upload = useUploadAttachmentMutation(periodId, report.unitId);
  const remove = useDeleteAttachmentMutation(periodId, report.unitId);
  const who = report.enteredOnBehalf;

  if (!who) {
    if (!report.can.enterOnBehalf || !report.isCurrentVersion) return null;
    return (
      <Alert
        type="info"
        showIcon
        title={t('onBehalf.confirmTitle', { unit: report.unitName })}
        description={t('onBehalf.confirmText')}
        action={
          <Button
            type="primary"
            loading={start.isPending}
            onClick={async () => {
              try {
                await start.mutateAsync(report.unitId);
              } catch (error) {
                message.error(errorMessage(error));
              }
            }}
          >
            {t('onBehalf.action')}
          </Button>
        }
      />
    );
  }

  const status = report.report?.status;
  const isEditable =
    report.isCurrentVersion && report.can.edit && (status === 'draft' || status === 'returned');
  const scans = report.attachments.filter((attachment) => attachment.isPaperReport);
  const handleRemove = async (attachment: TAttachment) => {
    await remove.mutateAsync(attachment.id);
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="on-behalf-banner"
      title={
        who.byUnitName
          ? t('onBehalf.bannerWithUnit', { by: who.byName, byUnit: who.byUnitName, unit: who.forUnitName })
          : t('onBehalf.banner', { by: who.byName, unit: who.forUnitName })
      }
      description={
        <Flex vertical gap={8}>
          <span>{t('onBehalf.bannerHint')}</span>
          <Typography.Text strong>{t('onBehalf.paperScan')}</Typography.Text>
          {scans.length === 0 && !isEditable && <span>{t('onBehalf.paperScanMissing')}</span>}
          <EvidenceList
            attachments={scans}
            isEditable={isEditable}
            uploadLabel={t('onBehalf.uploadPaperScan')}
            onUpload={async (file) => {
              await upload.mutateAsync({ reportId: report.report!.id, file, paperReport: true });
            }}
            onRemove={handleRemove}
          />
        </Flex>
      }
    />
  );
};

/** The obligations table's "Nhập thay" for a unit that has no report yet: starts it, then opens it. */
export const OnBehalfButton = ({
  periodId,
  unitId,
  unitName,
  onStarted,
}: {
  periodId: string;
  unitId: string;
  unitName: string;
  onStarted: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useStartOnBehalfMutation(periodId);
  return (
    <Popconfirm
      title={t('onBehalf.confirmTitle', { unit: unitName })}
      description={<div style={{ maxWidth: 360 }}>{t('onBehalf.confirmText')}</div>}
      okText={t('onBehalf.action')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: start.isPending }}
      onConfirm={async () => {
        try {
          await start.mutateAsync(unitId);
          onStarted();
        } catch (error) {
          message.error(errorMessage(error));
        }
      }}
      onPopupClick={(event) => event.stopPropagation()}
    >
      <Button
        size="small"
        aria-label={t('onBehalf.actionLabel', { unit: unitName })}
        onClick={(event) => event.stopPropagation()}
      >
        {t('onBehalf.action')}
      </Button>
    </Popconfirm>
  );
};
