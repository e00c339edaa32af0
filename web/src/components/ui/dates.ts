/** Date helpers between the API's ISO days ("2025-11-23") and Ant Design's dayjs pickers. */
import dayjs, { type Dayjs } from 'dayjs';

/** The display and input format Vietnamese officers use. */
export const DATE_FORMAT_VI = 'DD/MM/YYYY';

export const isoToDayjs = (iso: string | null | undefined): Dayjs | null =>
  iso ? dayjs(iso.slice(0, 10)) : null;

export const dayjsToIso = (value: Dayjs | null | undefined): string | null =>
  value?.isValid() ? value.format('YYYY-MM-DD') : null;
