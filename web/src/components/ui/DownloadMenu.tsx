import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload, errorMessage } from '../../api/client';

export type DownloadItem = {
  /** Stable key, also used in the test id. */
  key: string;
  label: string;
  /** The API route that answers the file. */
  path: string;
  /** The file name when the server names none. */
  fileName: string;
};

const iconOf = (fileName: string) => {
  if (fileName.endsWith('.xlsx')) return <FileExcelOutlined />;
  if (fileName.endsWith('.pdf')) return <FilePdfOutlined />;
  return <FileWordOutlined />;
};

/**
 * Fetches one file at a time and reports a refusal (403, 503 PDF unavailable…) as the server words it; a
 * second download asked for while one runs (a PDF takes seconds) is ignored.
 */
export const useDownload = () => {
  const { message } = App.useApp();
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  // A ref, not the state: two clicks before the next render would both see the state still empty.
  const busy = useRef(false);
  const download = async (item: DownloadItem) => {
    if (busy.current) return;
    busy.current = true;
    setPendingKey(item.key);
    try {
      await apiDownload(item.path, item.fileName);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      busy.current = false;
      setPendingKey(null);
    }
  };
  return { download, pendingKey };
};

/** A "Tải xuống" button whose menu lists the documents of the page (Word, Excel, PDF). */
export const DownloadMenu = ({ items, label }: { items: DownloadItem[]; label?: string }) => {
  const { t } = useTranslation();
  const { download, pendingKey } = useDownload();
  const pending = items.find((item) => item.key === pendingKey);
  return (
    <Dropdown
      trigger={['click']}
      disabled={pending !== undefined}
      menu={{
        items: items.map((item) => ({
          key: item.key,
          label: item.label,
          icon: iconOf(item.fileName),
          'data-testid': `download-${item.key}`,
        })),
        onClick: ({ key }) => {
          const item = items.find((candidate) => candidate.key === key);
          if (item) void download(item);
        },
      }}
    >
      <Button icon={<DownloadOutlined />} loading={pending !== undefined} aria-busy={pending !== undefined}>
        {pending?.fileName.endsWith('.pdf') ? t('download.pdfPending') : (label ?? t('download.button'))}
      </Button>
    </Dropdown>
  );
};
