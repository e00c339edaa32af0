/**
 * Signing out from any page (the header's button, the forced password change): removes the report drafts
 * kept on this device, so it first asks when some were never sent — one is never lost unasked.
 */
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { browserStorage, countKeptDrafts } from '../reporting/keptDrafts';
import { useLogoutMutation } from './mutations';
import { useCurrentUser } from './useCurrentUser';

/** @returns `signOut` (asks first when drafts are kept) and whether the sign-out is under way */
export const useSignOut = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const logout = useLogoutMutation();
  const { modal } = App.useApp();

  const signOutNow = () =>
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  const signOut = () => {
    const storage = browserStorage();
    const kept = storage && user ? countKeptDrafts(storage, user.id) : 0;
    if (kept === 0) return signOutNow();
    modal.confirm({
      title: t('auth.logoutKeptTitle', { count: kept }),
      content: t('auth.logoutKeptHint'),
      okText: t('auth.logout'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: signOutNow,
    });
  };
  return { signOut, isPending: logout.isPending };
};
