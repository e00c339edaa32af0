import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import { ZCreateLocalityRequest, ZListLocalitiesQuery, ZLocality } from '@core/schemas/locality.schemas';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { presentLocality } from './locality.presenter';

const tags = ['Địa phương'];

export const localityRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities',
    operationId: 'listLocalities',
    summary: 'Danh sách địa phương (lọc theo cấp trên hoặc cấp)',
    tags,
    permission: 'locality:read',
    schema: { query: ZListLocalitiesQuery, response: { 200: dataOf(z.array(ZLocality)) } },
    handler: async ({ query, meta }, { services }) => ({
      status: 200,
      body: { data: (await services.locality.list(meta, query)).map(presentLocality) },
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities/:id',
    operationId: 'getLocality',
    summary: 'Một địa phương',
    tags,
    permission: 'locality:read',
    schema: { params: ZIdParams, response: { 200: dataOf(ZLocality) } },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      body: { data: presentLocality(await services.locality.get(meta, params.id)) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/localities',
    operationId: 'createLocality',
    summary: 'Tạo địa phương',
    tags,
    permission: 'locality:write',
    schema: { body: ZCreateLocalityRequest, response: { 201: dataOf(ZLocality) } },
    handler: async ({ body, meta }, { services }) => ({
      status: 201,
      body: { data: presentLocality(await services.locality.create(meta, body)) },
    }),
  }),
];
