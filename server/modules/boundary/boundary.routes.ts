/**
 * Boundaries for the overview map. Authorization rule: **public** — province and commune boundaries are
 * public geography (the government's published merger map), the same for every user and no one's data,
 * so they are read without a session like the public site. Each answer is cacheable (ETag, a week of
 * max-age, gzip when asked); the web fetches the provinces file for the nation and only the file of
 * the province being looked at.
 */

import { ZBoundaryProvinceParams, ZTopology } from '@core/schemas/boundary.schemas';
import { dataOf } from '@core/schemas/common.schemas';
import { defineRoute } from '../../http/route';

const tags = ['Ranh giới hành chính'];

export const boundaryRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/boundaries/provinces',
    operationId: 'getProvinceBoundaries',
    summary: 'Ranh giới 34 tỉnh, thành phố (TopoJSON đã giản lược, mã theo danh mục hành chính)',
    tags,
    permission: 'public',
    schema: { response: { 200: dataOf(ZTopology) } },
    handler: async (_input, { services }) => ({
      status: 200,
      cacheable: await services.boundary.provinces(),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/boundaries/provinces/:code/communes',
    operationId: 'getCommuneBoundaries',
    summary: 'Ranh giới các xã, phường, đặc khu của một tỉnh, thành phố (TopoJSON đã giản lược)',
    tags,
    permission: 'public',
    schema: { params: ZBoundaryProvinceParams, response: { 200: dataOf(ZTopology) } },
    handler: async ({ params }, { services }) => ({
      status: 200,
      cacheable: await services.boundary.communes(params.code),
    }),
  }),
];
