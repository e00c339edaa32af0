/** "Hình thành từ: …": the former units of a locality, read from the register's text. */
import { formerUnitLabel, parseFormedFrom } from '@core/domain/formed-from';
import type { TFunction } from 'i18next';

/**
 * The former units a locality was formed from, as a reader sees them ("Xã Bình Long, Phường Kim Mã
 * (một phần)"), and what the reader could not read as printed; null when it kept its territory ("giữ
 * nguyên") or nothing is known.
 */
export const formerUnitsText = (formedFrom: string | null | undefined, t: TFunction): string | null => {
  const reading = parseFormedFrom(formedFrom);
  const names = [
    ...reading.units.map((unit) =>
      unit.share === 'part'
        ? t('localityHistory.part', { name: formerUnitLabel(unit) })
        : formerUnitLabel(unit),
    ),
    ...reading.unread,
  ];
  return names.length > 0 ? names.join(', ') : null;
};
