import { ZIdParams } from '@core/schemas/common.schemas';
import {
  ZCreateIndicatorRequest,
  ZIndicator,
  ZPutTargetRequest,
  ZTargetYearParams,
  ZUpdateIndicatorRequest,
} from '@core/schemas/indicator.schemas';
import { serviceRoute } from '../../http/route';
import { presentIndicator } from './indicator.presenter';
import type { EditableIndicator } from './indicator.service';

const presentEditable = (row: EditableIndicator) => presentIndicator(row, { edit: row.canEdit });

const tags = ['Chỉ tiêu'];

export const indicatorRoutes = [
  serviceRoute({
    method: 'POST',
    path: '/api/v1/plans/:id/indicators',
    operationId: 'createIndicator',
    summary: 'Thêm chỉ tiêu vào kế hoạch',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZCreateIndicatorRequest },
    data: ZIndicator,
    status: 201,
    handler: async ({ params, body, meta }, { services }) =>
      presentEditable(await services.indicator.create(meta, params.id, body)),
  }),
  serviceRoute({
    method: 'PATCH',
    path: '/api/v1/indicators/:id',
    operationId: 'updateIndicator',
    summary: 'Sửa chỉ tiêu',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZUpdateIndicatorRequest },
    data: ZIndicator,
    handler: async ({ params, body, meta }, { services }) =>
      presentEditable(await services.indicator.update(meta, params.id, body)),
  }),
  serviceRoute({
    method: 'DELETE',
    path: '/api/v1/indicators/:id',
    operationId: 'deleteIndicator',
    summary: 'Xóa chỉ tiêu',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams },
    status: 204,
    handler: ({ params, meta }, { services }) => services.indicator.remove(meta, params.id),
  }),
  serviceRoute({
    method: 'PUT',
    path: '/api/v1/indicators/:id/targets/:year',
    operationId: 'putTarget',
    summary: 'Đặt mục tiêu của một năm (tạo mới hoặc thay thế)',
    tags,
    permission: 'plan:write',
    schema: { params: ZTargetYearParams, body: ZPutTargetRequest },
    data: ZIndicator,
    handler: async ({ params, body, meta }, { services }) =>
      presentEditable(await services.indicator.putTarget(meta, params.id, params.year, body)),
  }),
  serviceRoute({
    method: 'DELETE',
    path: '/api/v1/indicators/:id/targets/:year',
    operationId: 'deleteTarget',
    summary: 'Xóa mục tiêu của một năm',
    tags,
    permission: 'plan:write',
    schema: { params: ZTargetYearParams },
    status: 204,
    handler: ({ params, meta }, { services }) =>
      services.indicator.removeTarget(meta, params.id, params.year),
  }),
];
