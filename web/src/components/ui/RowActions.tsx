import { DeleteOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

type RowActionsProps = {
  /** Accessible names of the three buttons, naming the row ("Sửa chỉ tiêu …"). */
  labels: { history: string; edit: string; delete: string };
  /** The question asked before deleting. */
  deleteConfirm: string;
  canEdit: boolean;
  canDelete: boolean;
  onHistory: () => void;
  onEdit: () => void;
  onDelete: () => void;
};

/** History / edit / delete buttons of a table row; edit and delete show only when allowed. */
export const RowActions = ({
  labels,
  deleteConfirm,
  canEdit,
  canDelete,
  onHistory,
  onEdit,
  onDelete,
}: RowActionsProps) => {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Tooltip title={t('history.open')}>
        <Button
          type="text"
          size="small"
          icon={<HistoryOutlined />}
          aria-label={labels.history}
          onClick={onHistory}
        />
      </Tooltip>
      {canEdit && (
        <Button type="text" size="small" icon={<EditOutlined />} aria-label={labels.edit} onClick={onEdit} />
      )}
      {canDelete && (
        <Popconfirm
          title={deleteConfirm}
          description={t('common.deleteWarning')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={onDelete}
        >
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={labels.delete} />
        </Popconfirm>
      )}
    </Space>
  );
};
