import type { TImportedIndicator } from '@core/schemas/import.schemas';
import { Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { type ReviewRow, withTarget } from '../draftEdits';
import { EditableCell } from './EditableCell';
import { ReviewTable, type ReviewTableProps, useReviewColumns } from './reviewColumns';

type IndicatorReviewTableProps = ReviewTableProps<TImportedIndicator> & {
  /** Every year or stage column of the draft. */
  years: readonly number[];
};

/** The indicator rows of the draft: every cell corrected in place, each row tagged for review. */
export const IndicatorReviewTable = ({ years, ...props }: IndicatorReviewTableProps) => {
  const { t } = useTranslation();
  const { onChange } = props;
  const shared = useReviewColumns(props, 'importPlan.cell.indicatorRow');
  const { label, text } = shared;

  const columns: ColumnsType<ReviewRow<TImportedIndicator>> = [
    { ...text('code', t('importPlan.columns.code')), width: 72, fixed: 'left' },
    { ...shared.name(t('importPlan.columns.indicatorName')), width: 300, fixed: 'left' },
    shared.review,
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
    shared.coordinating,
    shared.actions,
  ];

  return <ReviewTable rows={props.rows} columns={columns} errors={props.errors} />;
};
