import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import {
  ZLocalityOverview,
  ZOverviewChaseRequest,
  ZOverviewChaseResult,
  ZOverviewExportQuery,
  ZOverviewQuery,
} from '@core/schemas/overview.schemas';
import { defineRoute } from '../../http/route';

const tags = ['Đánh giá'];

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities/:id/overview',
    operationId: 'getLocalityOverview',
    summary:
      'Tổng quan địa bàn trong một năm: xếp hạng các xã, phường trực thuộc (báo cáo, chỉ tiêu, nhiệm vụ quá hạn, điểm, màu) và tổng hợp chỉ tiêu chuẩn',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, query: ZOverviewQuery, response: { 200: dataOf(ZLocalityOverview) } },
    handler: async ({ params, query, meta }, { services }) => ({
      status: 200,
      body: { data: await services.overview.getLocalityOverview(meta, params.id, query) },
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities/:id/overview.xlsx',
    operationId: 'exportLocalityOverviewXlsx',
    summary: 'Tổng quan địa bàn (Excel): các dòng đang lọc theo màu, tình trạng và tên, như trên trang',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, query: ZOverviewExportQuery, response: { 200: null } },
    handler: async ({ params, query, meta }, { services }) => ({
      status: 200,
      file: await services.overview.exportLocalities(meta, params.id, query),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/localities/:id/overview/chase',
    operationId: 'chaseLateLocalities',
    summary:
      'Đôn đốc: nhắc cơ quan thường trực của các xã, phường đã chọn đang chậm báo cáo (mỗi xã một lần trong ngày, ghi nhật ký)',
    tags,
    permission: 'report:read',
    schema: {
      params: ZIdParams,
      body: ZOverviewChaseRequest,
      response: { 200: dataOf(ZOverviewChaseResult) },
    },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.overview.chaseLate(meta, params.id, body) },
    }),
  }),
];
