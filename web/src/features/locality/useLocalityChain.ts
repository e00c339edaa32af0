import type { TLocality } from '@core/schemas/locality.schemas';
import { useQuery } from '@tanstack/react-query';
import { localityQueries } from './queries';

const LEVEL_ORDER = { nation: 0, province: 1, commune: 2 } as const;

/** "Phường Thành Đông", "Thành phố Hải Phòng". */
export const localityLabel = (locality: TLocality): string =>
  `${capitalize(locality.kind)} ${locality.name}`.trim();

/**
 * The localities a plan can belong to, as select options ("Phường Thành Đông"). Communes first;
 * the whole list when the server has no commune yet.
 */
export const useLocalityOptions = () => {
  const { data = [], isLoading } = useQuery(localityQueries.list());
  const communes = data.filter((locality) => locality.level === 'commune');
  const shown = communes.length > 0 ? communes : data;
  return {
    isLoading,
    localities: data,
    /** Every visible locality, nation and provinces first (where administrator roles are held). */
    allOptions: [...data]
      .sort(
        (a, b) =>
          LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
          localityLabel(a).localeCompare(localityLabel(b), 'vi'),
      )
      .map((locality) => ({ value: locality.id, label: localityLabel(locality) })),
    options: shown
      .map((locality) => ({
        value: locality.id,
        label: localityLabel(locality),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
  };
};

const capitalize = (text: string) => (text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text);
