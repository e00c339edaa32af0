import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import type { TRole } from '@core/schemas/auth.schemas';
import { App, Button, Drawer, Grid, Layout, Menu, Segmented, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { ADMIN_ROLES, describeAssignment, hasAnyRole } from '../../features/auth/roles';
import { useCurrentUser } from '../../features/auth/useCurrentUser';
import { useSignOut } from '../../features/auth/useSignOut';
import { NotificationBell } from '../../features/notification/NotificationBell';
import { changeLanguage, type Language } from '../../i18n';
import styles from './AppLayout.module.css';
import { NAV_ITEMS, selectedNavKey } from './navigation';

/** The signed-in person: name, roles, password change and sign-out. */
const UserBox = ({ compact }: { compact: boolean }) => {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { signOut, isPending } = useSignOut();
  if (!user) return null;
  const roleName = (role: TRole) => t(`roles.${role}`);
  const roles = user.roles.map((assignment) => describeAssignment(assignment, roleName));

  const logoutButton = (
    <Button
      size={compact ? 'middle' : 'small'}
      ghost
      icon={<LogoutOutlined />}
      loading={isPending}
      onClick={signOut}
      aria-label={compact ? t('auth.logout') : undefined}
      className={compact ? styles.touchTarget : undefined}
    >
      {compact ? null : t('auth.logout')}
    </Button>
  );

  // On a phone the name and roles move into the menu drawer; sign-out stays one tap away.
  if (compact) return <div className={styles.user}>{logoutButton}</div>;

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
      {logoutButton}
    </div>
  );
};

/** The frame of every page: product name, main navigation, the signed-in user, language switch. */
const Frame = () => {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const { user } = useCurrentUser();
  const screens = Grid.useBreakpoint();
  // Below 768 px (phones) the menu moves into a drawer opened from the header.
  const isPhone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const isAdmin = hasAnyRole(user, ADMIN_ROLES);
  // Until the password is changed the server refuses everything else, so the menu would only mislead.
  const isLocked = Boolean(user?.mustChangePassword);
  const isLeader = hasAnyRole(user, ['leader']);
  const items = NAV_ITEMS.filter(
    (item) => (!item.adminOnly || isAdmin) && (!('leaderOnly' in item) || isLeader),
  );
  const selectedKey = selectedNavKey(pathname);
  // Each page names itself (its h1 and the document title) through PageTitle.

  const menuItems = items.map((item) => ({
    key: item.key,
    label: <Link to={item.key}>{t(item.labelKey)}</Link>,
  }));
  const languageSwitch = (
    <Segmented<Language>
      aria-label={t('app.language')}
      size={isPhone ? 'middle' : 'small'}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => void changeLanguage(value)}
      options={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );

  return (
    <Layout className={styles.shell}>
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className={styles.header}>
        {isPhone && !isLocked && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.open')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
            className={`${styles.menuButton} ${styles.touchTarget}`}
          />
        )}
        <Link to="/plans" className={styles.brand}>
          <span className={styles.brandName}>{t('app.name')}</span>
          <span className={styles.tagline}>{t('app.tagline')}</span>
        </Link>
        <div className={styles.spacer} />
        {!isPhone && languageSwitch}
        {user && !isLocked && <NotificationBell />}
        <UserBox compact={isPhone} />
      </Layout.Header>
      {!isLocked && !isPhone && (
        // A bar of its own, every entry shown (wrapping on a narrow screen): an overflow menu would keep
        // hidden copies of the links that the keyboard still reaches.
        <nav aria-label={t('nav.label')} className={styles.nav}>
          <Menu
            mode="horizontal"
            theme="dark"
            disabledOverflow
            selectedKeys={selectedKey ? [selectedKey] : []}
            items={menuItems}
            className={styles.menu}
          />
        </nav>
      )}
      {isPhone && (
        <Drawer
          title={user?.displayName ?? t('app.name')}
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={300}
        >
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={selectedKey ? [selectedKey] : []}
              items={menuItems}
              // The page chosen replaces the drawer (also when it is the page already shown).
              onClick={() => setDrawerOpen(false)}
              className={styles.drawerMenu}
            />
          </nav>
          <div className={styles.drawerFooter}>
            <Link to="/change-password" onClick={() => setDrawerOpen(false)}>
              {t('auth.changePasswordLink')}
            </Link>
            {languageSwitch}
          </div>
        </Drawer>
      )}
      <Layout.Content id="main-content" tabIndex={-1} className={styles.content}>
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

/**
 * The signed-in frame inside Ant Design's `App`, which gives its pages the message, modal and notification
 * hooks (App.useApp). It sits here rather than around the router so the sign-in page does not load them.
 */
export const AppLayout = () => (
  <App>
    <Frame />
  </App>
);
