import { dataOf, pageOf, ZIdParams } from '@core/schemas/common.schemas';
import {
  ZCreateLocalityRequest,
  ZListLocalitiesQuery,
  ZLocality,
  ZLocalityDetail,
  ZUpdateLocalityRequest,
} from '@core/schemas/locality.schemas';
import {
  ZApplyLocalityChangesRequest,
  ZApplyLocalityChangesResult,
} from '@core/schemas/locality-change.schemas';
import { defineRoute } from '../../http/route';
import { presentLocality, presentLocalityDetail } from './locality.presenter';

const tags = ['Địa phương'];

export const localityRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities',
    operationId: 'listLocalities',
    summary: 'Danh sách địa phương theo trang (tìm không dấu theo tên hoặc mã; lọc theo cấp trên, cấp, loại)',
    tags,
    permission: 'locality:read',
    schema: { query: ZListLocalitiesQuery, response: { 200: pageOf(ZLocality) } },
    handler: async ({ query, meta }, { services }) => {
      const { rows, total } = await services.locality.list(meta, query);
      return {
        status: 200,
        body: {
          data: rows.map(presentLocality),
          pagination: { total, limit: query.limit, offset: query.offset },
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities/:id',
    operationId: 'getLocality',
    summary: 'Một địa phương, với các đơn vị hình thành nên nó và nơi nó sáp nhập vào',
    tags,
    permission: 'locality:read',
    schema: { params: ZIdParams, response: { 200: dataOf(ZLocalityDetail) } },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      body: { data: presentLocalityDetail(await services.locality.getWithHistory(meta, params.id)) },
    }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/localities/:id',
    operationId: 'updateLocality',
    summary: 'Sửa thiết lập của địa phương (tên tiếng Anh, ngưỡng xếp loại)',
    tags,
    permission: 'locality:write',
    schema: { params: ZIdParams, body: ZUpdateLocalityRequest, response: { 200: dataOf(ZLocality) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: presentLocality(await services.locality.updateSettings(meta, params.id, body)) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/localities',
    operationId: 'createLocality',
    summary: 'Tạo địa phương',
    tags,
    permission: 'locality:write',
    schema: { body: ZCreateLocalityRequest, response: { 201: dataOf(ZLocality) } },
    handler: async ({ body, meta }, { services }) => ({
      status: 201,
      body: { data: presentLocality(await services.locality.create(meta, body)) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/locality-changes',
    operationId: 'applyLocalityChanges',
    summary:
      'Ghi các thay đổi đơn vị hành chính có ngày hiệu lực (đổi tên, đổi loại, sáp nhập, chia tách): tất cả hoặc không; chạy lại cùng thay đổi không ghi thêm',
    tags,
    permission: 'locality:write',
    schema: { body: ZApplyLocalityChangesRequest, response: { 200: dataOf(ZApplyLocalityChangesResult) } },
    handler: async ({ body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.localityChange.apply(meta, body) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/locality-changes/preview',
    operationId: 'previewLocalityChanges',
    summary:
      'Xem trước các thay đổi đơn vị hành chính: cùng kiểm tra và kết quả như khi ghi (đơn vị hết hiệu lực, đơn vị kế thừa, kế hoạch, vai trò cần giao lại), không ghi gì',
    tags,
    permission: 'locality:write',
    schema: { body: ZApplyLocalityChangesRequest, response: { 200: dataOf(ZApplyLocalityChangesResult) } },
    handler: async ({ body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.localityChange.preview(meta, body) },
    }),
  }),
];
