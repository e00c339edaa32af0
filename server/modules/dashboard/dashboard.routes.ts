import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import { ZDashboardQuery, ZPlanDashboard } from '@core/schemas/dashboard.schemas';
import { defineRoute } from '../../http/route';

export const dashboardRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:id/dashboard',
    operationId: 'getPlanDashboard',
    summary:
      'Bảng điều hành của kế hoạch trong một kỳ: chỉ tiêu so với lộ trình, nhiệm vụ, báo cáo, xếp hạng đơn vị',
    tags: ['Đánh giá'],
    permission: 'report:read',
    schema: { params: ZIdParams, query: ZDashboardQuery, response: { 200: dataOf(ZPlanDashboard) } },
    handler: async ({ params, query, meta }, { services }) => ({
      status: 200,
      body: { data: await services.dashboard.getPlanDashboard(meta, params.id, query.periodId) },
    }),
  }),
];
