import dayjs from 'dayjs';

/** "25/11/2026 11:37" in the browser's time zone. */
export const formatAuditTime = (iso: string): string => dayjs(iso).format('DD/MM/YYYY HH:mm');
