/**
 * The sticky bar under a report (a unit's report, the consolidated report): its actions on the right, the
 * way back to the plan last; and the button of an action that asks first (send, approve, accept, correct).
 */
import { Button, type ButtonProps, Card, Flex, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const ActionBar = ({
  back,
  children,
}: {
  back: { to: string; label: string };
  children: ReactNode;
}) => (
  <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
    <Flex gap={8} wrap justify="flex-end">
      {children}
      <Link to={back.to} style={{ alignSelf: 'center' }}>
        {back.label}
      </Link>
    </Flex>
  </Card>
);

type ConfirmButtonProps = Omit<ButtonProps, 'onClick'> & {
  /** What the confirmation asks, what it tells of the step, and its button's text. */
  confirm: { title: string; description: string; okText: string };
  onConfirm: () => unknown;
};

/** A button whose action runs once confirmed in a pop-up beside it (cancel: "Hủy"). */
export const ConfirmButton = ({ confirm, onConfirm, ...button }: ConfirmButtonProps) => {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={confirm.title}
      description={confirm.description}
      okText={confirm.okText}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
    >
      <Button {...button} />
    </Popconfirm>
  );
};
