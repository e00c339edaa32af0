/**
 * A plan's indicators or tasks as the document prints them (groupRows): a shaded header row per group that
 * spans the table, the row just saved highlighted, and columns of an item's fields left empty under a
 * group's header. The indicator matrix and the task table are both this table with their own columns.
 */
import { Table, type TableColumnsType, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { RowActions } from '../../../components/ui/RowActions';
import type { GroupedRow, GroupHeaderRow } from '../groupRows';
import styles from './GroupedItemTable.module.css';

type GroupedItemTableProps<T> = {
  /** The table's own class (its column styles), beside the shared one. */
  className?: string;
  rows: GroupedRow<T>[];
  columns: TableColumnsType<GroupedRow<T>>;
  highlightedId: string | null;
  emptyText: string;
  scrollX: number;
  rowSelection?: TableProps<GroupedRow<T>>['rowSelection'];
};

export const GroupedItemTable = <T extends { id: string }>({
  className,
  rows,
  columns,
  highlightedId,
  emptyText,
  scrollX,
  rowSelection,
}: GroupedItemTableProps<T>) => (
  <Table<GroupedRow<T>>
    className={className ? `${styles.table} ${className}` : styles.table}
    rowKey="key"
    size="small"
    bordered
    columns={columns}
    dataSource={rows}
    pagination={false}
    scroll={{ x: scrollX }}
    sticky={{ offsetHeader: 0 }}
    rowClassName={(row) =>
      (row.kind === 'group' ? styles.groupRow : row.item.id === highlightedId ? styles.highlightedRow : '') ??
      ''
    }
    locale={{ emptyText }}
    rowSelection={rowSelection}
  />
);

/** A group's name in its header row (with more beside it where a table's header holds more). */
export const GroupName = ({ name }: { name: string }) => <span className={styles.groupName}>{name}</span>;

/**
 * The first column: in a group's header row it spans all `columnCount` columns and shows the group's
 * header (its name, by default), in an item's row what `render` makes of the item.
 */
export const groupHeaderColumn = <T,>(
  column: Omit<ColumnType<GroupedRow<T>>, 'render' | 'onCell'> & {
    columnCount: number;
    header?: (group: GroupHeaderRow) => ReactNode;
    render: (item: T) => ReactNode;
  },
): ColumnType<GroupedRow<T>> => {
  const { columnCount, header, render, ...rest } = column;
  return {
    ...rest,
    onCell: (row) => (row.kind === 'group' ? { colSpan: columnCount, className: styles.groupCell } : {}),
    render: (_value, row) =>
      row.kind === 'group' ? (header?.(row) ?? <GroupName name={row.name} />) : render(row.item),
  };
};

/** A cell that a group's header row, spanning the table, covers. */
const hideInGroupRow = <T,>(row: GroupedRow<T>) => (row.kind === 'group' ? { colSpan: 0 } : {});

/** A column of one of an item's fields: covered by a group's header row. */
export const itemColumn = <T,>(
  column: Omit<ColumnType<GroupedRow<T>>, 'render' | 'onCell'> & { render: (item: T) => ReactNode },
): ColumnType<GroupedRow<T>> => {
  const { render, ...rest } = column;
  return {
    ...rest,
    onCell: hideInGroupRow,
    render: (_value, row) => (row.kind === 'item' ? render(row.item) : null),
  };
};

/**
 * The last column: history, edit and delete of a row. `kind` picks the i18n keys (`indicator.editLabel`,
 * `task.deleteConfirm`, …); a row is edited when the item allows it (`canEdit`), deleted when the plan may be
 * edited.
 */
export const itemActionsColumn = <T extends { name: string; canEdit: boolean }>(
  t: TFunction,
  kind: 'indicator' | 'task',
  width: number,
  can: { deleteRows: boolean },
  on: { history: (item: T) => void; edit: (item: T) => void; delete: (item: T) => unknown },
): ColumnType<GroupedRow<T>> =>
  itemColumn<T>({
    key: 'actions',
    title: t('common.actions'),
    width,
    fixed: 'right',
    render: (item) => (
      <RowActions
        labels={{
          history: t(`${kind}.historyLabel`, { name: item.name }),
          edit: t(`${kind}.editLabel`, { name: item.name }),
          delete: t(`${kind}.deleteLabel`, { name: item.name }),
        }}
        deleteConfirm={t(`${kind}.deleteConfirm`)}
        canEdit={item.canEdit}
        canDelete={can.deleteRows}
        onHistory={() => on.history(item)}
        onEdit={() => on.edit(item)}
        onDelete={() => on.delete(item)}
      />
    ),
  });
