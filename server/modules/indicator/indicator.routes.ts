import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import {
  ZCreateIndicatorRequest,
  ZIndicator,
  ZPutTargetRequest,
  ZTargetYearParams,
  ZUpdateIndicatorRequest,
} from '@core/schemas/indicator.schemas';
import { defineRoute } from '../../http/route';
import { presentIndicator } from './indicator.presenter';
import type { EditableIndicator } from './indicator.service';

const presentEditable = (row: EditableIndicator) => presentIndicator(row, { edit: row.canEdit });

const tags = ['Chỉ tiêu'];

export const indicatorRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:id/indicators',
    operationId: 'createIndicator',
    summary: 'Thêm chỉ tiêu vào kế hoạch',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZCreateIndicatorRequest, response: { 201: dataOf(ZIndicator) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 201,
      body: { data: presentEditable(await services.indicator.create(meta, params.id, body)) },
    }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/indicators/:id',
    operationId: 'updateIndicator',
    summary: 'Sửa chỉ tiêu',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZUpdateIndicatorRequest, response: { 200: dataOf(ZIndicator) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: presentEditable(await services.indicator.update(meta, params.id, body)) },
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/indicators/:id',
    operationId: 'deleteIndicator',
    summary: 'Xóa chỉ tiêu',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, response: { 204: null } },
    handler: async ({ params, meta }, { services }) => {
      await services.indicator.remove(meta, params.id);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/indicators/:id/targets/:year',
    operationId: 'putTarget',
    summary: 'Đặt mục tiêu của một năm (tạo mới hoặc thay thế)',
    tags,
    permission: 'plan:write',
    schema: { params: ZTargetYearParams, body: ZPutTargetRequest, response: { 200: dataOf(ZIndicator) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: {
        data: presentEditable(await services.indicator.putTarget(meta, params.id, params.year, body)),
      },
    }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/indicators/:id/targets/:year',
    operationId: 'deleteTarget',
    summary: 'Xóa mục tiêu của một năm',
    tags,
    permission: 'plan:write',
    schema: { params: ZTargetYearParams, response: { 204: null } },
    handler: async ({ params, meta }, { services }) => {
      await services.indicator.removeTarget(meta, params.id, params.year);
      return { status: 204 };
    },
  }),
];
