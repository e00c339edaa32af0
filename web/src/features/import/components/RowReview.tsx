import type { TImportReview } from '@core/schemas/import.schemas';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type RowReviewProps = {
  review: TImportReview | undefined;
  /** The officer changed the row. */
  edited: boolean;
  /** The server's problems with the row after a refused save. */
  errors: readonly string[] | undefined;
};

/** "Chắc chắn" or "Cần xem lại" (with the importer's reasons), "Đã sửa", and the server's problems. */
export const RowReview = ({ review, edited, errors }: RowReviewProps) => {
  const { t } = useTranslation();
  const confident = review?.confident !== false;
  return (
    <Flex vertical gap={4} align="flex-start">
      <Flex gap={4} wrap>
        {confident ? (
          <Tag color="green">{t('importPlan.review.confident')}</Tag>
        ) : (
          <Tag color="orange">{t('importPlan.review.needsReview')}</Tag>
        )}
        {edited && <Tag color="blue">{t('importPlan.review.edited')}</Tag>}
        {errors && errors.length > 0 && <Tag color="red">{t('importPlan.review.hasErrors')}</Tag>}
      </Flex>
      {!confident &&
        review?.reasons.map((reason) => (
          <Typography.Text key={reason} type="warning" style={{ fontSize: 12 }}>
            {reason}
          </Typography.Text>
        ))}
      {errors?.map((message) => (
        <Typography.Text key={message} type="danger" role="alert" style={{ fontSize: 12 }}>
          {message}
        </Typography.Text>
      ))}
    </Flex>
  );
};
