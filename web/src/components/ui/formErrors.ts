/**
 * Turns zod issues (client-side checks with the shared schemas) and API error details (server-side
 * checks) into Ant Design field errors, so both speak the same Vietnamese words next to the same field.
 */
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../../api/client';

type FieldPath = (string | number)[];
export type FieldError = { name: FieldPath; errors: string[] };

/** "targets.0.year" → ["targets", 0, "year"]. */
const toPath = (field: string): FieldPath =>
  field
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Groups messages by field; issues without a path are returned separately as form-level messages. */
const groupErrors = (entries: { path: FieldPath; message: string }[]) => {
  const byField = new Map<string, FieldError>();
  const general: string[] = [];
  for (const { path, message } of entries) {
    if (path.length === 0) {
      general.push(message);
      continue;
    }
    const key = path.join('.');
    const existing = byField.get(key);
    if (existing) existing.errors.push(message);
    else byField.set(key, { name: path, errors: [message] });
  }
  return { fields: [...byField.values()], general };
};

/** zod issues → field errors. */
export const zodIssuesToFieldErrors = (issues: readonly z.core.$ZodIssue[]) =>
  groupErrors(
    issues.map((issue) => ({
      path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
      message: issue.message,
    })),
  );

/**
 * The server prefixes each detail message with its field ("name: Tên chỉ tiêu không được để trống"),
 * which is redundant next to the field itself.
 */
const stripFieldPrefix = (field: string, message: string) =>
  message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;

/** API error details → field errors (only for fields the form knows). */
export const apiErrorToFieldErrors = (error: unknown, knownFields: readonly string[]) => {
  if (!(error instanceof ApiError)) return { fields: [], general: [] };
  return groupErrors(
    error.details
      .filter((detail) => knownFields.includes(detail.field.split('.')[0] ?? ''))
      .map((detail) => ({
        path: toPath(detail.field),
        message: stripFieldPrefix(detail.field, detail.message),
      })),
  );
};

/**
 * Validates form values with a shared zod schema; on failure marks the fields and returns null.
 *
 * @param form - the Ant Design form to mark
 * @param schema - the request schema from core/schemas
 * @param values - the request body built from the form
 * @returns the parsed request, or null when invalid (the errors are then shown on the form)
 */
export const validateWithSchema = <S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
): { data: z.output<S>; general: [] } | { data: null; general: string[] } => {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, general: [] };
  const { fields, general } = zodIssuesToFieldErrors(result.error.issues);
  const knownNames = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const shown = fields.filter((field) => knownNames.has(String(field.name[0])));
  const hidden = fields.filter((field) => !knownNames.has(String(field.name[0])));
  form.setFields(shown);
  return { data: null, general: [...general, ...hidden.flatMap((field) => field.errors)] };
};

/** Clears all field errors before a new validation round. */
export const clearFieldErrors = (form: FormInstance) => {
  form.setFields(form.getFieldsError().map((field) => ({ name: field.name, errors: [] })));
};

/**
 * Shows a failed save on the form: field details next to their fields, and the server's message
 * (verbatim) plus any details the form has no field for, as form-level messages.
 *
 * @returns the form-level messages to display
 */
export const applyServerError = (
  form: FormInstance,
  error: unknown,
  knownFields: readonly string[],
): string[] => {
  const { fields } = apiErrorToFieldErrors(error, knownFields);
  form.setFields(fields);
  const unplaced =
    error instanceof ApiError
      ? error.details
          .filter((detail) => !knownFields.includes(detail.field.split('.')[0] ?? ''))
          .map((detail) => detail.message)
      : [];
  return [errorMessage(error), ...unplaced.filter((text) => text !== errorMessage(error))];
};
