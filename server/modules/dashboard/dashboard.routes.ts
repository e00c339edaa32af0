import { ZIdParams } from '@core/schemas/common.schemas';
import { ZDashboardQuery, ZPlanDashboard } from '@core/schemas/dashboard.schemas';
import { serviceRoute } from '../../http/route';

export const dashboardRoutes = [
  serviceRoute({
    method: 'GET',
    path: '/api/v1/plans/:id/dashboard',
    operationId: 'getPlanDashboard',
    summary:
      'Bảng điều hành của kế hoạch trong một kỳ: chỉ tiêu so với lộ trình, nhiệm vụ, báo cáo, xếp hạng đơn vị',
    tags: ['Đánh giá'],
    permission: 'report:read',
    schema: { params: ZIdParams, query: ZDashboardQuery },
    data: ZPlanDashboard,
    handler: ({ params, query, meta }, { services }) =>
      services.dashboard.getPlanDashboard(meta, params.id, query.periodId),
  }),
];
