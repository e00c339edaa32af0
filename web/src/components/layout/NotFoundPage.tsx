import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../ui/PageTitle';

const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<PageTitle>{t('app.notFound')}</PageTitle>}
      subTitle={t('app.notFoundHint')}
      extra={
        <Link to="/plans">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
};

export default NotFoundPage;
