import { describe, expect, it } from 'vitest';
import {
  type GeoGeometry,
  interiorPoint,
  type Position,
  pointInPolygon,
  ringArea,
  type Topology,
  TopologyError,
  topologyFeatures,
} from './topojson';

/**
 * Two unit squares side by side sharing their middle edge (arc 1), quantized on a grid of 0.5 with an
 * offset: the left square is arcs [0, 1], the right one [~1, 2] (the shared edge walked backwards).
 */
const twoSquares = (): Topology => ({
  type: 'Topology',
  transform: { scale: [0.5, 0.5], translate: [100, 10] },
  arcs: [
    // (1,1) → (0,1) → (0,0) → (1,0): grid (2,2) (0,2) (0,0) (2,0), delta-encoded
    [
      [2, 2],
      [-2, 0],
      [0, -2],
      [2, 0],
    ],
    // (1,0) → (1,1): the shared edge
    [
      [2, 0],
      [0, 2],
    ],
    // (1,0) → (2,0) → (2,1) → (1,1)
    [
      [2, 0],
      [2, 0],
      [0, 2],
      [-2, 0],
    ],
  ],
  objects: {
    squares: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { code: 'L' } },
        { type: 'MultiPolygon', arcs: [[[~1, 2]]], properties: { code: 'R' } },
        { type: null, properties: { code: 'N' } },
      ],
    },
  },
});

describe('topologyFeatures', () => {
  it('should delta-decode quantized arcs, apply the transform and join arcs into closed rings', () => {
    const collection = topologyFeatures<{ code: string }>(twoSquares(), 'squares');
    expect(collection.features.map((feature) => feature.properties.code)).toEqual(['L', 'R', 'N']);
    expect(collection.features[0]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [101, 11],
          [100, 11],
          [100, 10],
          [101, 10],
          [101, 11],
        ],
      ],
    });
  });

  it('should walk a negative arc index (~i) backwards and keep multipolygons nested', () => {
    const right = topologyFeatures(twoSquares(), 'squares').features[1]!.geometry;
    expect(right).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [101, 11],
            [101, 10],
            [102, 10],
            [102, 11],
            [101, 11],
          ],
        ],
      ],
    });
  });

  it('should keep a null geometry as a feature without geometry (never dropped)', () => {
    const features = topologyFeatures(twoSquares(), 'squares').features;
    expect(features[2]).toEqual({ type: 'Feature', properties: { code: 'N' }, geometry: null });
  });

  it('should read arcs given as plain positions when there is no transform', () => {
    const topology: Topology = {
      type: 'Topology',
      arcs: [
        [
          [0.5, 0.5],
          [3.5, 0.5],
          [3.5, 2.5],
          [0.5, 0.5],
        ],
      ],
      objects: { one: { type: 'Polygon', arcs: [[0]], properties: { name: 'Tam giác' } } },
    };
    const [feature] = topologyFeatures(topology, 'one').features;
    expect(feature!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0.5, 0.5],
          [3.5, 0.5],
          [3.5, 2.5],
          [0.5, 0.5],
        ],
      ],
    });
  });

  it('should decode points with the transform but without delta encoding', () => {
    const topology: Topology = {
      type: 'Topology',
      transform: { scale: [2, 3], translate: [1, 1] },
      arcs: [],
      objects: {
        p: { type: 'Point', coordinates: [1, 1] },
        m: {
          type: 'MultiPoint',
          coordinates: [
            [1, 1],
            [2, 2],
          ],
        },
      },
    };
    expect(topologyFeatures(topology, 'p').features[0]!.geometry).toEqual({
      type: 'Point',
      coordinates: [3, 4],
    });
    expect(topologyFeatures(topology, 'm').features[0]!.geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [3, 4],
        [5, 7],
      ],
    });
  });

  it('should refuse a missing object, an arc index that points nowhere, and a file that is not TopoJSON', () => {
    expect(() => topologyFeatures(twoSquares(), 'communes')).toThrow(TopologyError);
    const broken = twoSquares();
    broken.objects.squares = { type: 'Polygon', arcs: [[0, 7]] };
    expect(() => topologyFeatures(broken, 'squares')).toThrow(/cung số 7/);
    expect(() => topologyFeatures({ type: 'FeatureCollection' } as unknown as Topology, 'x')).toThrow(
      /không phải TopoJSON/,
    );
  });

  it('should match a decoding written the slow way on random topologies (property)', () => {
    // Random quantized arcs; the reference decodes each arc from absolute grid positions.
    let seed = 57;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const scale: [number, number] = [random() / 1000 + 1e-6, random() / 1000 + 1e-6];
      const translate: [number, number] = [100 + random() * 10, 8 + random() * 15];
      const absolute: Array<Array<[number, number]>> = [];
      let joint: [number, number] = [Math.floor(random() * 1000), Math.floor(random() * 1000)];
      const start = joint;
      const count = 1 + Math.floor(random() * 4);
      for (let a = 0; a < count; a++) {
        const arc: Array<[number, number]> = [joint];
        const length = 1 + Math.floor(random() * 6);
        for (let i = 0; i < length; i++)
          arc.push([Math.floor(random() * 1000), Math.floor(random() * 1000)] as [number, number]);
        if (a === count - 1) arc.push(start);
        joint = arc[arc.length - 1]!;
        absolute.push(arc);
      }
      const deltas = absolute.map((arc) =>
        arc.map((point, i) => (i === 0 ? point : [point[0] - arc[i - 1]![0], point[1] - arc[i - 1]![1]])),
      );
      // Half the time the ring is stored reversed, arc by arc: ~i walked backwards gives the same ring back.
      const reversed = random() < 0.5;
      const topology: Topology = {
        type: 'Topology',
        transform: { scale, translate },
        arcs: reversed ? deltas.map((_, i) => reverseDeltas(absolute[i]!)) : deltas,
        objects: {
          shape: { type: 'Polygon', arcs: [absolute.map((_, i) => (reversed ? ~i : i))] },
        },
      };
      const expected = [absolute[0]![0]!, ...absolute.flatMap((arc) => arc.slice(1))].map(
        ([x, y]) => [x * scale[0] + translate[0], y * scale[1] + translate[1]] as Position,
      );
      const geometry = topologyFeatures(topology, 'shape').features[0]!.geometry as {
        coordinates: Position[][];
      };
      const got = geometry.coordinates[0]!;
      expect(got.length).toBe(Math.max(expected.length, 4));
      expected.forEach((point, i) => {
        expect(got[i]![0]).toBeCloseTo(point[0], 9);
        expect(got[i]![1]).toBeCloseTo(point[1], 9);
      });
      expect(got[0]).toEqual(got[got.length - 1]);
    }
  });
});

