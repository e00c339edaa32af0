import { dataOf } from '@core/schemas/common.schemas';
import { ZConsolidatedVersionQuery } from '@core/schemas/consolidation.schemas';
import {
  ZImportPackageResult,
  ZInstanceSigningKey,
  ZReceivedPackage,
  ZRegisteredSigningKey,
  ZRegisterSigningKeyRequest,
} from '@core/schemas/exchange.schemas';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import { routesOf } from '../../http/route-shapes';

const tags = ['Trao đổi với cấp trên'];
const route = routesOf(tags);

export const exchangeRoutes = [
  route.download({
    path: '/api/v1/reporting-periods/:id/consolidated-report/submission-package.zip',
    operationId: 'exportSubmissionPackage',
    summary:
      'Gói báo cáo gửi cấp trên (ZIP) của báo cáo tổng hợp đã phê duyệt: Word, PDF, bảng Excel theo danh mục chuẩn, figures.json và manifest.json có mã SHA-256 (?version=N: một phiên bản đã phê duyệt); xem docs/open-data.md',
    permission: 'report:read',
    apiKey: 'read',
    query: ZConsolidatedVersionQuery,
    call: ({ params, query, meta }, { exchange }) =>
      exchange.submissionPackage(meta, params.id, query.version),
  }),
  route.download({
    path: '/api/v1/reporting-periods/:id/consolidated-report/dhis2.json',
    operationId: 'exportDhis2DataValueSet',
    summary:
      'Số liệu của báo cáo tổng hợp đã phê duyệt dạng DHIS2 dataValueSets (mã danh mục là dataElement, mã đơn vị hành chính là orgUnit, kỳ theo ký hiệu DHIS2)',
    permission: 'report:read',
    apiKey: 'read',
    query: ZConsolidatedVersionQuery,
    call: ({ params, query, meta }, { exchange }) => exchange.dataValueSet(meta, params.id, query.version),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/submission-packages',
    operationId: 'importSubmissionPackage',
    summary:
      'Tỉnh nhận gói báo cáo của một xã, phường thuộc tỉnh (tệp .zip trong thân yêu cầu, tên tệp trong tiêu đề X-File-Name): kiểm tra mã SHA-256, lược đồ và mã đơn vị hành chính; gửi lại cùng gói không thay đổi gì (200), gói mới 201',
    tags,
    // Read is the coarse gate: a province's leader or administrator imports; the service asks the policy.
    permission: 'report:read',
    apiKey: 'submit',
    upload: true,
    schema: { response: { 200: dataOf(ZImportPackageResult), 201: dataOf(ZImportPackageResult) } },
    handler: async ({ upload, meta }, { services }) => {
      const result = await services.exchange.importPackage(meta, upload!);
      return { status: result.outcome === 'created' ? 201 : 200, body: { data: result } };
    },
  }),
  route.read({
    path: '/api/v1/localities/:id/submission-packages',
    operationId: 'listSubmissionPackages',
    summary: 'Các gói báo cáo đã nhận của địa phương và các xã, phường trực thuộc, kèm số liệu',
    permission: 'report:read',
    apiKey: 'read',
    data: z.array(ZReceivedPackage),
    call: ({ params, meta }, { exchange }) => exchange.listReceived(meta, params.id),
  }),
  route.read({
    path: '/api/v1/instance/signing-key',
    operationId: 'getInstanceSigningKey',
    summary:
      'Khóa công khai Ed25519 của hệ thống này (PEM) và dấu vân tay: gửi cho tỉnh để tỉnh đăng ký; gói báo cáo do hệ thống này lập được ký bằng khóa bí mật đi cùng, không bao giờ rời máy chủ',
    permission: 'report:read',
    params: null,
    data: ZInstanceSigningKey,
    call: (_input, { signingKeys }) => signingKeys.publicInstanceKey(),
  }),
  route.create({
    path: '/api/v1/localities/:id/signing-keys',
    operationId: 'registerSigningKey',
    summary:
      'Tỉnh đăng ký khóa công khai của hệ thống một xã, phường (dán khóa PEM): gói của xã phải được ký bằng một khóa đã đăng ký, chưa thu hồi',
    permission: 'locality:write',
    body: ZRegisterSigningKeyRequest,
    data: ZRegisteredSigningKey,
    call: ({ params, body, meta }, { signingKeys }) => signingKeys.register(meta, params.id, body),
  }),
  route.read({
    path: '/api/v1/localities/:id/signing-keys',
    operationId: 'listSigningKeys',
    summary: 'Các khóa công khai đã đăng ký cho hệ thống của một xã, phường',
    permission: 'locality:write',
    data: z.array(ZRegisteredSigningKey),
    call: ({ params, meta }, { signingKeys }) => signingKeys.list(meta, params.id),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/signing-keys/:id/revoke',
    operationId: 'revokeSigningKey',
    summary: 'Thu hồi một khóa công khai đã đăng ký: gói ký bằng khóa này bị từ chối từ đây',
    permission: 'locality:write',
    data: ZRegisteredSigningKey,
    call: ({ params, meta }, { signingKeys }) => signingKeys.revoke(meta, params.id),
  }),
];
