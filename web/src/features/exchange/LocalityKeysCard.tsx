/**
 * What the locality's two kinds of keys share (docs/open-data.md): API keys it issues to integrations and the
 * signing keys it registers for its communes' instances. A card with its hint, the server's refusals in an
 * alert, the form that adds a key, and the table of keys with who added each and when, and its revocation.
 */
import {
  queryOptions,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import { formatDateTime } from '../reporting/reportStatus';

/** The kind of key: its path segment (`/api/v1/localities/:id/api-keys`, `/api/v1/api-keys/:id/revoke`) and i18n namespace. */
type KeyKind = { path: 'api-keys'; ns: 'apiKeys' } | { path: 'signing-keys'; ns: 'signingKeys' };

type KeyRow = {
  id: string;
  name: string;
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
};

/**
 * A locality's keys of one kind: the list, adding one (`onAdded` gets the server's answer, then the list
 * reloads) and revoking one (the card says so and reloads); a refusal of either goes to `problem`.
 */
export const useLocalityKeys = <K extends KeyRow, B, A>({
  kind,
  localityId,
  onAdded,
}: {
  kind: KeyKind;
  localityId: string;
  onAdded: (added: A) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const queryKey = [kind.path, localityId] as const;
  const keys = useQuery(
    queryOptions({
      queryKey,
      queryFn: ({ signal }) =>
        api.get<K[]>(`/api/v1/localities/${localityId}/${kind.path}`, undefined, signal),
    }),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const add = useMutation({
    mutationFn: (body: B) => api.post<A>(`/api/v1/localities/${localityId}/${kind.path}`, body),
    onSuccess: async (added) => {
      onAdded(added);
      await refresh();
    },
    onError: (error) => setProblem(errorMessage(error)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/api/v1/${kind.path}/${id}/revoke`),
    onSuccess: async () => {
      message.success(t(`${kind.ns}.revoked`));
      await refresh();
    },
    onError: (error) => setProblem(errorMessage(error)),
  });
  /** Sends the form's values, the last refusal cleared. */
  const submit = (values: B) => {
    setProblem(null);
    add.mutate(values);
  };
  return { kind, keys, problem, setProblem, add, submit, revoke };
};

/** What the card and its columns use of `useLocalityKeys`. */
type LocalityKeys<K extends KeyRow> = {
  kind: KeyKind;
  keys: UseQueryResult<K[]>;
  problem: string | null;
  setProblem: (problem: string | null) => void;
  revoke: { mutate: (id: string) => void };
};

/** The columns every kind of key has: its name, when and by whom it was added, and its state (revoke). */
export const keyColumns = <K extends KeyRow>(t: TFunction, { kind, revoke }: LocalityKeys<K>) => {
  const { ns } = kind;
  const name: TableColumnsType<K>[number] = { title: t(`${ns}.name`), dataIndex: 'name' };
  const created: TableColumnsType<K>[number] = {
    title: t(`${ns}.created`),
    key: 'created',
    render: (_, row) =>
      `${formatDateTime(row.createdAt)}${row.createdByName ? ` — ${row.createdByName}` : ''}`,
  };
  const state: TableColumnsType<K>[number] = {
    title: t(`${ns}.state`),
    key: 'state',
    render: (_, row) =>
      row.revokedAt ? (
        <Tag>{t(`${ns}.revokedOn`, { at: formatDateTime(row.revokedAt) })}</Tag>
      ) : (
        <Popconfirm title={t(`${ns}.revokeConfirm`)} onConfirm={() => revoke.mutate(row.id)}>
          <Button size="small" danger>
            {t(`${ns}.revoke`)}
          </Button>
        </Popconfirm>
      ),
  };
  return { name, created, state };
};

/** The card: title and hint of the kind, the refusal, `children` (the form that adds a key), then the keys. */
export const LocalityKeysCard = <K extends KeyRow>({
  keys: localityKeys,
  columns,
  table,
  children,
}: {
  keys: LocalityKeys<K>;
  columns: TableColumnsType<K>;
  /** The table's own settings (an empty text, scrolling). */
  table?: Pick<TableProps<K>, 'locale' | 'scroll'>;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const { kind, keys, problem, setProblem } = localityKeys;
  return (
    <Card size="small" title={t(`${kind.ns}.title`)}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t(`${kind.ns}.hint`)}</Typography.Text>
        {problem && (
          <Alert type="error" showIcon message={problem} closable onClose={() => setProblem(null)} />
        )}
        {children}
        <Table<K>
          size="small"
          rowKey="id"
          loading={keys.isLoading}
          dataSource={keys.data ?? []}
          pagination={false}
          {...table}
          columns={columns}
        />
      </Flex>
    </Card>
  );
};
