import {
  ZCreateIndicatorRequest,
  ZIndicator,
  ZPutTargetRequest,
  ZTargetYearParams,
  ZUpdateIndicatorRequest,
} from '@core/schemas/indicator.schemas';
import { routesOf } from '../../http/route-shapes';
import { presentIndicator } from './indicator.presenter';
import type { EditableIndicator } from './indicator.service';

const presentEditable = (row: EditableIndicator) => presentIndicator(row, { edit: row.canEdit });

const route = routesOf(['Chỉ tiêu'], { answers: ZIndicator });

export const indicatorRoutes = [
  route.create({
    path: '/api/v1/plans/:id/indicators',
    operationId: 'createIndicator',
    summary: 'Thêm chỉ tiêu vào kế hoạch',
    permission: 'plan:write',
    body: ZCreateIndicatorRequest,
    call: async ({ params, body, meta }, { indicator }) =>
      presentEditable(await indicator.create(meta, params.id, body)),
  }),
  route.change({
    method: 'PATCH',
    path: '/api/v1/indicators/:id',
    operationId: 'updateIndicator',
    summary: 'Sửa chỉ tiêu',
    permission: 'plan:write',
    body: ZUpdateIndicatorRequest,
    call: async ({ params, body, meta }, { indicator }) =>
      presentEditable(await indicator.update(meta, params.id, body)),
  }),
  route.remove({
    path: '/api/v1/indicators/:id',
    operationId: 'deleteIndicator',
    summary: 'Xóa chỉ tiêu',
    permission: 'plan:write',
    call: ({ params, meta }, { indicator }) => indicator.remove(meta, params.id),
  }),
  route.change({
    method: 'PUT',
    path: '/api/v1/indicators/:id/targets/:year',
    operationId: 'putTarget',
    summary: 'Đặt mục tiêu của một năm (tạo mới hoặc thay thế)',
    permission: 'plan:write',
    params: ZTargetYearParams,
    body: ZPutTargetRequest,
    call: async ({ params, body, meta }, { indicator }) =>
      presentEditable(await indicator.putTarget(meta, params.id, params.year, body)),
  }),
  route.remove({
    path: '/api/v1/indicators/:id/targets/:year',
    operationId: 'deleteTarget',
    summary: 'Xóa mục tiêu của một năm',
    permission: 'plan:write',
    params: ZTargetYearParams,
    call: ({ params, meta }, { indicator }) => indicator.removeTarget(meta, params.id, params.year),
  }),
];
