import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import {
  ZConsolidatedActionRequest,
  ZConsolidatedReport,
  ZReturnConsolidatedRequest,
  ZSaveConsolidatedRequest,
} from '@core/schemas/consolidation.schemas';
import { defineRoute } from '../../http/route';

const tags = ['Báo cáo tổng hợp'];

export const consolidationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/consolidated-report',
    operationId: 'getConsolidatedReport',
    summary: 'Báo cáo tổng hợp của kỳ: số liệu, kết quả nhiệm vụ, khó khăn và kiến nghị của các đơn vị',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, response: { 200: dataOf(ZConsolidatedReport) } },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      body: { data: await services.consolidation.get(meta, params.id) },
    }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/reporting-periods/:id/consolidated-report',
    operationId: 'saveConsolidatedReport',
    summary: 'Lưu nội dung báo cáo tổng hợp (cơ quan thường trực)',
    tags,
    permission: 'report:write',
    schema: {
      params: ZIdParams,
      body: ZSaveConsolidatedRequest,
      response: { 200: dataOf(ZConsolidatedReport) },
    },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.consolidation.save(meta, params.id, body) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/send',
    operationId: 'sendConsolidatedReport',
    summary: 'Trình lãnh đạo báo cáo tổng hợp',
    tags,
    permission: 'report:write',
    schema: {
      params: ZIdParams,
      body: ZConsolidatedActionRequest,
      response: { 200: dataOf(ZConsolidatedReport) },
    },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.consolidation.send(meta, params.id, body.revision) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/approve',
    operationId: 'approveConsolidatedReport',
    summary: 'Lãnh đạo phê duyệt báo cáo tổng hợp',
    tags,
    permission: 'report:decide',
    schema: {
      params: ZIdParams,
      body: ZConsolidatedActionRequest,
      response: { 200: dataOf(ZConsolidatedReport) },
    },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.consolidation.approve(meta, params.id, body.revision) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/return',
    operationId: 'returnConsolidatedReport',
    summary: 'Lãnh đạo trả lại báo cáo tổng hợp kèm lý do',
    tags,
    permission: 'report:decide',
    schema: {
      params: ZIdParams,
      body: ZReturnConsolidatedRequest,
      response: { 200: dataOf(ZConsolidatedReport) },
    },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 200,
      body: { data: await services.consolidation.returnReport(meta, params.id, body.revision, body.reason) },
    }),
  }),
];
