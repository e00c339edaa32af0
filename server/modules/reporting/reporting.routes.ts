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
import { routesOf } from '../../http/route-shapes';
import {
  presentAttachment,
  presentPeriod,
  presentReportSummary,
  presentUnitReport,
} from './reporting.presenter';

const route = routesOf(['Báo cáo định kỳ'], { answers: ZUnitReport });

export const reportingRoutes = [
  route.read({
    path: '/api/v1/plans/:id/reporting-periods',
    operationId: 'listReportingPeriods',
    summary: 'Các kỳ báo cáo của kế hoạch (tạo theo chế độ báo cáo đến năm hiện tại)',
    permission: 'report:read',
    data: z.array(ZReportingPeriod),
    call: async ({ params, meta }, { reporting }) =>
      (await reporting.listPeriods(meta, params.id)).map(presentPeriod),
  }),
  route.create({
    path: '/api/v1/plans/:id/reporting-periods',
    operationId: 'createAdhocPeriod',
    summary: 'Yêu cầu báo cáo đột xuất (mở một kỳ báo cáo)',
    permission: 'report:write',
    body: ZCreateAdhocPeriodRequest,
    data: ZReportingPeriod,
    call: async ({ params, body, meta }, { reporting }) =>
      presentPeriod(await reporting.createAdhocPeriod(meta, params.id, body)),
  }),
  route.read({
    path: '/api/v1/reporting-periods/:id',
    operationId: 'getReportingPeriod',
    summary: 'Kỳ báo cáo: đơn vị nào phải báo cáo, đã nộp chưa, đúng hạn hay muộn',
    permission: 'report:read',
    data: ZPeriodDetail,
    call: async ({ params, meta }, { reporting }) => {
      const { period, plan, obligations, canEnterOnBehalf } = await reporting.getPeriod(meta, params.id);
      return {
        ...presentPeriod(period),
        planTitle: plan.title,
        canEnterOnBehalf,
        obligations: obligations.map((row) => ({
          ...row,
          report: row.report ? presentReportSummary(row.report) : null,
        })),
      };
    },
  }),
  route.read({
    path: '/api/v1/reporting-periods/:id/units/:unitId/report',
    operationId: 'getUnitReport',
    summary: 'Báo cáo của một đơn vị trong kỳ (kể cả khi chưa bắt đầu)',
    permission: 'report:read',
    params: ZPeriodUnitParams,
    call: async ({ params, meta }, { reporting }) =>
      presentUnitReport(await reporting.getUnitReport(meta, params.id, params.unitId)),
  }),
  route.change({
    method: 'PUT',
    path: '/api/v1/reporting-periods/:id/units/:unitId/report',
    operationId: 'saveUnitReport',
    summary: 'Lưu bản nháp báo cáo của đơn vị (kèm số phiên bản đã tải để tránh ghi đè)',
    permission: 'report:write',
    params: ZPeriodUnitParams,
    body: ZSaveReportRequest,
    call: async ({ params, body, meta }, { reporting }) =>
      presentUnitReport(await reporting.saveDraft(meta, params.id, params.unitId, body)),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/reporting-periods/:id/units/:unitId/report/on-behalf',
    operationId: 'startUnitReportOnBehalf',
    summary: 'Cơ quan thường trực nhập thay báo cáo cho đơn vị chưa có tài khoản (theo báo cáo giấy)',
    permission: 'report:write',
    params: ZPeriodUnitParams,
    call: async ({ params, meta }, { reporting }) =>
      presentUnitReport(await reporting.startOnBehalf(meta, params.id, params.unitId)),
  }),
  route.read({
    path: '/api/v1/my-work',
    operationId: 'getMyWork',
    summary:
      'Việc của tôi: báo cáo đơn vị mình phải nộp (hạn, số ngày còn lại, tình trạng, lý do trả lại) và báo cáo đang chờ mình xem xét',
    permission: 'report:read',
    params: null,
    data: ZMyWork,
    call: ({ meta }, { reporting }) => reporting.getMyWork(meta),
  }),
  route.read({
    path: '/api/v1/unit-reports/:id',
    operationId: 'getUnitReportVersion',
    summary: 'Một phiên bản báo cáo của đơn vị (kể cả bản trước đã được thay thế), chỉ để xem',
    permission: 'report:read',
    call: async ({ params, meta }, { reporting }) =>
      presentUnitReport(await reporting.getReportVersion(meta, params.id)),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/unit-reports/:id/submit',
    operationId: 'submitUnitReport',
    summary: 'Nộp báo cáo',
    permission: 'report:write',
    body: ZSubmitReportRequest,
    call: async ({ params, body, meta }, { reporting }) =>
      presentUnitReport(await reporting.submit(meta, params.id, body.revision, body.lateReason)),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/unit-reports/:id/return',
    operationId: 'returnUnitReport',
    summary: 'Trả lại báo cáo kèm lý do',
    permission: 'report:write',
    body: ZReturnReportRequest,
    call: async ({ params, body, meta }, { reporting }) =>
      presentUnitReport(
        await reporting.returnReport(meta, params.id, body.revision, body.reason, body.comments),
      ),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/unit-reports/:id/accept',
    operationId: 'acceptUnitReport',
    summary: 'Chấp nhận báo cáo (khóa lại)',
    permission: 'report:write',
    body: ZReportActionRequest,
    call: async ({ params, body, meta }, { reporting }) =>
      presentUnitReport(await reporting.accept(meta, params.id, body.revision)),
  }),
  route.create({
    path: '/api/v1/unit-reports/:id/corrections',
    operationId: 'correctUnitReport',
    summary: 'Tạo bản điều chỉnh của báo cáo đã chấp nhận (phiên bản mới, giữ bản cũ)',
    permission: 'report:write',
    call: async ({ params, meta }, { reporting }) =>
      presentUnitReport(await reporting.correct(meta, params.id)),
  }),
  route.create({
    path: '/api/v1/unit-reports/:id/attachments',
    operationId: 'addAttachment',
    summary: 'Đính kèm tệp minh chứng (nội dung tệp, tên tệp trong tiêu đề X-File-Name)',
    permission: 'report:write',
    upload: true,
    query: ZAttachmentQuery,
    data: ZAttachment,
    call: async ({ params, query, upload, meta }, { reporting }) =>
      presentAttachment(await reporting.addAttachment(meta, params.id, upload!, query)),
  }),
  route.download({
    path: '/api/v1/attachments/:id',
    operationId: 'downloadAttachment',
    summary: 'Tải tệp minh chứng',
    permission: 'report:read',
    call: async ({ params, meta }, { reporting }) => {
      const { row, bytes } = await reporting.readAttachment(meta, params.id);
      return { bytes, contentType: row.contentType, fileName: row.fileName };
    },
  }),
  route.remove({
    path: '/api/v1/attachments/:id',
    operationId: 'deleteAttachment',
    summary: 'Gỡ tệp minh chứng khỏi báo cáo đang soạn',
    permission: 'report:write',
    call: ({ params, meta }, { reporting }) => reporting.removeAttachment(meta, params.id),
  }),
];
