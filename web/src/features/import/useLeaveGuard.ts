import { App } from 'antd';
import { type RefObject, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Leaving a page with unsaved changes asks first: an in-app navigation to another address opens a
 * confirmation, and closing or reloading the browser tab shows the browser's own question.
 *
 * @param dirty - whether there are unsaved changes
 * @param saved - set once the changes are saved, so that the navigation after a save is not held
 */
export const useLeaveGuard = (dirty: boolean, saved: RefObject<boolean>): void => {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('importPlan.leaveTitle'),
      content: t('importPlan.leaveBody'),
      okText: t('importPlan.leaveOk'),
      okButtonProps: { danger: true },
      cancelText: t('importPlan.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
};
