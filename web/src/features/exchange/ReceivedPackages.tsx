import { UploadOutlined } from '@ant-design/icons';
import type {
  TImportPackageResult,
  TReceivedPackage,
  TSubmissionIndicator,
} from '@core/schemas/exchange.schemas';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiUpload, errorMessage } from '../../api/client';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { IndicatorStatusTag } from '../dashboard/components/StatusTags';
import { formatNumber } from '../overview/format';
import { formatDateTime, formatDay } from '../reporting/reportStatus';

/** A package is 20 MB at most (the server says so too). */
const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;

export const receivedPackagesQuery = (localityId: string) =>
  queryOptions({
    queryKey: ['submission-packages', localityId] as const,
    queryFn: ({ signal }) =>
      api.get<TReceivedPackage[]>(`/api/v1/localities/${localityId}/submission-packages`, undefined, signal),
  });

/** A package's figures: a table, or one card per indicator on a phone (it sits inside a package's row). */
const IndicatorRows = ({ indicators }: { indicators: TSubmissionIndicator[] }) => {
  const { t } = useTranslation();
  return (
    <ResponsiveTable<TSubmissionIndicator>
      size="small"
      rowKey={(row, index) => `${row.code}:${index}`}
      pagination={false}
      dataSource={indicators}
      columns={[
        {
          title: t('exchange.code'),
          key: 'code',
          render: (_, row) => (
            <Flex vertical>
              <span>{row.code}</span>
              {!row.catalogMapped && <Tag>{t('exchange.planCode')}</Tag>}
            </Flex>
          ),
        },
        { title: t('exchange.indicator'), dataIndex: 'name' },
        { title: t('exchange.target'), dataIndex: 'target', render: (value: string | null) => value ?? '—' },
        {
          title: t('exchange.value'),
          key: 'value',
          render: (_, row) =>
            row.value == null ? '—' : `${formatNumber(row.value)}${row.unit ? ` ${row.unit}` : ''}`,
        },
        {
          title: t('exchange.status'),
          key: 'status',
          render: (_, row) => <IndicatorStatusTag status={row.status} />,
        },
      ]}
    />
  );
};

/**
 * "Gói báo cáo nhận từ xã, phường" on a province's overview: the packages its communes sent (imported
 * here, with their figures) and, for those who may, the upload of a new one (docs/open-data.md).
 */
export const ReceivedPackages = ({ localityId }: { localityId: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery(receivedPackagesQuery(localityId));
  const [problem, setProblem] = useState<string | null>(null);

  /** @returns whether the package was taken (stored now or already there) */
  const upload = async (file: File): Promise<boolean> => {
    setProblem(null);
    try {
      const result = await apiUpload<TImportPackageResult>('/api/v1/submission-packages', file);
      // A package of another catalog version is received, and the sentence says so: shown as a warning.
      if (result.catalogWarning) message.warning(result.message, 10);
      else if (result.outcome === 'created') message.success(result.message);
      else message.info(result.message);
      await queryClient.invalidateQueries({ queryKey: ['submission-packages'] });
      return true;
    } catch (error) {
      setProblem(errorMessage(error));
      return false;
    }
  };

  return (
    <Card
      size="small"
      title={t('exchange.title')}
      extra={
        <Upload
          accept=".zip,application/zip"
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > MAX_PACKAGE_BYTES) {
              setProblem(t('exchange.tooLarge'));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={async ({ file, onSuccess, onError }) => {
            if (await upload(file as File)) onSuccess?.({});
            else onError?.(new Error('refused'));
          }}
        >
          <Button size="small" icon={<UploadOutlined />}>
            {t('exchange.upload')}
          </Button>
        </Upload>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('exchange.hint')}</Typography.Text>
        {problem && (
          <Alert type="error" showIcon message={problem} closable onClose={() => setProblem(null)} />
        )}
        {query.isError ? (
          <Alert type="error" showIcon message={errorMessage(query.error)} />
        ) : (
          // One card per package on a phone, its figures as cards inside: the page never scrolls sideways.
          <ResponsiveTable<TReceivedPackage>
            size="small"
            rowKey="id"
            loading={query.isLoading}
            dataSource={query.data ?? []}
            locale={{ emptyText: <Empty description={t('exchange.empty')} /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            expandable={{ expandedRowRender: (row) => <IndicatorRows indicators={row.figures.indicators} /> }}
            columns={[
              {
                title: t('exchange.locality'),
                key: 'locality',
                render: (_, row) => `${row.localityName} (${row.localityCode})`,
              },
              {
                title: t('exchange.period'),
                key: 'period',
                render: (_, row) =>
                  t('exchange.periodVersion', { period: row.periodLabel, version: row.reportVersion }),
              },
              { title: t('exchange.plan'), key: 'plan', render: (_, row) => row.planNumber ?? row.planTitle },
              {
                title: t('exchange.approvedOn'),
                key: 'approvedOn',
                render: (_, row) => formatDay(row.approvedOn),
              },
              {
                title: t('exchange.score'),
                key: 'score',
                render: (_, row) => (row.figures.score == null ? '—' : formatNumber(row.figures.score)),
              },
              {
                title: t('exchange.receivedAt'),
                key: 'receivedAt',
                render: (_, row) =>
                  `${formatDateTime(row.receivedAt)}${row.receivedByName ? ` — ${row.receivedByName}` : ''}`,
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
};
