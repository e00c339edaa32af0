import {
  ZCreatePlanRequest,
  ZListPlansQuery,
  ZPlanDetail,
  ZPlanSummary,
  ZUpdatePlanRequest,
} from '@core/schemas/plan.schemas';
import { routesOf } from '../../http/route-shapes';
import { presentPlanDetail, presentPlanSummary } from './plan.presenter';

const route = routesOf(['Kế hoạch'], { answers: ZPlanDetail });

export const planRoutes = [
  route.page({
    path: '/api/v1/plans',
    operationId: 'listPlans',
    summary: 'Danh sách kế hoạch theo trang (tìm không dấu theo số hiệu, cơ quan, trích yếu)',
    permission: 'plan:read',
    query: ZListPlansQuery,
    data: ZPlanSummary,
    call: async ({ query, meta }, { plan }) => {
      const { rows, total } = await plan.list(
        meta,
        { query: query.q, localityId: query.localityId },
        { limit: query.limit, offset: query.offset },
      );
      return { rows: rows.map(presentPlanSummary), total };
    },
  }),
  route.create({
    path: '/api/v1/plans',
    operationId: 'createPlan',
    summary: 'Tạo kế hoạch',
    permission: 'plan:write',
    params: null,
    body: ZCreatePlanRequest,
    call: async ({ body, meta }, { plan }) => presentPlanDetail(await plan.create(meta, body)),
  }),
  route.read({
    path: '/api/v1/plans/:id',
    operationId: 'getPlan',
    summary: 'Kế hoạch với chỉ tiêu, mục tiêu theo năm và nhiệm vụ',
    permission: 'plan:read',
    call: async ({ params, meta }, { plan }) => presentPlanDetail(await plan.get(meta, params.id)),
  }),
  route.change({
    method: 'PATCH',
    path: '/api/v1/plans/:id',
    operationId: 'updatePlan',
    summary: 'Sửa thông tin chung của kế hoạch',
    permission: 'plan:write',
    body: ZUpdatePlanRequest,
    call: async ({ params, body, meta }, { plan }) =>
      presentPlanDetail(await plan.update(meta, params.id, body)),
  }),
  route.remove({
    path: '/api/v1/plans/:id',
    operationId: 'deletePlan',
    summary: 'Xóa kế hoạch cùng chỉ tiêu và nhiệm vụ',
    permission: 'plan:write',
    call: ({ params, meta }, { plan }) => plan.remove(meta, params.id),
  }),
];
