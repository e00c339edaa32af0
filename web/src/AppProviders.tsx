/**
 * Everything around the router: the query cache for server state (made in firstScreen.ts), Ant Design's theme and locale, and
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

/**
 * People who ask their system for less motion (WCAG 2.3.3) get panels and dialogs without animation;
 * the browser tests ask for it too, so nothing moves under a click.
 */
const prefersReducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

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
      <ConfigProvider
        locale={isEnglish ? enUS : viVN}
        theme={{
          token: {
            borderRadius: 4,
            motion: !prefersReducedMotion,
            fontSize: 14,
            // WCAG 2.1 AA: Ant Design's grey texts (45 % black, 3.3:1) are darkened to ≥ 4.5:1 on white and #f5f5f5.
            colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
            colorTextDescription: 'rgba(0, 0, 0, 0.65)',
            colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
            colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
            // The brand and error colours one shade darker than Ant Design's, so that white text on a primary
            // or danger button and blue links reach 4.5:1; the texts of the other statuses (Typography's
            // warning and success) darker still, while alerts keep their pale backgrounds.
            colorPrimary: '#0958d9',
            colorLink: '#0958d9',
            colorError: '#cf1322',
            colorErrorText: '#cf1322',
            colorWarningText: '#874d00',
            colorSuccessText: '#135200',
          },
        }}
        componentSize="middle"
      >
        {children}
        <SessionExpiredModal />
      </ConfigProvider>
    </QueryClientProvider>
  );
};
