import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import { ZLocalityOverview, ZOverviewQuery } from '@core/schemas/overview.schemas';
import { defineRoute } from '../../http/route';

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities/:id/overview',
    operationId: 'getLocalityOverview',
    summary:
      'Tổng quan địa bàn trong một năm: xếp hạng các xã, phường trực thuộc (báo cáo, chỉ tiêu, nhiệm vụ quá hạn, điểm, màu) và tổng hợp chỉ tiêu chuẩn',
    tags: ['Đánh giá'],
    permission: 'report:read',
    schema: { params: ZIdParams, query: ZOverviewQuery, response: { 200: dataOf(ZLocalityOverview) } },
    handler: async ({ params, query, meta }, { services }) => ({
      status: 200,
      body: { data: await services.overview.getLocalityOverview(meta, params.id, query) },
    }),
  }),
];
