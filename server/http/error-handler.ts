import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from '../errors';

const CONTEXT_NAMES: Record<string, string> = {
  body: 'nội dung',
  querystring: 'tham số tìm kiếm',
  params: 'đường dẫn',
};

/**
 * Turns every failure into the one error body (STYLE.md §11): validation problems become a 400
 * naming each field in Vietnamese, framework errors keep their status, anything unexpected is a 500
 * that is logged and reveals nothing.
 */
export const installErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.code(error.status).send(error.toBody());
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: ErrorDetail[] = error.validation.map((issue) => {
        const field =
          issue.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
          (CONTEXT_NAMES[error.validationContext ?? ''] ?? '');
        return { field, message: issue.message ?? 'không hợp lệ' };
      });
      const message = details
        .map((detail) => (detail.field ? `${detail.field}: ${detail.message}` : detail.message))
        .join('; ');
      return reply.code(400).send(new AppError('VALIDATION_FAILED', { message, details }).toBody());
    }

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply.code(500).send(new AppError('INTERNAL').toBody());
    }

    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send(new AppError('INVALID_JSON').toBody());
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(new AppError('BODY_TOO_LARGE').toBody());
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(new AppError('UNSUPPORTED_MEDIA_TYPE').toBody());
    }
    if (error instanceof SyntaxError || (error.statusCode === 400 && /json/i.test(error.message))) {
      return reply.code(400).send(new AppError('INVALID_JSON').toBody());
    }

    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(new AppError('INTERNAL').toBody());
  });
};
