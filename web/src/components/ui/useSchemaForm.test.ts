import { ZCreateUnitRequest } from '@core/schemas/locality.schemas';
import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { submitWithSchema } from './useSchemaForm';

type FieldData = { name: string | (string | number)[]; errors?: string[] };

/** A form as far as a submit round uses it: its values, and the errors it shows per field. */
const formWith = (values: Record<string, unknown>) => {
  const shown = new Map<string, string[]>();
  const form = {
    getFieldsValue: () => values,
    setFields: (fields: FieldData[]) => {
      for (const field of fields) shown.set([field.name].flat().join('.'), field.errors ?? []);
    },
    getFieldsError: () => [...shown].map(([name, errors]) => ({ name: name.split('.'), errors })),
  } as unknown as FormInstance;
  let general: string[] = ['an old message'];
  const savingStates: boolean[] = [];
  return {
    target: {
      form,
      knownFields: ['name', 'kind', 'isExternal'],
      setGeneralErrors: (messages: string[]) => {
        general = messages;
      },
      setSaving: (saving: boolean) => savingStates.push(saving),
    },
    fieldErrors: () => Object.fromEntries([...shown].filter(([, errors]) => errors.length > 0)),
    general: () => general,
    savingStates,
  };
};

describe('submitWithSchema', () => {
  it('shows the schema’s Vietnamese message next to its field and sends nothing', async () => {
    const round = formWith({ name: '', kind: null, isExternal: false });
    const sent: unknown[] = [];
    const saved = await submitWithSchema(round.target, ZCreateUnitRequest, { name: '' }, async (request) => {
      sent.push(request);
    });
    expect(saved).toBe(false);
    expect(sent).toEqual([]);
    expect(round.fieldErrors()).toEqual({ name: ['Tên đơn vị không được để trống'] });
    expect(round.general()).toEqual([]);
    expect(round.savingStates).toEqual([]);
  });

  it('shows a schema message for a field the form does not have as a form-level message', async () => {
    const round = formWith({ name: 'Phòng Văn hóa' });
    const saved = await submitWithSchema(
      { ...round.target, knownFields: ['name'] },
      ZCreateUnitRequest,
      { name: 'Phòng Văn hóa', kind: 'x'.repeat(300) },
      async () => undefined,
    );
    expect(saved).toBe(false);
    expect(round.fieldErrors()).toEqual({});
    expect(round.general()).toEqual(['Loại đơn vị dài quá 200 ký tự']);
  });

  it('sends the checked request, clears the old errors and is saving only while it sends', async () => {
    const round = formWith({ name: 'Phòng Văn hóa' });
    round.target.form.setFields([{ name: 'name', errors: ['an old error'] }]);
    const sent: unknown[] = [];
    const saved = await submitWithSchema(
      round.target,
      ZCreateUnitRequest,
      { name: '  Phòng Văn hóa ' },
      async (request) => {
        expect(round.savingStates).toEqual([true]);
        sent.push(request);
      },
    );
    expect(saved).toBe(true);
    // The schema's output is sent: trimmed, with its default.
    expect(sent).toEqual([{ name: 'Phòng Văn hóa', kind: null, isExternal: false }]);
    expect(round.fieldErrors()).toEqual({});
    expect(round.general()).toEqual([]);
    expect(round.savingStates).toEqual([true, false]);
  });

  it('shows the server’s refusal: details on their fields, its message above the form', async () => {
    const round = formWith({ name: 'Phòng Văn hóa' });
    const refusal = new ApiError(409, 'conflict', 'Đơn vị đã có trong xã', [
      { field: 'name', message: 'name: Tên đơn vị đã được dùng' },
      { field: 'parentId', message: 'Xã không còn hoạt động' },
    ]);
    const saved = await submitWithSchema(round.target, ZCreateUnitRequest, { name: 'Phòng Văn hóa' }, () =>
      Promise.reject(refusal),
    );
    expect(saved).toBe(false);
    expect(round.fieldErrors()).toEqual({ name: ['Tên đơn vị đã được dùng'] });
    expect(round.general()).toEqual(['Đơn vị đã có trong xã', 'Xã không còn hoạt động']);
    expect(round.savingStates).toEqual([true, false]);
  });

  it('runs the form’s own check beside the schema; a refusal of either sends nothing', async () => {
    const round = formWith({ name: '' });
    const sent: unknown[] = [];
    const unitChosen = () => {
      round.target.form.setFields([{ name: ['kind'], errors: ['Chọn loại đơn vị'] }]);
      return false;
    };
    const save = async (request: unknown) => {
      sent.push(request);
    };
    // Both refuse: both are shown.
    expect(await submitWithSchema(round.target, ZCreateUnitRequest, { name: '' }, save, unitChosen)).toBe(
      false,
    );
    expect(round.fieldErrors()).toEqual({
      name: ['Tên đơn vị không được để trống'],
      kind: ['Chọn loại đơn vị'],
    });
    // Only the form's check refuses.
    expect(
      await submitWithSchema(round.target, ZCreateUnitRequest, { name: 'Phòng Văn hóa' }, save, unitChosen),
    ).toBe(false);
    expect(round.fieldErrors()).toEqual({ kind: ['Chọn loại đơn vị'] });
    expect(sent).toEqual([]);
    expect(round.general()).toEqual([]);
  });
});
