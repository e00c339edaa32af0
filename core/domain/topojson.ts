/**
 * TopoJSON → GeoJSON, for the boundaries the overview map draws (ECharts' `registerMap` takes GeoJSON).
 * A small decoder of what the boundary files hold — the same result as `topojson-client`'s `feature`
 * for polygons, without the dependency:
 *
 * - arcs quantized and delta-encoded (a `transform`: each position after the first is the difference
 *   from the one before, in grid units; x = x·scale + translate) or given as plain positions;
 * - an arc index `~i` (negative: −i − 1) is arc i walked backwards;
 * - arcs of a ring are joined, the first position of each arc after the first being the last of the one
 *   before (it is written once);
 * - Polygon, MultiPolygon, Point, MultiPoint, LineString, MultiLineString, null geometries and nested
 *   GeometryCollections.
 *
 * Pure: no I/O. Also here: where to put a label inside a region (`interiorPoint`).
 */

export type Position = [number, number];

type TopoGeometry =
  | { type: 'Polygon'; arcs: number[][]; properties?: Record<string, unknown>; id?: string | number }
  | { type: 'MultiPolygon'; arcs: number[][][]; properties?: Record<string, unknown>; id?: string | number }
  | { type: 'LineString'; arcs: number[]; properties?: Record<string, unknown>; id?: string | number }
  | { type: 'MultiLineString'; arcs: number[][]; properties?: Record<string, unknown>; id?: string | number }
  | { type: 'Point'; coordinates: number[]; properties?: Record<string, unknown>; id?: string | number }
  | {
      type: 'MultiPoint';
      coordinates: number[][];
      properties?: Record<string, unknown>;
      id?: string | number;
    }
  | { type: null; properties?: Record<string, unknown>; id?: string | number }
  | { type: 'GeometryCollection'; geometries: TopoGeometry[]; properties?: Record<string, unknown> };

/** A TopoJSON topology (https://github.com/topojson/topojson-specification). */
export type Topology = {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, TopoGeometry>;
};

export type GeoGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] };

export type GeoFeature<P = Record<string, unknown>> = {
  type: 'Feature';
  id?: string | number;
  properties: P;
  geometry: GeoGeometry | null;
};

export type GeoFeatureCollection<P = Record<string, unknown>> = {
  type: 'FeatureCollection';
  features: GeoFeature<P>[];
};

/** A topology that cannot be read: what is wrong, in words for a log or an error message. */
export class TopologyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopologyError';
  }
}

/** Each arc's absolute positions, decoded once (delta-decoded and transformed when quantized). */
const decodeArcs = (topology: Topology): Position[][] => {
  const transform = topology.transform;
  return topology.arcs.map((arc) => {
    if (!transform) return arc.map((point) => [point[0]!, point[1]!] as Position);
    const [sx, sy] = transform.scale;
    const [tx, ty] = transform.translate;
    let x = 0;
    let y = 0;
    return arc.map((point) => {
      x += point[0]!;
      y += point[1]!;
      return [x * sx + tx, y * sy + ty] as Position;
    });
  });
};

/** The positions of a line made of arcs (`~i` walked backwards), each shared end written once. */
const joinArcs = (indexes: number[], arcs: Position[][]): Position[] => {
  const line: Position[] = [];
  for (const index of indexes) {
    const arc = arcs[index < 0 ? ~index : index];
    if (!arc) throw new TopologyError(`Không có cung số ${index < 0 ? ~index : index} trong tệp ranh giới`);
    const points = index < 0 ? [...arc].reverse() : arc;
    // The first position of every arc after the first repeats the last of the one before.
    for (let i = line.length ? 1 : 0; i < points.length; i++) line.push(points[i]!);
  }
  return line;
};

/** A ring: closed, and at least four positions (a degenerate ring of one arc point is repeated). */
const ring = (indexes: number[], arcs: Position[][]): Position[] => {
  const points = joinArcs(indexes, arcs);
  while (points.length < 4 && points.length > 0) points.push(points[0]!);
  return points;
};

const transformPoint = (topology: Topology, point: number[]): Position => {
  const transform = topology.transform;
  if (!transform) return [point[0]!, point[1]!];
  return [
    point[0]! * transform.scale[0] + transform.translate[0],
    point[1]! * transform.scale[1] + transform.translate[1],
  ];
};

