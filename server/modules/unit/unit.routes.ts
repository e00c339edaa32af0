import { ZIdParams } from '@core/schemas/common.schemas';
import { ZCreateUnitRequest, ZUnit, ZUpdateUnitRequest } from '@core/schemas/locality.schemas';
import { z } from 'zod';
import { serviceRoute } from '../../http/route';
import { presentUnit } from './unit.presenter';

const tags = ['Đơn vị'];

export const unitRoutes = [
  serviceRoute({
    method: 'GET',
    path: '/api/v1/localities/:id/units',
    operationId: 'listUnits',
    summary: 'Các cơ quan, đơn vị của một địa phương',
    tags,
    permission: 'unit:read',
    schema: { params: ZIdParams },
    data: z.array(ZUnit),
    handler: async ({ params, meta }, { services }) =>
      (await services.unit.listByLocality(meta, params.id)).map(presentUnit),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/localities/:id/units',
    operationId: 'createUnit',
    summary: 'Thêm đơn vị',
    tags,
    permission: 'unit:write',
    schema: { params: ZIdParams, body: ZCreateUnitRequest },
    data: ZUnit,
    status: 201,
    handler: async ({ params, body, meta }, { services }) =>
      presentUnit(await services.unit.create(meta, params.id, body)),
  }),
  serviceRoute({
    method: 'PATCH',
    path: '/api/v1/units/:id',
    operationId: 'updateUnit',
    summary: 'Sửa đơn vị',
    tags,
    permission: 'unit:write',
    schema: { params: ZIdParams, body: ZUpdateUnitRequest },
    data: ZUnit,
    handler: async ({ params, body, meta }, { services }) =>
      presentUnit(await services.unit.update(meta, params.id, body)),
  }),
  serviceRoute({
    method: 'DELETE',
    path: '/api/v1/units/:id',
    operationId: 'deleteUnit',
    summary: 'Xóa đơn vị (khi không còn được giao việc)',
    tags,
    permission: 'unit:write',
    schema: { params: ZIdParams },
    status: 204,
    handler: ({ params, meta }, { services }) => services.unit.remove(meta, params.id),
  }),
];
