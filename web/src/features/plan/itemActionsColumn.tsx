/** The last column of a plan's grouped tables (indicators, tasks): history, edit and delete of a row. */
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { RowActions } from '../../components/ui/RowActions';
import type { GroupedRow } from './groupRows';

/** A cell that a group's header row, spanning the table, covers. */
export const hideInGroupRow = <T,>(row: GroupedRow<T>) => (row.kind === 'group' ? { colSpan: 0 } : {});

/**
 * The actions column. `kind` picks the i18n keys (`indicator.editLabel`, `task.deleteConfirm`, …); a row is
 * edited when the item allows it (`canEdit`), deleted when the plan may be edited.
 */
export const itemActionsColumn = <T extends { name: string; canEdit: boolean }>(
  t: TFunction,
  kind: 'indicator' | 'task',
  width: number,
  can: { deleteRows: boolean },
  on: { history: (item: T) => void; edit: (item: T) => void; delete: (item: T) => unknown },
): TableColumnsType<GroupedRow<T>>[number] => ({
  key: 'actions',
  title: t('common.actions'),
  width,
  fixed: 'right',
  onCell: hideInGroupRow,
  render: (_value, row) =>
    row.kind === 'item' ? (
      <RowActions
        labels={{
          history: t(`${kind}.historyLabel`, { name: row.item.name }),
          edit: t(`${kind}.editLabel`, { name: row.item.name }),
          delete: t(`${kind}.deleteLabel`, { name: row.item.name }),
        }}
        deleteConfirm={t(`${kind}.deleteConfirm`)}
        canEdit={row.item.canEdit}
        canDelete={can.deleteRows}
        onHistory={() => on.history(row.item)}
        onEdit={() => on.edit(row.item)}
        onDelete={() => on.delete(row.item)}
      />
    ) : null,
});
