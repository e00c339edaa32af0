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
import { routesOf } from '../../http/route-shapes';
import { presentLocality, presentLocalityDetail } from './locality.presenter';

const route = routesOf(['Địa phương'], { answers: ZLocality });

export const localityRoutes = [
  route.page({
    path: '/api/v1/localities',
    operationId: 'listLocalities',
    summary: 'Danh sách địa phương theo trang (tìm không dấu theo tên hoặc mã; lọc theo cấp trên, cấp, loại)',
    permission: 'locality:read',
    query: ZListLocalitiesQuery,
    call: async ({ query, meta }, { locality }) => {
      const { rows, total } = await locality.list(meta, query);
      return { rows: rows.map(presentLocality), total };
    },
  }),
  route.read({
    path: '/api/v1/localities/:id',
    operationId: 'getLocality',
    summary: 'Một địa phương, với các đơn vị hình thành nên nó và nơi nó sáp nhập vào',
    permission: 'locality:read',
    data: ZLocalityDetail,
    call: async ({ params, meta }, { locality }) =>
      presentLocalityDetail(await locality.getWithHistory(meta, params.id)),
  }),
  route.change({
    method: 'PATCH',
    path: '/api/v1/localities/:id',
    operationId: 'updateLocality',
    summary: 'Sửa thiết lập của địa phương (tên tiếng Anh, ngưỡng xếp loại)',
    permission: 'locality:write',
    body: ZUpdateLocalityRequest,
    call: async ({ params, body, meta }, { locality }) =>
      presentLocality(await locality.updateSettings(meta, params.id, body)),
  }),
  route.create({
    path: '/api/v1/localities',
    operationId: 'createLocality',
    summary: 'Tạo địa phương',
    permission: 'locality:write',
    params: null,
    body: ZCreateLocalityRequest,
    call: async ({ body, meta }, { locality }) => presentLocality(await locality.create(meta, body)),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/locality-changes',
    operationId: 'applyLocalityChanges',
    summary:
      'Ghi các thay đổi đơn vị hành chính có ngày hiệu lực (đổi tên, đổi loại, sáp nhập, chia tách): tất cả hoặc không; chạy lại cùng thay đổi không ghi thêm',
    permission: 'locality:write',
    params: null,
    body: ZApplyLocalityChangesRequest,
    data: ZApplyLocalityChangesResult,
    call: ({ body, meta }, { localityChange }) => localityChange.apply(meta, body),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/locality-changes/preview',
    operationId: 'previewLocalityChanges',
    summary:
      'Xem trước các thay đổi đơn vị hành chính: cùng kiểm tra và kết quả như khi ghi (đơn vị hết hiệu lực, đơn vị kế thừa, kế hoạch, vai trò cần giao lại), không ghi gì',
    permission: 'locality:write',
    params: null,
    body: ZApplyLocalityChangesRequest,
    data: ZApplyLocalityChangesResult,
    call: ({ body, meta }, { localityChange }) => localityChange.preview(meta, body),
  }),
];
