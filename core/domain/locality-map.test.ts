import { describe, expect, it } from 'vitest';
import { countCategories, joinBoundaries, MAP_CATEGORIES, type MapRow, mapCategory } from './locality-map';

const row = (code: string, patch: Partial<MapRow> = {}): MapRow => ({
  localityId: `id-${code}`,
  code,
  name: `Xã ${code}`,
  colour: 'none',
  evaluation: 'not_evaluated',
  score: null,
  ...patch,
});

describe('mapCategory', () => {
  it('should paint a scored unit with its colour and an unscored one with its state', () => {
    expect(mapCategory({ colour: 'green', evaluation: 'scored' }, true)).toBe('green');
    expect(mapCategory({ colour: 'yellow', evaluation: 'scored' }, true)).toBe('yellow');
    expect(mapCategory({ colour: 'red', evaluation: 'scored' }, true)).toBe('red');
    expect(mapCategory({ colour: 'none', evaluation: 'pending_review' }, true)).toBe('pending_review');
    expect(mapCategory({ colour: 'none', evaluation: 'not_evaluated' }, true)).toBe('not_evaluated');
  });

  it('should grey out a unit the filter hides, whatever its colour', () => {
    expect(mapCategory({ colour: 'red', evaluation: 'scored' }, false)).toBe('filtered_out');
  });
});

describe('joinBoundaries', () => {
  it('should join on the code, with the register name and colour of each row', () => {
    const rows = [
      row('05755', { name: 'Xã Dân Tiến', colour: 'red', evaluation: 'scored', score: 41.5 }),
      row('05758', { evaluation: 'pending_review' }),
    ];
    const join = joinBoundaries(
      [
        { code: '05758', name: 'Xã B' },
        { code: '05755', name: 'Xã Dân Tiến (bản đồ)' },
      ],
      rows,
    );
    expect(join.regions.map((region) => [region.code, region.name, region.category])).toEqual([
      ['05758', 'Xã 05758', 'pending_review'],
      ['05755', 'Xã Dân Tiến', 'red'],
    ]);
    expect(join.withoutBoundary).toEqual([]);
    expect(join.withoutUnit).toEqual([]);
  });

  it('should report a row without a boundary and a boundary without a row, never dropping either', () => {
    const rows = [row('05755'), row('HAND-1', { name: 'Xã nhập tay' })];
    const join = joinBoundaries(
      [
        { code: '05755', name: 'Xã Dân Tiến' },
        { code: '99999', name: 'Xã đã sáp nhập' },
      ],
      rows,
    );
    expect(join.regions.map((region) => region.code)).toEqual(['05755']);
    expect(join.withoutBoundary.map((r) => r.name)).toEqual(['Xã nhập tay']);
    expect(join.withoutUnit).toEqual([{ code: '99999', name: 'Xã đã sáp nhập' }]);
  });

  it('should list the second of two rows sharing a code, which cannot be drawn', () => {
    const first = row('05755', { localityId: 'a' });
    const second = row('05755', { localityId: 'b', name: 'Bản trùng mã' });
    const join = joinBoundaries([{ code: '05755', name: 'Xã Dân Tiến' }], [first, second]);
    expect(join.regions.map((region) => region.row.localityId)).toEqual(['a']);
    expect(join.withoutBoundary.map((r) => r.localityId)).toEqual(['b']);
  });

  it('should grey out the rows the filter leaves out', () => {
    const rows = [
      row('1', { colour: 'green', evaluation: 'scored' }),
      row('2', { colour: 'red', evaluation: 'scored' }),
    ];
    const join = joinBoundaries(
      [
        { code: '1', name: 'A' },
        { code: '2', name: 'B' },
      ],
      rows,
      new Set(['id-2']),
    );
    expect(join.regions.map((region) => region.category)).toEqual(['filtered_out', 'red']);
  });

  it('should account for every row and every boundary exactly once (property, random inputs)', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const colours = ['green', 'yellow', 'red', 'none'] as const;
    const states = ['scored', 'pending_review', 'not_evaluated'] as const;
    for (let round = 0; round < 200; round++) {
      const codes = Array.from({ length: Math.floor(random() * 40) }, () =>
        String(Math.floor(random() * 60)),
      );
      const rows = codes.map((code, i) =>
        row(code, {
          localityId: `r${i}`,
          colour: colours[Math.floor(random() * 4)]!,
          evaluation: states[Math.floor(random() * 3)]!,
        }),
      );
      const boundaryCodes = [
        ...new Set(
          Array.from({ length: Math.floor(random() * 40) }, () => String(Math.floor(random() * 60))),
        ),
      ];
      const boundaries = boundaryCodes.map((code) => ({ code, name: `B${code}` }));
      const shown = new Set(rows.filter(() => random() < 0.7).map((r) => r.localityId));
      const join = joinBoundaries(boundaries, rows, shown);
      // Every row is drawn or listed, once.
      const drawn = join.regions.map((region) => region.row.localityId);
      const listed = join.withoutBoundary.map((r) => r.localityId);
      expect([...drawn, ...listed].sort()).toEqual(rows.map((r) => r.localityId).sort());
      // Every boundary is drawn or listed, once.
      expect(
        [...join.regions.map((region) => region.code), ...join.withoutUnit.map((b) => b.code)].sort(),
      ).toEqual([...boundaryCodes].sort());
      for (const region of join.regions) {
        expect(region.category).toBe(mapCategory(region.row, shown.has(region.row.localityId)));
      }
      const counts = countCategories(join.regions);
      expect(MAP_CATEGORIES.reduce((sum, category) => sum + counts[category], 0)).toBe(join.regions.length);
    }
  });
});
