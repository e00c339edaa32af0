/**
 * The boundary files shipped with the product, decoded with core's TopoJSON decoder: every province and
 * every commune of the register has a closed, non-empty boundary with an interior point inside it, and
 * the decoder gives the files' own bounding box (Việt Nam, Hoàng Sa and Trường Sa included).
 */
import { readFileSync } from 'node:fs';
import {
  type GeoGeometry,
  interiorPoint,
  type Position,
  pointInPolygon,
  type Topology,
  topologyFeatures,
} from '@core/domain/topojson';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { readRegister } from '../locality/locality.register';
import { BOUNDARY_DIR, createBoundaryService } from './boundary.service';

const read = (path: string): Topology => JSON.parse(readFileSync(`${BOUNDARY_DIR}/${path}`, 'utf8'));

const polygonsOf = (geometry: GeoGeometry | null): Position[][][] =>
  geometry?.type === 'Polygon'
    ? [geometry.coordinates]
    : geometry?.type === 'MultiPolygon'
      ? geometry.coordinates
      : [];

/** Checks a decoded feature: closed rings of ≥ 4 positions inside the country's box, a point inside. */
const expectDrawable = (geometry: GeoGeometry | null, label: string) => {
  const polygons = polygonsOf(geometry);
  expect(polygons.length, label).toBeGreaterThan(0);
  for (const polygon of polygons) {
    for (const ring of polygon) {
      expect(ring.length, label).toBeGreaterThanOrEqual(4);
      expect(ring[0], label).toEqual(ring[ring.length - 1]);
      // Inside the box of Việt Nam with its islands (Trường Sa reaches 117.7° E and 7.3° N).
      const outside = ring.filter(([x, y]) => !(x > 102 && x < 118 && y > 6.5 && y < 23.5));
      expect(outside, label).toEqual([]);
    }
  }
  const point = interiorPoint(geometry)!;
  expect(
    polygons.some((polygon) => pointInPolygon(point, polygon)),
    label,
  ).toBe(true);
};

describe('boundary files', () => {
  const register = readRegister();

  it('should decode the provinces file into the 34 provinces of the register, each drawable', () => {
    const features = topologyFeatures<{ code: string; name: string }>(
      read('provinces.topo.json'),
      'provinces',
    ).features;
    expect(features.map((feature) => feature.properties.code).sort()).toEqual(
      register.provinces.map((province) => province.code).sort(),
    );
    for (const feature of features) expectDrawable(feature.geometry, feature.properties.name);
    // Hà Nội lies around 105.8° E, 21° N: the transform and delta decoding put it there.
    const haNoi = features.find((feature) => feature.properties.code === '01')!;
    const point = interiorPoint(haNoi.geometry)!;
    expect(point[0]).toBeGreaterThan(105.2);
    expect(point[0]).toBeLessThan(106.1);
    expect(point[1]).toBeGreaterThan(20.5);
    expect(point[1]).toBeLessThan(21.4);
  });

  it('should decode every commune file: each of the 3,321 communes drawable, none missing, none extra', () => {
    let count = 0;
    for (const province of register.provinces) {
      const features = topologyFeatures<{ code: string; name: string }>(
        read(`communes/${province.code}.topo.json`),
        'communes',
      ).features;
      expect(features.map((feature) => feature.properties.code).sort(), province.name).toEqual(
        province.communes.map((commune) => commune.code).sort(),
      );
      for (const feature of features)
        expectDrawable(feature.geometry, `${province.name}: ${feature.properties.name}`);
      count += features.length;
    }
    expect(count).toBe(3321);
  });

  it('should place Dân Tiến (05755) in Thái Nguyên, north of Hà Nội', () => {
    const features = topologyFeatures<{ code: string }>(read('communes/19.topo.json'), 'communes').features;
    const point = interiorPoint(features.find((feature) => feature.properties.code === '05755')!.geometry)!;
    expect(point[1]).toBeGreaterThan(21.3);
    expect(point[1]).toBeLessThan(22.1);
    expect(point[0]).toBeGreaterThan(105.5);
    expect(point[0]).toBeLessThan(106.3);
  });

  it('should know the 34 province codes and refuse another with a Vietnamese message', async () => {
    const service = createBoundaryService();
    expect(service.provinceCodes()).toEqual(register.provinces.map((province) => province.code).sort());
    expect(() => service.communes('00')).toThrow(AppError);
    expect(() => service.communes('00')).toThrow(/Chưa có ranh giới xã, phường của tỉnh, thành phố mã 00/);
    // The same promise for the same file: read once.
    expect(service.communes('19')).toBe(service.communes('19'));
    const file = await service.provinces();
    expect(JSON.parse(file.bytes.toString('utf8')).data.type).toBe('Topology');
  });
});
