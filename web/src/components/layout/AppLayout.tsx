import { LogoutOutlined } from '@ant-design/icons';
import type { TRole } from '@core/schemas/auth.schemas';
import { Button, Layout, Menu, Segmented, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogoutMutation } from '../../features/auth/mutations';
import { ADMIN_ROLES, describeAssignment, hasAnyRole } from '../../features/auth/roles';
import { useCurrentUser } from '../../features/auth/useCurrentUser';
import { NotificationBell } from '../../features/notification/NotificationBell';
import { changeLanguage, type Language } from '../../i18n';
import styles from './AppLayout.module.css';

const NAV_ITEMS = [
  { key: '/my-work', labelKey: 'nav.myWork', adminOnly: false },
  { key: '/plans', labelKey: 'nav.plans', adminOnly: false },
  { key: '/dashboard', labelKey: 'nav.dashboard', adminOnly: false },
  { key: '/catalog', labelKey: 'nav.catalog', adminOnly: false },
  { key: '/search', labelKey: 'nav.search', adminOnly: false },
  { key: '/units', labelKey: 'nav.units', adminOnly: false },
  { key: '/audit', labelKey: 'nav.audit', adminOnly: false },
  { key: '/admin/users', labelKey: 'nav.users', adminOnly: true },
] as const;

/** Which menu entry a path belongs to: unit pages live under /localities/…/units. */
const selectedNavKey = (pathname: string): string => {
  if (pathname.startsWith('/localities/') && pathname.endsWith('/overview')) return '/dashboard';
  if (pathname.startsWith('/localities/') || pathname.startsWith('/units')) return '/units';
  if (pathname.endsWith('/dashboard')) return '/dashboard';
  if (pathname.startsWith('/reporting-periods/') && pathname.endsWith('/consolidated')) return '/dashboard';
  if (pathname.startsWith('/reporting-periods/')) return '/my-work';
  return NAV_ITEMS.find((item) => pathname.startsWith(item.key))?.key ?? '/plans';
};

/** The signed-in person: name, roles, password change and sign-out. */
const UserBox = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const logout = useLogoutMutation();
  if (!user) return null;
  const roleName = (role: TRole) => t(`roles.${role}`);
  const roles = user.roles.map((assignment) => describeAssignment(assignment, roleName));

  const handleLogout = () => {
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <div className={styles.user}>
      <Tooltip title={roles.join('; ')} placement="bottomRight">
        <div className={styles.userText}>
          <span className={styles.userName}>{user.displayName}</span>
          <span className={styles.userRoles}>{roles.join('; ') || t('auth.noRole')}</span>
        </div>
      </Tooltip>
      <Link to="/change-password" className={styles.userLink}>
        {t('auth.changePasswordLink')}
      </Link>
      <Button size="small" ghost icon={<LogoutOutlined />} loading={logout.isPending} onClick={handleLogout}>
        {t('auth.logout')}
      </Button>
    </div>
  );
};

/** The frame of every page: product name, main navigation, the signed-in user, language switch. */
export const AppLayout = () => {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const { user } = useCurrentUser();
  const isAdmin = hasAnyRole(user, ADMIN_ROLES);
  // Until the password is changed the server refuses everything else, so the menu would only mislead.
  const isLocked = Boolean(user?.mustChangePassword);
  const items = NAV_ITEMS.filter((item) => !item.adminOnly || isAdmin);

  return (
    <Layout className={styles.shell}>
      <Layout.Header className={styles.header}>
        <Link to="/plans" className={styles.brand}>
          <span className={styles.brandName}>{t('app.name')}</span>
          <span className={styles.tagline}>{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.label')} className={styles.nav}>
          {!isLocked && (
            <Menu
              mode="horizontal"
              theme="dark"
              selectedKeys={[selectedNavKey(pathname)]}
              items={items.map((item) => ({
                key: item.key,
                label: <Link to={item.key}>{t(item.labelKey)}</Link>,
              }))}
              className={styles.menu}
            />
          )}
        </nav>
        <Segmented<Language>
          aria-label={t('app.language')}
          size="small"
          value={i18n.language === 'en' ? 'en' : 'vi'}
          onChange={(value) => void changeLanguage(value)}
          options={[
            { value: 'vi', label: 'VI' },
            { value: 'en', label: 'EN' },
          ]}
        />
        {user && !isLocked && <NotificationBell />}
        <UserBox />
      </Layout.Header>
      <Layout.Content className={styles.content}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer className={styles.footer}>
        <Typography.Text type="secondary">
          {t('app.name')} · {t('app.tagline')}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
};
