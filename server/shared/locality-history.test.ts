/** Which successor a former locality's plans roll up to (pure: the edges as the query gives them). */
import { describe, expect, it } from 'vitest';
import { primarySuccessorOf, type SuccessionEdge } from './locality-history';

const edge = (
  code: string,
  name: string,
  share: 'whole' | 'part',
  predecessor = 'Xuân La',
): SuccessionEdge => ({
  predecessor_id: 'p',
  successor_id: `id-${code}`,
  share,
  predecessor_name: predecessor,
  predecessor_kind: 'phường',
  successor_name: name,
  successor_kind: 'phường',
  successor_code: code,
});

/** Every order of a list (the database gives the edges in no set order). */
const orders = <T>(items: T[]): T[][] =>
  items.length <= 1
    ? [items]
    : items.flatMap((item, index) =>
        orders([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
      );

describe('primarySuccessorOf', () => {
  it('should take the one successor that took the unit whole', () => {
    for (const list of orders([edge('00004', 'Ba Đình', 'part'), edge('00070', 'Hoàn Kiếm', 'whole')])) {
      expect(primarySuccessorOf(list)).toBe('id-00070');
    }
  });

  it('should pick the same successor in any order when the register prints a unit whole in several (Xuân La)', () => {
    const edges = [
      edge('00160', 'Nghĩa Đô', 'whole'),
      edge('00091', 'Phú Thượng', 'whole'),
      edge('00103', 'Tây Hồ', 'whole'),
      edge('00611', 'Xuân Đỉnh', 'part'),
    ];
    for (const list of orders(edges)) expect(primarySuccessorOf(list)).toBe('id-00091');
  });

  it('should prefer the namesake among the successors, then the lowest code', () => {
    const edges = [
      edge('00008', 'Ngọc Hà', 'part', 'Ngọc Hà (phần còn lại)'),
      edge('00004', 'Ba Đình', 'part', 'Ngọc Hà (phần còn lại)'),
    ];
    for (const list of orders(edges)) expect(primarySuccessorOf(list)).toBe('id-00008');
    const namesakeWhole = [
      edge('00611', 'Xuân Đỉnh', 'whole', 'Xuân Đỉnh'),
      edge('00091', 'Phú Thượng', 'whole', 'Xuân Đỉnh'),
    ];
    for (const list of orders(namesakeWhole)) expect(primarySuccessorOf(list)).toBe('id-00611');
  });
});
