import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import { ZCreateUnitRequest, ZUnit, ZUpdateUnitRequest } from '@core/schemas/locality.schemas';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { presentUnit } from './unit.presenter';

const tags = ['Đơn vị'];

export const unitRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities/:id/units',
    operationId: 'listUnits',
    summary: 'Các cơ quan, đơn vị của một địa phương',
    tags,
    permission: 'unit:read',
    schema: { params: ZIdParams, response: { 200: dataOf(z.array(ZUnit)) } },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      body: { data: (await services.unit.listByLocality(meta, params.id)).map(presentUnit) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/localities/:id/units',
    operationId: 'createUnit',
    summary: 'Thêm đơn vị',
    tags,
    permission: 'unit:write',
    schema: { params: ZIdParams, body: ZCreateUnitRequest, response: { 201: dataOf(ZUnit) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 201,
      body: { data: presentUnit(await services.unit.create(meta, params.id, body)) },
    }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/units/:id',
    operationId: 'updateUnit',
    summary: 'Sửa đơn vị',
    tags,
    permission: 'unit:write',
    schema: { params: ZIdParams, body: ZUpdateUnitRequest, response: { 200: dataOf(ZUnit) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: presentUnit(await services.unit.update(meta, params.id, body)) },
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/units/:id',
    operationId: 'deleteUnit',
    summary: 'Xóa đơn vị (khi không còn được giao việc)',
    tags,
    permission: 'unit:write',
    schema: { params: ZIdParams, response: { 204: null } },
    handler: async ({ params, meta }, { services }) => {
      await services.unit.remove(meta, params.id);
      return { status: 204 };
    },
  }),
];
