import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { Alert, Button, Flex } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay, type ReportStatusKey } from '../reportStatus';

/** "Bản 1 — đã được chấp nhận ngày 20/11/2026, đã thay bằng bản 2". */
const earlierVersionLabel = (shown: TUnitReport, t: TFunction) => {
  const report = shown.report!;
  const newer = shown.versions.filter((row) => row.version > report.version);
  const replacedBy = newer
    .filter((row) => row.status === 'accepted')
    .sort((a, b) => a.version - b.version)[0];
  const date = formatDay(report.reviewedAt);
  if (report.status === 'superseded' && replacedBy)
    return t('reporting.report.earlierSuperseded', {
      version: report.version,
      date,
      next: replacedBy.version,
    });
  const latest = newer.sort((a, b) => b.version - a.version)[0];
  if (report.status === 'accepted' && latest)
    return t('reporting.report.earlierInCorrection', {
      version: report.version,
      date,
      next: latest.version,
    });
  return t('reporting.report.earlierOther', {
    version: report.version,
    status: t(`reporting.statuses.${report.status}`),
  });
};

/** The banner of an earlier version shown read-only, with the way back to the current one. */
export const EarlierVersionAlert = ({
  report,
  onViewCurrent,
}: {
  report: TUnitReport;
  onViewCurrent: () => void;
}) => {
  const { t } = useTranslation();
  if (report.isCurrentVersion || !report.report) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="earlier-version"
      title={earlierVersionLabel(report, t)}
      description={t('reporting.report.earlierHint')}
      action={<Button onClick={onViewCurrent}>{t('reporting.report.viewCurrent')}</Button>}
    />
  );
};

/** Why a returned report came back, and what the report's state means for the reader. */
export const ReturnedAlert = ({ report, status }: { report: TUnitReport; status: ReportStatusKey }) => {
  const { t } = useTranslation();
  if (status !== 'returned' || !report.report?.returnReason) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('reporting.report.returnedTitle')}
      description={
        <>
          <div>{t('reporting.report.returnedReason', { reason: report.report.returnReason })}</div>
          {report.can.edit && <div>{t('reporting.report.returnedHint')}</div>}
        </>
      }
    />
  );
};

/** The hint of a submitted, accepted or read-only report. */
export const StatusHints = ({ report, status }: { report: TUnitReport; status: ReportStatusKey }) => {
  const { t } = useTranslation();
  return (
    <>
      {status === 'submitted' && <Alert type="info" showIcon title={t('reporting.report.submittedHint')} />}
      {status === 'accepted' && <Alert type="success" showIcon title={t('reporting.report.acceptedHint')} />}
      {report.isCurrentVersion && !report.can.edit && !report.can.review && (
        <Alert type="info" showIcon title={t('reporting.report.readOnlyHint')} />
      )}
    </>
  );
};

/**
 * Someone else saved in between: nothing was written, the input is kept. The user chooses: the server's
 * latest version, or theirs saved onto it (after a confirmation naming what it replaces).
 */
export const ConflictAlert = ({ onReload, onKeepMine }: { onReload: () => void; onKeepMine: () => void }) => {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('reporting.report.changedTitle')}
      description={t('reporting.report.reloadHint')}
      action={
        <Flex vertical gap={8}>
          <Button onClick={onReload}>{t('reporting.report.reload')}</Button>
          <Button onClick={onKeepMine}>{t('reporting.report.keepMine')}</Button>
        </Flex>
      }
    />
  );
};

/** Opened without a network: the form as last seen on this device, and when. */
export const OfflineCopyAlert = ({ seenAt }: { seenAt: number | null }) => {
  const { t } = useTranslation();
  if (seenAt == null) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="offline-copy"
      title={t('reporting.report.offlineCopyTitle', { at: formatDateTime(new Date(seenAt).toISOString()) })}
      description={t('reporting.report.offlineCopyHint')}
    />
  );
};
