import { dataOf } from '@core/schemas/common.schemas';
import { ZImportJob, ZSavePlanDraftRequest, ZStartImportQuery } from '@core/schemas/import.schemas';
import { ZPlanDetail } from '@core/schemas/plan.schemas';
import { AppError } from '../../errors';
import { defineRoute } from '../../http/route';
import { routesOf } from '../../http/route-shapes';
import { presentPlanDetail } from '../plan/plan.presenter';
import { presentImportJob } from './import-job.presenter';

const tags = ['Nhập văn bản'];
const route = routesOf(tags, { answers: ZImportJob });

export const importRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/imports',
    operationId: 'importPlanDocument',
    summary:
      'Bắt đầu đọc văn bản kế hoạch (Word, PDF, bản quét, ảnh chụp, văn bản thuần) thành bản nháp để rà soát; không lưu kế hoạch nào. Gửi tệp làm nội dung (application/octet-stream), tên tệp trong X-File-Name (mã hóa phần trăm), địa phương (nếu đã chọn) trong ?localityId=. Định dạng được nhận ra từ nội dung tệp (không theo tên): tệp .doc, bảng tính, tệp Word hỏng hoặc có mật khẩu bị từ chối ngay (422, message tiếng Việt nói cần gửi gì); quá 20 MB: 413. Nhận tệp thì trả lời ngay 202 với lượt đọc (status "queued"); việc đọc chạy nền: hỏi GET /api/v1/imports/{id} đến khi status là "done" (có draft, sourceText; draft.localityMatch là địa phương đề xuất theo danh mục đơn vị hành chính), "failed" (message nói lý do, kể cả khi quá thời gian đọc cho một tệp: số trang đã đọc được giữ lại) hoặc "cancelled".',
    tags,
    permission: 'plan:write',
    upload: true,
    schema: { query: ZStartImportQuery, response: { 202: dataOf(ZImportJob) } },
    handler: async ({ upload, query, meta }, { services }) => {
      if (!upload) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const job = await services.import.start(meta, upload, { localityId: query.localityId });
      return { status: 202, body: { data: presentImportJob(job) } };
    },
  }),
  route.read({
    path: '/api/v1/imports/:id',
    operationId: 'getImportJob',
    summary:
      'Tiến độ một lượt đọc văn bản: trạng thái (queued, running, done, failed, cancelled), số trang đã đọc trên tổng số trang (OCR), bản nháp và văn bản trích được khi xong. Chỉ người tải lên (và quản trị hệ thống) xem được; lượt đọc được giữ một ngày.',
    permission: 'plan:write',
    call: async ({ params, meta }, services) => presentImportJob(await services.import.get(meta, params.id)),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/imports/:id/cancel',
    operationId: 'cancelImportJob',
    summary:
      'Hủy một lượt đọc văn bản đang chờ hoặc đang chạy (máy chủ đang đọc sẽ dừng); trả lời lượt đọc với status "cancelled". Lượt đọc đã xong được trả lời nguyên trạng.',
    permission: 'plan:write',
    call: async ({ params, meta }, services) =>
      presentImportJob(await services.import.cancel(meta, params.id)),
  }),
  routesOf(['Kế hoạch', ...tags]).create({
    path: '/api/v1/plans/from-draft',
    operationId: 'savePlanDraft',
    summary:
      'Lưu bản nháp đã rà soát thành kế hoạch của địa phương, trong một giao dịch: đơn vị mới, kế hoạch (căn cứ, văn bản thay thế, chế độ báo cáo), nhóm chỉ tiêu, chỉ tiêu với mục tiêu theo năm, đơn vị phối hợp, nhiệm vụ với thời hạn. Mọi tên đơn vị in trong bản nháp phải được gán trong unitMapping ({ unitId } hoặc { create: { name, isExternal } }). Có lỗi thì không lưu gì và trả lời 400 nêu chỗ sai theo bản nháp (vd. "indicators.3.targets.0.value: …"). Khi văn bản không ghi địa phương được chọn (ghi địa phương khác, đơn vị cũ đã sắp xếp, hoặc không ghi địa phương nào), không lưu gì và trả lời 409 locality_confirmation_required với message nói rõ việc lưu sẽ làm gì (các đơn vị nào phải báo cáo bao nhiêu chỉ tiêu, nhiệm vụ); gửi lại với confirmLocality: true sau khi người dùng xác nhận.',
    permission: 'plan:write',
    params: null,
    body: ZSavePlanDraftRequest,
    data: ZPlanDetail,
    call: async ({ body, meta }, services) => presentPlanDetail(await services.import.saveDraft(meta, body)),
  }),
];