/** An arc's positions stored in the opposite direction, delta-encoded. */
const reverseDeltas = (arc: Array<[number, number]>): number[][] => {
  const backwards = [...arc].reverse();
  return backwards.map((point, i) =>
    i === 0 ? point : [point[0] - backwards[i - 1]![0], point[1] - backwards[i - 1]![1]],
  );
};

describe('interiorPoint', () => {
  it('should fall inside a crescent whose centroid is outside it', () => {
    // A "C" shape: a square with a bite taken from its right side.
    const crescent: GeoGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 2],
          [2, 2],
          [2, 8],
          [10, 8],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    };
    const point = interiorPoint(crescent)!;
    expect(pointInPolygon(point, crescent.coordinates)).toBe(true);
  });

  it('should pick the largest polygon of a multipolygon (the mainland, not an island)', () => {
    const island: Position[][] = [
      [
        [50, 50],
        [51, 50],
        [51, 51],
        [50, 50],
      ],
    ];
    const mainland: Position[][] = [
      [
        [0, 0],
        [20, 0],
        [20, 20],
        [0, 20],
        [0, 0],
      ],
    ];
    const point = interiorPoint({ type: 'MultiPolygon', coordinates: [island, mainland] })!;
    expect(pointInPolygon(point, mainland)).toBe(true);
  });

  it('should stay out of a hole', () => {
    const withHole: Position[][] = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [3, 3],
        [7, 3],
        [7, 7],
        [3, 7],
        [3, 3],
      ],
    ];
    const point = interiorPoint({ type: 'Polygon', coordinates: withHole })!;
    expect(pointInPolygon(point, withHole)).toBe(true);
    expect(interiorPoint(null)).toBeNull();
  });

  it('should measure a counter-clockwise ring as positive area', () => {
    expect(
      ringArea([
        [0, 0],
        [2, 0],
        [2, 3],
        [0, 3],
        [0, 0],
      ]),
    ).toBe(6);
  });
});
