import { ZCreateUnitRequest, ZUnit, ZUpdateUnitRequest } from '@core/schemas/locality.schemas';
import { z } from 'zod';
import { routesOf } from '../../http/route-shapes';
import { presentUnit } from './unit.presenter';

const route = routesOf(['Đơn vị'], { answers: ZUnit });

export const unitRoutes = [
  route.read({
    path: '/api/v1/localities/:id/units',
    operationId: 'listUnits',
    summary: 'Các cơ quan, đơn vị của một địa phương',
    permission: 'unit:read',
    data: z.array(ZUnit),
    call: async ({ params, meta }, { unit }) => (await unit.listByLocality(meta, params.id)).map(presentUnit),
  }),
  route.create({
    path: '/api/v1/localities/:id/units',
    operationId: 'createUnit',
    summary: 'Thêm đơn vị',
    permission: 'unit:write',
    body: ZCreateUnitRequest,
    call: async ({ params, body, meta }, { unit }) => presentUnit(await unit.create(meta, params.id, body)),
  }),
  route.change({
    method: 'PATCH',
    path: '/api/v1/units/:id',
    operationId: 'updateUnit',
    summary: 'Sửa đơn vị',
    permission: 'unit:write',
    body: ZUpdateUnitRequest,
    call: async ({ params, body, meta }, { unit }) => presentUnit(await unit.update(meta, params.id, body)),
  }),
  route.remove({
    path: '/api/v1/units/:id',
    operationId: 'deleteUnit',
    summary: 'Xóa đơn vị (khi không còn được giao việc)',
    permission: 'unit:write',
    call: ({ params, meta }, { unit }) => unit.remove(meta, params.id),
  }),
];