const geometryOf = (
  topology: Topology,
  geometry: Exclude<TopoGeometry, { type: 'GeometryCollection' }>,
  arcs: Position[][],
): GeoGeometry | null => {
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.arcs.map((rings) => ring(rings, arcs)) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.arcs.map((polygon) => polygon.map((rings) => ring(rings, arcs))),
      };
    case 'LineString':
      return { type: 'LineString', coordinates: joinArcs(geometry.arcs, arcs) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.arcs.map((line) => joinArcs(line, arcs)) };
    case 'Point':
      return { type: 'Point', coordinates: transformPoint(topology, geometry.coordinates) };
    case 'MultiPoint':
      return {
        type: 'MultiPoint',
        coordinates: geometry.coordinates.map((point) => transformPoint(topology, point)),
      };
    case null:
      return null;
    default:
      throw new TopologyError(
        `Kiểu hình không đọc được: ${String((geometry as { type: unknown }).type).slice(0, 40)}`,
      );
  }
};

/**
 * The features of one object of a topology, as GeoJSON.
 *
 * @param topology - the parsed TopoJSON file
 * @param objectName - the object to read ("provinces", "communes")
 * @returns a FeatureCollection; a GeometryCollection's members become its features (nested ones flattened)
 * @throws TopologyError when the object is missing or an arc index points nowhere
 */
export const topologyFeatures = <P = Record<string, unknown>>(
  topology: Topology,
  objectName: string,
): GeoFeatureCollection<P> => {
  if (topology?.type !== 'Topology' || !Array.isArray(topology.arcs))
    throw new TopologyError('Tệp ranh giới không phải TopoJSON');
  const object = topology.objects?.[objectName];
  if (!object) throw new TopologyError(`Tệp ranh giới không có lớp “${objectName}”`);
  const arcs = decodeArcs(topology);
  const features: GeoFeature<P>[] = [];
  const visit = (geometry: TopoGeometry) => {
    if (geometry.type === 'GeometryCollection') {
      for (const member of geometry.geometries) visit(member);
      return;
    }
    features.push({
      type: 'Feature',
      ...(geometry.id !== undefined ? { id: geometry.id } : {}),
      properties: (geometry.properties ?? {}) as P,
      geometry: geometryOf(topology, geometry, arcs),
    });
  };
  visit(object);
  return { type: 'FeatureCollection', features };
};

/** The signed area of a ring (shoelace; positive counter-clockwise), in squared degrees. */
export const ringArea = (points: readonly Position[]): number => {
  let twice = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[i + 1]!;
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
};

/** Whether a point lies inside a polygon (outer ring minus holes), by ray casting. */
export const pointInPolygon = (point: Position, polygon: readonly Position[][]): boolean => {
  let inside = false;
  for (const points of polygon) {
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
  }
  return inside;
};

/**
 * A point inside a region, for its label or a click on it: in the region's largest polygon, the middle
 * of the widest stretch of the horizontal line through the polygon's middle (a centroid can fall
 * outside a crescent-shaped commune; this cannot).
 *
 * @returns the point, or null for an empty geometry
 */
export const interiorPoint = (geometry: GeoGeometry | null): Position | null => {
  if (!geometry) return null;
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  if (!polygons.length) {
    if (geometry.type === 'Point') return geometry.coordinates;
    if (geometry.type === 'MultiPoint' || geometry.type === 'LineString')
      return geometry.coordinates[0] ?? null;
    return geometry.type === 'MultiLineString' ? (geometry.coordinates[0]?.[0] ?? null) : null;
  }
  let largest = polygons[0]!;
  let largestArea = -1;
  for (const polygon of polygons) {
    const area = Math.abs(ringArea(polygon[0] ?? []));
    if (area > largestArea) {
      largest = polygon;
      largestArea = area;
    }
  }
  const outer = largest[0] ?? [];
  if (!outer.length) return null;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [, y] of outer) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  // Lines a little off the middle too, in case the middle one only grazes a vertex.
  let best: { point: Position; width: number } | null = null;
  for (const share of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const y = minY + (maxY - minY) * share;
    const crossings: number[] = [];
    for (const points of largest) {
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i]!;
        const [xj, yj] = points[j]!;
        if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    crossings.sort((a, b) => a - b);
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      const width = crossings[i + 1]! - crossings[i]!;
      if (!best || width > best.width) best = { point: [(crossings[i]! + crossings[i + 1]!) / 2, y], width };
    }
    if (best && best.width > 0) break;
  }
  return best?.point ?? outer[0]!;
};
