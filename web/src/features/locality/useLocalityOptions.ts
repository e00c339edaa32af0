import { useQuery } from '@tanstack/react-query';
import { localityQueries } from './queries';

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
    options: shown
      .map((locality) => ({
        value: locality.id,
        label: `${capitalize(locality.kind)} ${locality.name}`.trim(),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
  };
};

const capitalize = (text: string) => (text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text);
