/**
 * An Ant Design table that turns into one card per row on a phone (below 768 px): each cell is printed
 * under its column's title, so nothing needs a horizontal scroll. On wider screens it is the plain table.
 */
import { Grid, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';

type Column<T> = NonNullable<TableProps<T>['columns']>[number];

/** The column's title as text for the card's label ('' when the title is not plain text). */
const titleText = (title: unknown): string =>
  typeof title === 'string' || typeof title === 'number' ? String(title) : '';

const withCardLabel = <T,>(column: Column<T>): Column<T> => {
  const plain = column as ColumnType<T>;
  return {
    ...column,
    // A card reads label then value, left to right: a number column's right alignment would push both apart.
    align: undefined,
    onCell: (record: T, index?: number) => ({
      ...plain.onCell?.(record, index),
      'data-label': titleText(plain.title),
    }),
  } as Column<T>;
};

export const ResponsiveTable = <T extends object>(props: TableProps<T>): ReactNode => {
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  if (!isPhone) return <Table<T> {...props} />;
  return (
    <Table<T>
      {...props}
      className={[props.className, 'table-cards'].filter(Boolean).join(' ')}
      columns={props.columns?.map(withCardLabel)}
      scroll={undefined}
      tableLayout="auto"
    />
  );
};
