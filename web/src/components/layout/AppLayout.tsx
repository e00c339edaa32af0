import { Layout, Menu, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { changeLanguage, type Language } from '../../i18n';
import styles from './AppLayout.module.css';

const NAV_ITEMS = [
  { key: '/plans', labelKey: 'nav.plans' },
  { key: '/catalog', labelKey: 'nav.catalog' },
  { key: '/search', labelKey: 'nav.search' },
  { key: '/units', labelKey: 'nav.units' },
] as const;

/** Which menu entry a path belongs to: unit pages live under /localities/…/units. */
const selectedNavKey = (pathname: string): string => {
  if (pathname.startsWith('/localities/') || pathname.startsWith('/units')) return '/units';
  return NAV_ITEMS.find((item) => pathname.startsWith(item.key))?.key ?? '/plans';
};

/** The frame of every page: product name, main navigation, language switch. */
export const AppLayout = () => {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();

  return (
    <Layout className={styles.shell}>
      <Layout.Header className={styles.header}>
        <Link to="/plans" className={styles.brand}>
          <span className={styles.brandName}>{t('app.name')}</span>
          <span className={styles.tagline}>{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.label')} className={styles.nav}>
          <Menu
            mode="horizontal"
            theme="dark"
            selectedKeys={[selectedNavKey(pathname)]}
            items={NAV_ITEMS.map((item) => ({
              key: item.key,
              label: <Link to={item.key}>{t(item.labelKey)}</Link>,
            }))}
            className={styles.menu}
          />
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
