import { pageOf, ZIdParams } from '@core/schemas/common.schemas';
import {
  ZCreatePlanRequest,
  ZListPlansQuery,
  ZPlanDetail,
  ZPlanSummary,
  ZUpdatePlanRequest,
} from '@core/schemas/plan.schemas';
import { defineRoute, serviceRoute } from '../../http/route';
import { presentPlanDetail, presentPlanSummary } from './plan.presenter';

const tags = ['Kế hoạch'];

export const planRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans',
    operationId: 'listPlans',
    summary: 'Danh sách kế hoạch theo trang (tìm không dấu theo số hiệu, cơ quan, trích yếu)',
    tags,
    permission: 'plan:read',
    schema: { query: ZListPlansQuery, response: { 200: pageOf(ZPlanSummary) } },
    handler: async ({ query, meta }, { services }) => {
      const { rows, total } = await services.plan.list(
        meta,
        { query: query.q, localityId: query.localityId },
        { limit: query.limit, offset: query.offset },
      );
      return {
        status: 200,
        body: {
          data: rows.map(presentPlanSummary),
          pagination: { total, limit: query.limit, offset: query.offset },
        },
      };
    },
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/plans',
    operationId: 'createPlan',
    summary: 'Tạo kế hoạch',
    tags,
    permission: 'plan:write',
    schema: { body: ZCreatePlanRequest },
    data: ZPlanDetail,
    status: 201,
    handler: async ({ body, meta }, { services }) =>
      presentPlanDetail(await services.plan.create(meta, body)),
  }),
  serviceRoute({
    method: 'GET',
    path: '/api/v1/plans/:id',
    operationId: 'getPlan',
    summary: 'Kế hoạch với chỉ tiêu, mục tiêu theo năm và nhiệm vụ',
    tags,
    permission: 'plan:read',
    schema: { params: ZIdParams },
    data: ZPlanDetail,
    handler: async ({ params, meta }, { services }) =>
      presentPlanDetail(await services.plan.get(meta, params.id)),
  }),
  serviceRoute({
    method: 'PATCH',
    path: '/api/v1/plans/:id',
    operationId: 'updatePlan',
    summary: 'Sửa thông tin chung của kế hoạch',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams, body: ZUpdatePlanRequest },
    data: ZPlanDetail,
    handler: async ({ params, body, meta }, { services }) =>
      presentPlanDetail(await services.plan.update(meta, params.id, body)),
  }),
  serviceRoute({
    method: 'DELETE',
    path: '/api/v1/plans/:id',
    operationId: 'deletePlan',
    summary: 'Xóa kế hoạch cùng chỉ tiêu và nhiệm vụ',
    tags,
    permission: 'plan:write',
    schema: { params: ZIdParams },
    status: 204,
    handler: ({ params, meta }, { services }) => services.plan.remove(meta, params.id),
  }),
];
