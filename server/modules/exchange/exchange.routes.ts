import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import { ZConsolidatedVersionQuery } from '@core/schemas/consolidation.schemas';
import { ZImportPackageResult, ZReceivedPackage } from '@core/schemas/exchange.schemas';
import { z } from 'zod';
import { defineRoute } from '../../http/route';

const tags = ['Trao đổi với cấp trên'];

export const exchangeRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/consolidated-report/submission-package.zip',
    operationId: 'exportSubmissionPackage',
    summary:
      'Gói báo cáo gửi cấp trên (ZIP) của báo cáo tổng hợp đã phê duyệt: Word, PDF, bảng Excel theo danh mục chuẩn, figures.json và manifest.json có mã SHA-256 (?version=N: một phiên bản đã phê duyệt); xem docs/open-data.md',
    tags,
    permission: 'report:read',
    apiKey: 'read',
    schema: { params: ZIdParams, query: ZConsolidatedVersionQuery, response: { 200: null } },
    handler: async ({ params, query, meta }, { services }) => ({
      status: 200,
      file: await services.exchange.submissionPackage(meta, params.id, query.version),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/consolidated-report/dhis2.json',
    operationId: 'exportDhis2DataValueSet',
    summary:
      'Số liệu của báo cáo tổng hợp đã phê duyệt dạng DHIS2 dataValueSets (mã danh mục là dataElement, mã đơn vị hành chính là orgUnit, kỳ theo ký hiệu DHIS2)',
    tags,
    permission: 'report:read',
    apiKey: 'read',
    schema: { params: ZIdParams, query: ZConsolidatedVersionQuery, response: { 200: null } },
    handler: async ({ params, query, meta }, { services }) => ({
      status: 200,
      file: await services.exchange.dataValueSet(meta, params.id, query.version),
    }),
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
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities/:id/submission-packages',
    operationId: 'listSubmissionPackages',
    summary: 'Các gói báo cáo đã nhận của địa phương và các xã, phường trực thuộc, kèm số liệu',
    tags,
    permission: 'report:read',
    apiKey: 'read',
    schema: { params: ZIdParams, response: { 200: dataOf(z.array(ZReceivedPackage)) } },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      body: { data: await services.exchange.listReceived(meta, params.id) },
    }),
  }),
];
