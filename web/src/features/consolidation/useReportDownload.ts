import { useRef, useState } from 'react';
import { apiDownload, errorMessage } from '../../api/client';

/** A Word or PDF of the consolidated report being made: of the report as it stands (version null) or of an approved version. */
export type ReportDownload = { kind: 'docx' | 'pdf'; version: number | null };

/**
 * Downloads the Word or PDF of a period's consolidated report, one at a time: while one is being made (a
 * PDF takes seconds), `downloading` says which, and another click does nothing. A refusal (PDF without
 * LibreOffice: 503) is shown through `setMessages`, which is emptied when a download starts.
 */
export const useReportDownload = (periodId: string, setMessages: (messages: string[]) => void) => {
  const [downloading, setDownloading] = useState<ReportDownload | null>(null);
  // A ref, not the state: two clicks before the next render would both see the state still empty.
  const busy = useRef(false);
  const download = async (kind: ReportDownload['kind'], version: number | null) => {
    if (busy.current) return;
    busy.current = true;
    setDownloading({ kind, version });
    setMessages([]);
    try {
      await apiDownload(
        `/api/v1/reporting-periods/${periodId}/consolidated-report.${kind}${version ? `?version=${version}` : ''}`,
        `bao-cao-tong-hop.${kind}`,
      );
    } catch (error) {
      setMessages([errorMessage(error)]);
    } finally {
      busy.current = false;
      setDownloading(null);
    }
  };
  return { downloading, download };
};
