import { Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1 (drawn at the size of a section title) and the document title "<h1> · Lộ trình", so the
 * browser tab, the history and a screen reader all name the page.
 */
export const PageTitle = ({ children, className }: { children: string; className?: string }) => {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = children ? `${children} · ${appName}` : appName;
  }, [children, appName]);
  return (
    <Typography.Title level={1} className={className ? `page-title ${className}` : 'page-title'}>
      {children}
    </Typography.Title>
  );
};
