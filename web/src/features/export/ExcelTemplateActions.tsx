import { UploadOutlined } from '@ant-design/icons';
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiUpload, errorMessage } from '../../api/client';
import { useDownload } from '../../components/ui/DownloadMenu';
import { reportingQueries } from '../reporting/queries';

/** The server refuses more; checking here spares a long upload that would fail. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

type Props = {
  periodId: string;
  unitId: string;
  /** Whether the report can take values now (draft, returned, not started, and the user may edit it). */
  isEditable: boolean;
  /** Unsaved input on screen would be replaced by the template's values: the upload waits for a save. */
  hasUnsavedChanges: boolean;
};

/**
 * "Tải biểu mẫu Excel" and "Nhập từ biểu mẫu Excel" on a unit's report: the unit fills its values offline
 * and sends the file back. The server checks every cell and writes nothing if one is wrong; the refusal
 * lists the cells ("Sheet 'Chỉ tiêu', ô F6: …") here.
 */
export const ExcelTemplateActions = ({ periodId, unitId, isEditable, hasUnsavedChanges }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { download, pendingKey } = useDownload();
  const [problems, setProblems] = useState<{ message: string; cells: string[] } | null>(null);
  const path = `/api/v1/reporting-periods/${periodId}/units/${unitId}/template.xlsx`;

  const importTemplate = useMutation({
    mutationFn: (file: File) => apiUpload<TUnitReport>(path, file),
    onSuccess: (report) => {
      setProblems(null);
      queryClient.setQueryData(reportingQueries.unitReport(periodId, unitId).queryKey, report);
      void queryClient.invalidateQueries({ queryKey: reportingQueries.all() });
      message.success(t('download.templateImported'));
    },
    onError: (error) =>
      setProblems({
        message: errorMessage(error),
        cells:
          error instanceof ApiError
            ? error.details.map((detail) =>
                detail.field ? `${detail.field}: ${detail.message}` : detail.message,
              )
            : [],
      }),
  });

  const pick = (file: File) => {
    if (file.size > MAX_TEMPLATE_BYTES) {
      setProblems({ message: 'Tệp quá lớn: biểu mẫu nhập số liệu tối đa 5 MB.', cells: [] });
    } else {
      importTemplate.mutate(file);
    }
    // The file goes through the API client, not antd's own upload.
    return false;
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Button
          loading={pendingKey === 'template'}
          onClick={() =>
            void download({
              key: 'template',
              label: t('download.templateXlsx'),
              path,
              fileName: 'bieu-mau.xlsx',
            })
          }
        >
          {t('download.templateXlsx')}
        </Button>
        {isEditable && (
          <Tooltip title={hasUnsavedChanges ? t('download.templateSaveFirst') : t('download.templateHelp')}>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={pick}
              disabled={hasUnsavedChanges || importTemplate.isPending}
            >
              <Button
                icon={<UploadOutlined />}
                loading={importTemplate.isPending}
                disabled={hasUnsavedChanges}
                data-testid="template-upload"
              >
                {t('download.templateUpload')}
              </Button>
            </Upload>
          </Tooltip>
        )}
      </Flex>
      {problems && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems(null)}
          title={problems.cells.length ? t('download.templateRefused') : problems.message}
          description={
            problems.cells.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.cells.map((cell) => (
                  <li key={cell}>{cell}</li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="template-problems"
        />
      )}
    </Flex>
  );
};
