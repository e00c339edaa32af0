import { DownloadOutlined, FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { App, Button, Flex, Table, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiDownload, errorMessage } from '../../../api/client';
import { formatDateTime } from '../../reporting/reportStatus';
import type { ReportDownload } from '../useReportDownload';

/** The server refuses more; checking here spares a long upload that would fail. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;

type Version = TConsolidatedReport['versions'][number];

type ApprovedVersionsProps = {
  report: TConsolidatedReport;
  /** The approved version on screen, if one is. */
  viewing: number | null;
  onView: (version: number) => void;
  /** The Word or PDF being made, if one is: its button turns busy and the others wait. */
  downloading: ReportDownload | null;
  onDownload: (kind: 'docx' | 'pdf', version: number) => void;
  onAttach: (version: number, file: File) => Promise<void>;
};

/**
 * Every approved version of the consolidated report: who approved it and when, its Word and PDF (made
 * from what was approved), and the scan of the signed paper, which the standing agency or the leader
 * attaches.
 */
export const ApprovedVersions = ({
  report,
  viewing,
  onView,
  downloading,
  onDownload,
  onAttach,
}: ApprovedVersionsProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const downloadScan = async (row: Version) => {
    try {
      await apiDownload(
        `/api/v1/consolidated-reports/${report.id}/versions/${row.version}/signed-scan`,
        row.signedScan?.fileName ?? 'bao-cao-da-ky.pdf',
      );
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Table<Version>
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={report.versions}
      data-testid="consolidated-versions"
      onRow={(row) => ({ 'data-version': row.version }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('consolidation.approval.version'),
          key: 'version',
          width: 170,
          render: (_, row) => (
            <Flex gap={6} align="center" wrap>
              <span>
                {row.version > 1
                  ? t('consolidation.approval.supplementN', { count: row.version - 1 })
                  : t('consolidation.approval.versionN', { version: row.version })}
              </span>
              {viewing === row.version && <Tag color="blue">{t('consolidation.approval.viewing')}</Tag>}
            </Flex>
          ),
        },
        {
          title: t('consolidation.approval.approvedBy'),
          key: 'approved',
          render: (_, row) =>
            t('consolidation.byAt', { name: row.approvedByName ?? '—', at: formatDateTime(row.approvedAt) }),
        },
        {
          title: t('consolidation.approval.signedScan'),
          key: 'scan',
          render: (_, row) => (
            <Flex vertical gap={4} align="flex-start">
              {row.signedScan ? (
                <Button
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  onClick={() => void downloadScan(row)}
                  style={{ padding: 0 }}
                >
                  {t('consolidation.approval.downloadScan', { name: row.signedScan.fileName })}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('consolidation.approval.noScan')}</Typography.Text>
              )}
              {report.canAttachScan && (
                <Upload
                  accept=".pdf,.png,.jpg,.jpeg"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    if (file.size > MAX_SCAN_BYTES) {
                      message.error(t('consolidation.approval.scanTooLarge'));
                      return Upload.LIST_IGNORE;
                    }
                    return true;
                  }}
                  customRequest={async ({ file, onSuccess, onError }) => {
                    try {
                      await onAttach(row.version, file as File);
                      message.success(t('consolidation.approval.scanAttached'));
                      onSuccess?.({});
                    } catch (error) {
                      message.error(errorMessage(error));
                      onError?.(error as Error);
                    }
                  }}
                >
                  <Button
                    size="small"
                    icon={<UploadOutlined />}
                    title={t('consolidation.approval.scanTypes')}
                  >
                    {row.signedScan
                      ? t('consolidation.approval.replaceScan')
                      : t('consolidation.approval.attachScan')}
                  </Button>
                </Upload>
              )}
            </Flex>
          ),
        },
        {
          title: '',
          key: 'actions',
          width: 230,
          render: (_, row) => (
            <Flex gap={4} wrap>
              {viewing !== row.version && (
                <Button size="small" onClick={() => onView(row.version)}>
                  {t('consolidation.approval.view')}
                </Button>
              )}
              <Button
                size="small"
                icon={<FileWordOutlined />}
                aria-label={t('consolidation.approval.wordOf', { version: row.version })}
                loading={downloading?.kind === 'docx' && downloading.version === row.version}
                disabled={downloading !== null}
                onClick={() => onDownload('docx', row.version)}
              >
                Word
              </Button>
              <Button
                size="small"
                icon={<FilePdfOutlined />}
                aria-label={t('consolidation.approval.pdfOf', { version: row.version })}
                loading={downloading?.kind === 'pdf' && downloading.version === row.version}
                disabled={downloading !== null}
                onClick={() => onDownload('pdf', row.version)}
              >
                {downloading?.kind === 'pdf' && downloading.version === row.version
                  ? t('download.pdfPending')
                  : 'PDF'}
              </Button>
            </Flex>
          ),
        },
      ]}
    />
  );
};
