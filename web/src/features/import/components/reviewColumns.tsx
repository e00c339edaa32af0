import { DeleteOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { TImportedTask } from '@core/schemas/import.schemas';
import { Button, Flex, Popconfirm, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { lowerFirst, type ReviewRow, splitUnitNames } from '../draftEdits';
import { EditableCell } from './EditableCell';
import styles from './ReviewPage.module.css';
import { RowReview } from './RowReview';

/** What indicator and task rows share: the columns both review tables show. */
type SharedRow = Pick<TImportedTask, 'code' | 'group' | 'name' | 'lead' | 'coordinating' | 'review'>;

/** The properties of a review table of draft rows (indicators or tasks). */
export type ReviewTableProps<T> = {
  rows: ReadonlyArray<ReviewRow<T>>;
  onChange: (key: string, change: (value: T) => T) => void;
  onRemove: (key: string) => void;
  /** The server's problems by row key. */
  errors: ReadonlyMap<string, string[]>;
  unitOptions: readonly string[];
  onShowInSource: (query: string) => void;
};

/** The text fields of a row corrected as plain text (empty means none, except the name). */
type TextField<T> = { [K in keyof T]: T[K] extends string | null ? K : never }[keyof T] & string;

/**
 * The columns the indicator and task review tables share, each cell corrected in place.
 *
 * @param props - the table's rows and callbacks
 * @param rowName - the i18n key naming a row by its number ("chỉ tiêu 3", "nhiệm vụ 3")
 * @returns column builders: plain text fields, the name (under its group), the review tags, the
 *   coordinating units and the row's actions
 */
export const useReviewColumns = <T extends SharedRow>(
  { rows, onChange, onRemove, errors, unitOptions, onShowInSource }: ReviewTableProps<T>,
  rowName: 'importPlan.cell.indicatorRow' | 'importPlan.cell.taskRow',
) => {
  const { t } = useTranslation();
  const numberOf = (key: string) => rows.findIndex((row) => row.key === key) + 1;
  const label = (field: string, key: string) =>
    t('importPlan.cell.edit', { field: lowerFirst(field), row: t(rowName, { n: numberOf(key) }) });

  const text = (field: TextField<T>, title: string, options?: { multiline?: boolean; units?: boolean }) => ({
    title,
    key: field,
    render: (_: unknown, row: ReviewRow<T>) => (
      <EditableCell
        value={row.value[field] as string | null}
        label={label(title, row.key)}
        multiline={options?.multiline}
        options={options?.units ? unitOptions : undefined}
        onChange={(next) =>
          onChange(row.key, (value) => ({ ...value, [field]: field === 'name' ? next : next || null }))
        }
      />
    ),
  });

  const name = (title: string) => ({
    title,
    key: 'name',
    render: (_: unknown, row: ReviewRow<T>) => (
      <Flex vertical gap={2}>
        {row.value.group && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.value.group}
          </Typography.Text>
        )}
        <EditableCell
          value={row.value.name}
          label={label(title, row.key)}
          multiline
          onChange={(next) => onChange(row.key, (value) => ({ ...value, name: next }))}
        />
      </Flex>
    ),
  });

  const review = {
    title: t('importPlan.columns.review'),
    key: 'review',
    width: 170,
    render: (_: unknown, row: ReviewRow<T>) => (
      <RowReview review={row.value.review} edited={row.edited} errors={errors.get(row.key)} />
    ),
  };

  const coordinating = {
    title: t('importPlan.columns.coordinating'),
    key: 'coordinating',
    width: 220,
    render: (_: unknown, row: ReviewRow<T>) => (
      <EditableCell
        value={row.value.coordinating.join('; ')}
        label={label(t('importPlan.columns.coordinating'), row.key)}
        multiline
        onChange={(next) => onChange(row.key, (value) => ({ ...value, coordinating: splitUnitNames(next) }))}
      />
    ),
  };

  const actions = {
    title: t('importPlan.columns.actions'),
    key: 'actions',
    width: 88,
    render: (_: unknown, row: ReviewRow<T>) => (
      <Flex gap={2}>
        <Tooltip title={t('importPlan.showInSource')}>
          <Button
            type="text"
            size="small"
            icon={<FileSearchOutlined />}
            aria-label={`${t('importPlan.showInSource')} – ${t(rowName, { n: numberOf(row.key) })}`}
            onClick={() => onShowInSource(row.value.name.split(/\s+/).slice(0, 6).join(' '))}
          />
        </Tooltip>
        <Popconfirm title={t('importPlan.removeRowConfirm')} onConfirm={() => onRemove(row.key)}>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t('importPlan.removeRow')} – ${t(rowName, { n: numberOf(row.key) })}`}
          />
        </Popconfirm>
      </Flex>
    ),
  };

  return { label, text, name, review, coordinating, actions };
};

/** A review table: one row per draft row, the rows the server refused marked. */
export const ReviewTable = <T,>({
  rows,
  columns,
  errors,
}: {
  rows: ReadonlyArray<ReviewRow<T>>;
  columns: ColumnsType<ReviewRow<T>>;
  errors: ReadonlyMap<string, string[]>;
}) => (
  <Table
    size="small"
    bordered
    rowKey="key"
    columns={columns}
    dataSource={[...rows]}
    pagination={false}
    scroll={{ x: 'max-content' }}
    rowClassName={(row) => (errors.has(row.key) ? (styles.rowWithErrors ?? '') : '')}
  />
);
