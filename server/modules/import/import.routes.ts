import { dataOf } from '@core/schemas/common.schemas';
import { ZImportedPlanDraft } from '@core/schemas/import.schemas';
import { AppError } from '../../errors';
import { defineRoute } from '../../http/route';

const tags = ['Nhập văn bản'];

export const importRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/imports',
    operationId: 'importPlanDocument',
    summary:
      'Đọc văn bản kế hoạch (Word, PDF, bản quét, ảnh chụp) thành bản nháp để rà soát; không lưu gì. Gửi tệp làm nội dung (application/octet-stream), tên tệp trong X-File-Name (mã hóa phần trăm).',
    tags,
    permission: 'plan:write',
    upload: true,
    schema: { response: { 200: dataOf(ZImportedPlanDraft) } },
    handler: async ({ upload, meta }, { services }) => {
      if (!upload) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      return { status: 200, body: { data: await services.import.importDocument(meta, upload) } };
    },
  }),
];
