/**
 * Everything around the router: the query cache for server state (made in firstScreen.ts), Ant Design's theme
 * (theme.ts; the build makes its component styles into a CSS file, web/antdStyleFile.ts) and locale, and
 * dayjs's locale. The Ant Design and dayjs locales follow the i18next language. Ant Design's `App` (the
 * message, modal and notification hooks) wraps the signed-in frame only (AppLayout): the sign-in page
 * needs none of them, and they weigh about 20 KB gzipped.
 */
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionExpiredModal } from './features/auth/SessionExpiredModal';
import { appTheme } from './theme';

/**
 * People who ask their system for less motion (WCAG 2.3.3) get panels and dialogs without animation;
 * the browser tests ask for it too, so nothing moves under a click.
 */
const prefersReducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
const theme = appTheme(prefersReducedMotion);

export const AppProviders = ({
  children,
  queryClient,
}: {
  children: ReactNode;
  queryClient: QueryClient;
}) => {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';

  useEffect(() => {
    dayjs.locale(isEnglish ? 'en' : 'vi');
  }, [isEnglish]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEnglish ? enUS : viVN} theme={theme} componentSize="middle">
        {children}
        <SessionExpiredModal />
      </ConfigProvider>
    </QueryClientProvider>
  );
};
