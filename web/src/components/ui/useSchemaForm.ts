/**
 * The one shape of a form that saves through the API: clear the old errors, check the request with the
 * shared zod schema (its Vietnamese messages next to the fields they name), send it, and on a refusal
 * show the server's words on the form; the submit button waits while saving.
 */
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { applyServerError, clearFieldErrors, validateWithSchema } from './formErrors';

/** Where a submit round shows what it finds. */
export type SubmitTarget = {
  form: FormInstance;
  /** The form's own fields: server details on other fields are shown as form-level messages. */
  knownFields: readonly string[];
  /** The form-level messages (the server's message, checks that belong to no field). */
  setGeneralErrors: (messages: string[]) => void;
  setSaving: (saving: boolean) => void;
};

/**
 * One submit round: the request checked with the schema, then saved; the errors of either step shown.
 *
 * @param target - the form and where its messages and saving state go
 * @param schema - the request schema from core/schemas
 * @param body - the request built from the form's values
 * @param save - sends the checked request (and does what follows a success)
 * @param check - a check of the form's own beyond the schema, run beside it: it marks the fields it
 *   refuses and returns false, and nothing is sent
 * @returns true when saved; false when a check or the server refused (the errors are then shown)
 */
export const submitWithSchema = async <S extends z.ZodType>(
  target: SubmitTarget,
  schema: S,
  body: unknown,
  save: (request: z.output<S>) => Promise<unknown>,
  check: () => boolean = () => true,
): Promise<boolean> => {
  const { form, knownFields, setGeneralErrors, setSaving } = target;
  clearFieldErrors(form);
  setGeneralErrors([]);
  const parsed = validateWithSchema(form, schema, body);
  const checked = check();
  if (!parsed.data) {
    setGeneralErrors(parsed.general);
    return false;
  }
  if (!checked) return false;
  setSaving(true);
  try {
    await save(parsed.data);
    return true;
  } catch (error) {
    setGeneralErrors(applyServerError(form, error, knownFields));
    return false;
  } finally {
    setSaving(false);
  }
};

/**
 * A form that saves through the API with a shared schema (`submitWithSchema`), keeping its form-level
 * messages (for `FormErrorAlert`) and whether it is saving (for the submit button's `loading`).
 *
 * @param form - the Ant Design form
 * @param knownFields - the form's own fields
 * @returns `submit(schema, body, save, check?)`, the form-level messages and `saving`
 */
export const useSchemaForm = (form: FormInstance, knownFields: readonly string[]) => {
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = useCallback(
    <S extends z.ZodType>(
      schema: S,
      body: unknown,
      save: (request: z.output<S>) => Promise<unknown>,
      check?: () => boolean,
    ) => submitWithSchema({ form, knownFields, setGeneralErrors, setSaving }, schema, body, save, check),
    [form, knownFields],
  );
  return { submit, generalErrors, saving };
};
