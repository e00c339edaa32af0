import {
  ZLocalityOverview,
  ZOverviewChaseRequest,
  ZOverviewChaseResult,
  ZOverviewExportQuery,
  ZOverviewQuery,
} from '@core/schemas/overview.schemas';
import { routesOf } from '../../http/route-shapes';

const route = routesOf(['Đánh giá']);

export const overviewRoutes = [
  route.read({
    path: '/api/v1/localities/:id/overview',
    operationId: 'getLocalityOverview',
    summary:
      'Tổng quan địa bàn trong một năm: xếp hạng các xã, phường trực thuộc (báo cáo, chỉ tiêu, nhiệm vụ quá hạn, điểm, màu) và tổng hợp chỉ tiêu chuẩn',
    permission: 'report:read',
    query: ZOverviewQuery,
    data: ZLocalityOverview,
    call: ({ params, query, meta }, { overview }) => overview.getLocalityOverview(meta, params.id, query),
  }),
  route.download({
    path: '/api/v1/localities/:id/overview.xlsx',
    operationId: 'exportLocalityOverviewXlsx',
    summary: 'Tổng quan địa bàn (Excel): các dòng đang lọc theo màu, tình trạng và tên, như trên trang',
    permission: 'report:read',
    query: ZOverviewExportQuery,
    call: ({ params, query, meta }, { overview }) => overview.exportLocalities(meta, params.id, query),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/localities/:id/overview/chase',
    operationId: 'chaseLateLocalities',
    summary:
      'Đôn đốc: nhắc cơ quan thường trực của các xã, phường đã chọn đang chậm báo cáo (mỗi xã một lần trong ngày, ghi nhật ký)',
    permission: 'report:read',
    body: ZOverviewChaseRequest,
    data: ZOverviewChaseResult,
    call: ({ params, body, meta }, { overview }) => overview.chaseLate(meta, params.id, body),
  }),
];
