import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { TAttachment } from '@core/schemas/reporting.schemas';
import { App, Button, Flex, Popconfirm, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { formatDateTime } from '../reportStatus';

/** The server refuses more; checking here spares a long upload that would fail. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';

type EvidenceListProps = {
  attachments: TAttachment[];
  isEditable: boolean;
  onUpload: (file: File) => Promise<void>;
  onRemove: (attachment: TAttachment) => Promise<void>;
  /** The upload button's accessible name (and text unless compact). */
  uploadLabel: string;
  /** A row's cell: a small paper-clip button and the file names only. */
  isCompact?: boolean;
};

/** Evidence files with download and remove, and an upload that goes through the API client. */
export const EvidenceList = ({
  attachments,
  isEditable,
  onUpload,
  onRemove,
  uploadLabel,
  isCompact = false,
}: EvidenceListProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const upload = isEditable && (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      multiple
      beforeUpload={(file) => {
        if (file.size > MAX_ATTACHMENT_BYTES) {
          message.error(t('reporting.report.tooLarge', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          await onUpload(file as File);
          message.success(t('reporting.report.uploaded', { name: (file as File).name }));
          onSuccess?.({});
        } catch (error) {
          message.error(errorMessage(error));
          onError?.(error as Error);
        }
      }}
    >
      {isCompact ? (
        <Button
          size="small"
          type="text"
          icon={<PaperClipOutlined />}
          aria-label={uploadLabel}
          title={uploadLabel}
        />
      ) : (
        <Button icon={<UploadOutlined />}>{uploadLabel}</Button>
      )}
    </Upload>
  );

  return (
    <Flex vertical gap={isCompact ? 2 : 8}>
      {!isCompact && upload}
      {!isCompact && isEditable && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reporting.report.uploadHint')}
        </Typography.Text>
      )}
      {attachments.length === 0 && !isCompact && (
        <Typography.Text type="secondary">{t('reporting.report.noAttachments')}</Typography.Text>
      )}
      <ul aria-label={t('reporting.report.attachments')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <Flex gap={4} align="center" wrap>
              <a
                href={`/api/v1/attachments/${attachment.id}`}
                download={attachment.fileName}
                title={t('reporting.report.download')}
              >
                {isCompact ? <PaperClipOutlined /> : <DownloadOutlined />} {attachment.fileName}
              </a>
              {!isCompact && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${Math.max(1, Math.round(attachment.sizeBytes / 1024))} KB · `}
                  {t('reporting.report.uploadedBy', {
                    name: attachment.uploadedByName ?? '—',
                    at: formatDateTime(attachment.uploadedAt),
                  })}
                </Typography.Text>
              )}
              {isEditable && (
                <Popconfirm
                  title={t('reporting.report.removeConfirm', { name: attachment.fileName })}
                  okText={t('reporting.report.remove')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={async () => {
                    try {
                      await onRemove(attachment);
                    } catch (error) {
                      message.error(errorMessage(error));
                    }
                  }}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('reporting.report.remove')} ${attachment.fileName}`}
                  />
                </Popconfirm>
              )}
            </Flex>
          </li>
        ))}
      </ul>
      {isCompact && upload}
    </Flex>
  );
};
