import { DeleteOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { TImportedIndicator } from '@core/schemas/import.schemas';
import { Button, Flex, Popconfirm, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { lowerFirst, type ReviewRow, splitUnitNames, withTarget } from '../draftEdits';
import { EditableCell } from './EditableCell';
import styles from './ReviewPage.module.css';
import { RowReview } from './RowReview';

type IndicatorReviewTableProps = {
  rows: ReadonlyArray<ReviewRow<TImportedIndicator>>;
  /** Every year or stage column of the draft. */
  years: readonly number[];
  onChange: (key: string, change: (value: TImportedIndicator) => TImportedIndicator) => void;
  onRemove: (key: string) => void;
  /** The server's problems by row key. */
  errors: ReadonlyMap<string, string[]>;
  unitOptions: readonly string[];
  onShowInSource: (query: string) => void;
};

/** The indicator rows of the draft: every cell corrected in place, each row tagged for review. */
export const IndicatorReviewTable = ({
  rows,
  years,
  onChange,
  onRemove,
  errors,
  unitOptions,
  onShowInSource,
}: IndicatorReviewTableProps) => {
  const { t } = useTranslation();
  const numberOf = (key: string) => rows.findIndex((row) => row.key === key) + 1;
  const label = (field: string, key: string) =>
    t('importPlan.cell.edit', {
      field: lowerFirst(field),
      row: t('importPlan.cell.indicatorRow', { n: numberOf(key) }),
    });
  const text = (
    field: 'code' | 'name' | 'unit' | 'lead',
    title: string,
    options?: { multiline?: boolean; units?: boolean },
  ) => ({
    title,
    key: field,
    render: (_: unknown, row: ReviewRow<TImportedIndicator>) => (
      <EditableCell
        value={row.value[field]}
        label={label(title, row.key)}
        multiline={options?.multiline}
        options={options?.units ? unitOptions : undefined}
        onChange={(next) =>
          onChange(row.key, (value) => ({
            ...value,
            [field]: field === 'name' ? next : next || null,
          }))
        }
      />
    ),
  });

  const columns: ColumnsType<ReviewRow<TImportedIndicator>> = [
    { ...text('code', t('importPlan.columns.code')), width: 72, fixed: 'left' },
    {
      ...text('name', t('importPlan.columns.indicatorName'), { multiline: true }),
      width: 300,
      fixed: 'left',
      render: (_: unknown, row) => (
        <Flex vertical gap={2}>
          {row.value.group && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.value.group}
            </Typography.Text>
          )}
          <EditableCell
            value={row.value.name}
            label={label(t('importPlan.columns.indicatorName'), row.key)}
            multiline
            onChange={(next) => onChange(row.key, (value) => ({ ...value, name: next }))}
          />
        </Flex>
      ),
    },
    {
      title: t('importPlan.columns.review'),
      key: 'review',
      width: 170,
      render: (_: unknown, row) => (
        <RowReview review={row.value.review} edited={row.edited} errors={errors.get(row.key)} />
      ),
    },
    { ...text('unit', t('importPlan.columns.unit')), width: 96 },
    ...years.map((year) => ({
      title: String(year),
      key: `target-${year}`,
      width: 112,
      render: (_: unknown, row: ReviewRow<TImportedIndicator>) => {
        const target = row.value.targets.find((item) => item.year === year);
        return (
          <Flex vertical gap={0}>
            <EditableCell
              value={target?.raw ?? null}
              label={label(t('importPlan.cell.targetField', { year }), row.key)}
              onChange={(next) => onChange(row.key, (value) => withTarget(value, year, next))}
            />
            {row.value.baselineYear === year && (
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                {t('importPlan.columns.baseline')}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    })),
    { ...text('lead', t('importPlan.columns.lead'), { units: true }), width: 170 },
    {
      title: t('importPlan.columns.coordinating'),
      key: 'coordinating',
      width: 220,
      render: (_: unknown, row) => (
        <EditableCell
          value={row.value.coordinating.join('; ')}
          label={label(t('importPlan.columns.coordinating'), row.key)}
          multiline
          onChange={(next) =>
            onChange(row.key, (value) => ({ ...value, coordinating: splitUnitNames(next) }))
          }
        />
      ),
    },
    {
      title: t('importPlan.columns.actions'),
      key: 'actions',
      width: 88,
      render: (_: unknown, row) => (
        <Flex gap={2}>
          <Tooltip title={t('importPlan.showInSource')}>
            <Button
              type="text"
              size="small"
              icon={<FileSearchOutlined />}
              aria-label={`${t('importPlan.showInSource')} – ${t('importPlan.cell.indicatorRow', { n: numberOf(row.key) })}`}
              onClick={() => onShowInSource(row.value.name.split(/\s+/).slice(0, 6).join(' '))}
            />
          </Tooltip>
          <Popconfirm title={t('importPlan.removeRowConfirm')} onConfirm={() => onRemove(row.key)}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('importPlan.removeRow')} – ${t('importPlan.cell.indicatorRow', { n: numberOf(row.key) })}`}
            />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
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
};
