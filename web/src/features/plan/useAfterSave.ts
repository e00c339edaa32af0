import { App } from 'antd';

/**
 * What follows the save of an indicator or a task: once the request is done, its message ("Đã lưu", or that
 * it was added) and the form closed; a refusal propagates to `useSchemaForm`, which shows it on the form.
 */
export const useAfterSave = (onDone: () => void) => {
  const { message } = App.useApp();
  return async (saving: Promise<unknown>, text: string) => {
    await saving;
    message.success(text);
    onDone();
  };
};
