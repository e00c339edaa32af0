import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import type { TReportPublications } from '@core/schemas/publication.schemas';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../api/client';
import { ReasonModal } from '../../../components/ui/ReasonModal';
import { consolidationQueries } from '../queries';

const day = (iso: string | null) => (iso ? dayjs(iso).format('DD/MM/YYYY') : '—');

const publicationsQuery = (reportId: string) =>
  queryOptions({
    queryKey: [...consolidationQueries.all(), 'publications', reportId] as const,
    queryFn: ({ signal }) =>
      api.get<TReportPublications>(
        `/api/v1/consolidated-reports/${reportId}/publications`,
        undefined,
        signal,
      ),
  });

type Decision =
  | { kind: 'publish'; version: number; documentNumber: string | null }
  | { kind: 'withdraw'; reason: string };

/**
 * Publication on the public site (/cong-khai), the leader's decision: publish an approved version (with
 * the document number of the signed report) or withdraw it with a reason; the history stays public.
 */
export const PublicationCard = ({ report }: { report: TConsolidatedReport & { id: string } }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery(publicationsQuery(report.id));
  const [isPublishing, setIsPublishing] = useState(false);
  const [isWithdrawing, setIsWithdrawing] = useState(false);
  const [version, setVersion] = useState<number | null>(null);
  const [documentNumber, setDocumentNumber] = useState('');
  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      decision.kind === 'publish'
        ? api.post<TReportPublications>(
            `/api/v1/consolidated-reports/${report.id}/versions/${decision.version}/publish`,
            { documentNumber: decision.documentNumber },
          )
        : api.post<TReportPublications>(`/api/v1/consolidated-reports/${report.id}/withdraw`, {
            reason: decision.reason,
          }),
    onSuccess: (data) => queryClient.setQueryData(publicationsQuery(report.id).queryKey, data),
  });

  const data = query.data;
  if (!data) return null;
  const latest = report.versions.at(-1)?.version ?? null;
  const chosen = version ?? latest;

  const run = async (decision: Decision, done: string) => {
    try {
      await decide.mutateAsync(decision);
      void message.success(done);
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    }
  };

  return (
    <Card size="small" title={t('publication.title')}>
      <Flex vertical gap={8}>
        <Typography.Text>
          {data.current
            ? t('publication.current', { version: data.current.version, date: day(data.current.publishedAt) })
            : t('publication.none')}
          {data.current?.documentNumber
            ? ` ${t('publication.documentNumber', { number: data.current.documentNumber })}`
            : ''}
        </Typography.Text>
        {data.current && (
          <a href={data.publicPath} target="_blank" rel="noreferrer">
            {t('publication.openPublic')}
          </a>
        )}
        {data.items.length > 0 && (
          <>
            <Typography.Text strong>{t('publication.history')}</Typography.Text>
            <ul style={{ margin: 0 }}>
              {data.items.map((item) => (
                <li key={item.id}>
                  {t('publication.historyPublished', {
                    version: item.version,
                    date: day(item.publishedAt),
                    by: item.publishedByName ? ` (${item.publishedByName})` : '',
                  })}
                  {item.withdrawnAt
                    ? `; ${t('publication.historyWithdrawn', { date: day(item.withdrawnAt), reason: item.withdrawReason ?? '' })}`
                    : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        {data.canDecide && (
          <Flex gap={8} wrap justify="flex-end">
            {data.current && (
              <Button danger onClick={() => setIsWithdrawing(true)} disabled={decide.isPending}>
                {t('publication.withdraw')}
              </Button>
            )}
            {report.versions.length > 0 && (
              <Button type="primary" onClick={() => setIsPublishing(true)} disabled={decide.isPending}>
                {t('publication.publish')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
      <Modal
        open={isPublishing}
        title={t('publication.publishTitle')}
        okText={t('publication.publish')}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onCancel={() => setIsPublishing(false)}
        onOk={async () => {
          if (chosen == null) return;
          const ok = await run(
            { kind: 'publish', version: chosen, documentNumber: documentNumber.trim() || null },
            t('publication.published'),
          );
          if (ok) setIsPublishing(false);
        }}
      >
        <Flex vertical gap={12}>
          <Alert type="info" showIcon message={t('publication.publishHint')} />
          <Form layout="vertical" component="div">
            <Form.Item label={t('publication.version')} htmlFor="publication-version">
              <Select
                id="publication-version"
                value={chosen ?? undefined}
                onChange={setVersion}
                options={report.versions.map((item) => ({
                  value: item.version,
                  label: t('publication.versionOption', {
                    version: item.version,
                    date: day(item.approvedAt),
                  }),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('publication.documentNumberLabel')} htmlFor="publication-document-number">
              <Input
                id="publication-document-number"
                value={documentNumber}
                maxLength={200}
                onChange={(event) => setDocumentNumber(event.target.value)}
              />
            </Form.Item>
          </Form>
        </Flex>
      </Modal>
      <ReasonModal
        open={isWithdrawing}
        isPending={decide.isPending}
        title={t('publication.withdrawTitle')}
        okText={t('publication.withdraw')}
        label={t('publication.withdrawReason')}
        hint={t('publication.withdrawReasonHint')}
        requiredMessage={t('publication.withdrawReasonRequired')}
        inputId="publication-withdraw-reason"
        onCancel={() => setIsWithdrawing(false)}
        onConfirm={async (reason) => {
          const ok = await run({ kind: 'withdraw', reason }, t('publication.withdrawn'));
          if (ok) setIsWithdrawing(false);
          return ok;
        }}
      />
    </Card>
  );
};
