import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import {
  ZAttachment,
  ZAttachmentQuery,
  ZCreateAdhocPeriodRequest,
  ZMyWork,
  ZPeriodDetail,
  ZPeriodUnitParams,
  ZReportActionRequest,
  ZReportingPeriod,
  ZReturnReportRequest,
  ZSaveReportRequest,
  ZSubmitReportRequest,
  ZUnitReport,
} from '@core/schemas/reporting.schemas';
import { z } from 'zod';
import { defineRoute, serviceRoute } from '../../http/route';
import {
  presentAttachment,
  presentPeriod,
  presentReportSummary,
  presentUnitReport,
} from './reporting.presenter';

const tags = ['Báo cáo định kỳ'];

export const reportingRoutes = [
  serviceRoute({
    method: 'GET',
    path: '/api/v1/plans/:id/reporting-periods',
    operationId: 'listReportingPeriods',
    summary: 'Các kỳ báo cáo của kế hoạch (tạo theo chế độ báo cáo đến năm hiện tại)',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams },
    data: z.array(ZReportingPeriod),
    handler: async ({ params, meta }, { services }) =>
      (await services.reporting.listPeriods(meta, params.id)).map(presentPeriod),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/plans/:id/reporting-periods',
    operationId: 'createAdhocPeriod',
    summary: 'Yêu cầu báo cáo đột xuất (mở một kỳ báo cáo)',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams, body: ZCreateAdhocPeriodRequest },
    data: ZReportingPeriod,
    status: 201,
    handler: async ({ params, body, meta }, { services }) =>
      presentPeriod(await services.reporting.createAdhocPeriod(meta, params.id, body)),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id',
    operationId: 'getReportingPeriod',
    summary: 'Kỳ báo cáo: đơn vị nào phải báo cáo, đã nộp chưa, đúng hạn hay muộn',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, response: { 200: dataOf(ZPeriodDetail) } },
    handler: async ({ params, meta }, { services }) => {
      const { period, plan, obligations, canEnterOnBehalf } = await services.reporting.getPeriod(
        meta,
        params.id,
      );
      return {
        status: 200,
        body: {
          data: {
            ...presentPeriod(period),
            planTitle: plan.title,
            canEnterOnBehalf,
            obligations: obligations.map((row) => ({
              ...row,
              report: row.report ? presentReportSummary(row.report) : null,
            })),
          },
        },
      };
    },
  }),
  serviceRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/units/:unitId/report',
    operationId: 'getUnitReport',
    summary: 'Báo cáo của một đơn vị trong kỳ (kể cả khi chưa bắt đầu)',
    tags,
    permission: 'report:read',
    schema: { params: ZPeriodUnitParams },
    data: ZUnitReport,
    handler: async ({ params, meta }, { services }) =>
      presentUnitReport(await services.reporting.getUnitReport(meta, params.id, params.unitId)),
  }),
  serviceRoute({
    method: 'PUT',
    path: '/api/v1/reporting-periods/:id/units/:unitId/report',
    operationId: 'saveUnitReport',
    summary: 'Lưu bản nháp báo cáo của đơn vị (kèm số phiên bản đã tải để tránh ghi đè)',
    tags,
    permission: 'report:write',
    schema: { params: ZPeriodUnitParams, body: ZSaveReportRequest },
    data: ZUnitReport,
    handler: async ({ params, body, meta }, { services }) =>
      presentUnitReport(await services.reporting.saveDraft(meta, params.id, params.unitId, body)),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/reporting-periods/:id/units/:unitId/report/on-behalf',
    operationId: 'startUnitReportOnBehalf',
    summary: 'Cơ quan thường trực nhập thay báo cáo cho đơn vị chưa có tài khoản (theo báo cáo giấy)',
    tags,
    permission: 'report:write',
    schema: { params: ZPeriodUnitParams },
    data: ZUnitReport,
    handler: async ({ params, meta }, { services }) =>
      presentUnitReport(await services.reporting.startOnBehalf(meta, params.id, params.unitId)),
  }),
  serviceRoute({
    method: 'GET',
    path: '/api/v1/my-work',
    operationId: 'getMyWork',
    summary:
      'Việc của tôi: báo cáo đơn vị mình phải nộp (hạn, số ngày còn lại, tình trạng, lý do trả lại) và báo cáo đang chờ mình xem xét',
    tags,
    permission: 'report:read',
    data: ZMyWork,
    handler: ({ meta }, { services }) => services.reporting.getMyWork(meta),
  }),
  serviceRoute({
    method: 'GET',
    path: '/api/v1/unit-reports/:id',
    operationId: 'getUnitReportVersion',
    summary: 'Một phiên bản báo cáo của đơn vị (kể cả bản trước đã được thay thế), chỉ để xem',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams },
    data: ZUnitReport,
    handler: async ({ params, meta }, { services }) =>
      presentUnitReport(await services.reporting.getReportVersion(meta, params.id)),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/unit-reports/:id/submit',
    operationId: 'submitUnitReport',
    summary: 'Nộp báo cáo',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams, body: ZSubmitReportRequest },
    data: ZUnitReport,
    handler: async ({ params, body, meta }, { services }) =>
      presentUnitReport(await services.reporting.submit(meta, params.id, body.revision, body.lateReason)),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/unit-reports/:id/return',
    operationId: 'returnUnitReport',
    summary: 'Trả lại báo cáo kèm lý do',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams, body: ZReturnReportRequest },
    data: ZUnitReport,
    handler: async ({ params, body, meta }, { services }) =>
      presentUnitReport(
        await services.reporting.returnReport(meta, params.id, body.revision, body.reason, body.comments),
      ),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/unit-reports/:id/accept',
    operationId: 'acceptUnitReport',
    summary: 'Chấp nhận báo cáo (khóa lại)',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams, body: ZReportActionRequest },
    data: ZUnitReport,
    handler: async ({ params, body, meta }, { services }) =>
      presentUnitReport(await services.reporting.accept(meta, params.id, body.revision)),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/unit-reports/:id/corrections',
    operationId: 'correctUnitReport',
    summary: 'Tạo bản điều chỉnh của báo cáo đã chấp nhận (phiên bản mới, giữ bản cũ)',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams },
    data: ZUnitReport,
    status: 201,
    handler: async ({ params, meta }, { services }) =>
      presentUnitReport(await services.reporting.correct(meta, params.id)),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/unit-reports/:id/attachments',
    operationId: 'addAttachment',
    summary: 'Đính kèm tệp minh chứng (nội dung tệp, tên tệp trong tiêu đề X-File-Name)',
    tags,
    permission: 'report:write',
    upload: true,
    schema: { params: ZIdParams, query: ZAttachmentQuery },
    data: ZAttachment,
    status: 201,
    handler: async ({ params, query, upload, meta }, { services }) =>
      presentAttachment(await services.reporting.addAttachment(meta, params.id, upload!, query)),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/attachments/:id',
    operationId: 'downloadAttachment',
    summary: 'Tải tệp minh chứng',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, response: { 200: null } },
    handler: async ({ params, meta }, { services }) => {
      const { row, bytes } = await services.reporting.readAttachment(meta, params.id);
      return { status: 200, file: { bytes, contentType: row.contentType, fileName: row.fileName } };
    },
  }),
  serviceRoute({
    method: 'DELETE',
    path: '/api/v1/attachments/:id',
    operationId: 'deleteAttachment',
    summary: 'Gỡ tệp minh chứng khỏi báo cáo đang soạn',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams },
    status: 204,
    handler: ({ params, meta }, { services }) => services.reporting.removeAttachment(meta, params.id),
  }),
];
