import { Typography } from 'antd';

/** The server's message for one cell, under its input. */
export const RowError = ({ message }: { message: string | undefined }) =>
  message ? (
    <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12 }}>
      {message}
    </Typography.Text>
  ) : null;
