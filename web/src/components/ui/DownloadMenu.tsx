import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
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

/** Fetches one file and reports a refusal (403, 503 PDF unavailable…) as the server words it. */
export const useDownload = () => {
  const { message } = App.useApp();
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const download = async (item: DownloadItem) => {
    setPendingKey(item.key);
    try {
      await apiDownload(item.path, item.fileName);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPendingKey(null);
    }
  };
  return { download, pendingKey };
};

/** A "Tải xuống" button whose menu lists the documents of the page (Word, Excel, PDF). */
export const DownloadMenu = ({ items, label }: { items: DownloadItem[]; label?: string }) => {
  const { t } = useTranslation();
  const { download, pendingKey } = useDownload();
  return (
    <Dropdown
      trigger={['click']}
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
      <Button icon={<DownloadOutlined />} loading={pendingKey !== null}>
        {label ?? t('download.button')}
      </Button>
    </Dropdown>
  );
};
