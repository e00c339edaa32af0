/**
 * /admin/users/import "Nhập người dùng từ danh sách": an administrator sends a CSV or Excel list, sees
 * every wrong row named ("Dòng 4: …") with nothing saved, and once every row is right creates them all
 * in one go. The first passwords are shown once, with a CSV to download and hand over.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TImportedUser, TUserImportPreview } from '@core/schemas/user-import.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Popconfirm, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, apiUpload, errorMessage } from '../../api/client';
import { useDownload } from '../../components/ui/DownloadMenu';
import { PageTitle } from '../../components/ui/PageTitle';
import { auditQueries } from '../audit/queries';
import { ADMIN_ROLES, hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { userQueries } from './queries';

/** The server refuses more; checking here spares a useless upload. */
const MAX_LIST_BYTES = 2 * 1024 * 1024;

/** A CSV cell, quoted when it must be. */
const csvCell = (text: string) => (/[",;\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The created accounts and their first passwords as a CSV Excel opens in UTF-8 (with a byte-order mark). */
export const passwordsCsv = (users: TImportedUser[], headers: string[]): string =>
  `\uFEFF${[
    headers,
    ...users.map((user) => [
      user.displayName,
      user.username,
      user.password,
      user.localityName,
      user.unitName ?? '',
    ]),
  ]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`;

const UserImportPage = () => {
  const { t } = useTranslation();
  const { user: me } = useCurrentUser();
  const queryClient = useQueryClient();
  const { download, pendingKey } = useDownload();
  const [preview, setPreview] = useState<TUserImportPreview | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [created, setCreated] = useState<TImportedUser[] | null>(null);

  const read = useMutation({
    mutationFn: (file: File) => apiUpload<TUserImportPreview>('/api/v1/users/import-preview', file),
    onMutate: () => {
      setRefusal(null);
      setPreview(null);
    },
    onSuccess: setPreview,
    onError: (error) => setRefusal(errorMessage(error)),
  });
  const create = useMutation({
    mutationFn: (rows: TUserImportPreview['rows']) =>
      api.post<TImportedUser[]>('/api/v1/users/import', {
        rows: rows.map(({ localityName: _name, ...row }) => row),
      }),
    onSuccess: (users) => {
      setCreated(users);
      setPreview(null);
      void queryClient.invalidateQueries({ queryKey: userQueries.all() });
      void queryClient.invalidateQueries({ queryKey: auditQueries.all() });
    },
    onError: (error) => setRefusal(errorMessage(error)),
  });

  if (!hasAnyRole(me, ADMIN_ROLES))
    return <Result status="403" title={t('user.notAllowed')} subTitle={t('user.notAllowedHint')} />;

  const pick = (file: File) => {
    if (file.size > MAX_LIST_BYTES) setRefusal(t('userImport.tooLarge'));
    else read.mutate(file);
    return false;
  };

  const savePasswords = (users: TImportedUser[]) => {
    const headers = [
      t('userImport.displayName'),
      t('userImport.username'),
      t('userImport.password'),
      t('userImport.locality'),
      t('userImport.unit'),
    ];
    const url = URL.createObjectURL(
      new Blob([passwordsCsv(users, headers)], { type: 'text/csv;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = 'mat-khau-ban-dau.csv';
    link.click();
    URL.revokeObjectURL(url);
  };

  const columns = [
    { key: 'line', title: t('userImport.line'), dataIndex: 'line', width: 70 },
    { key: 'displayName', title: t('userImport.displayName'), dataIndex: 'displayName' },
    { key: 'username', title: t('userImport.username'), dataIndex: 'username' },
    {
      key: 'role',
      title: t('userImport.role'),
      render: (_value: unknown, row: { role: string }) => t(`roles.${row.role}`),
    },
    {
      key: 'locality',
      title: t('userImport.locality'),
      render: (_value: unknown, row: { localityName: string | null; localityCode: string }) =>
        row.localityName ?? row.localityCode,
    },
    { key: 'unit', title: t('userImport.unit'), dataIndex: 'unitName' },
  ];

  return (
    <Flex vertical gap={12}>
      <div>
        <PageTitle>{t('userImport.title')}</PageTitle>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', maxWidth: 900 }}>
          {t('userImport.intro')}
        </Typography.Paragraph>
      </div>
      <Flex gap={8} wrap align="center">
        <Button
          icon={<DownloadOutlined />}
          loading={pendingKey === 'user-template'}
          onClick={() =>
            void download({
              key: 'user-template',
              label: t('userImport.template'),
              path: '/api/v1/users/import-template.xlsx',
              fileName: 'mau-danh-sach-nguoi-dung.xlsx',
            })
          }
        >
          {t('userImport.template')}
        </Button>
        <Upload
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={pick}
          disabled={read.isPending || create.isPending}
        >
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={read.isPending}
            data-testid="user-list-upload"
          >
            {read.isPending ? t('userImport.reading') : t('userImport.pick')}
          </Button>
        </Upload>
        <Link to="/admin/users">{t('userImport.backToUsers')}</Link>
      </Flex>

      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          title={refusal}
          data-testid="user-import-refusal"
        />
      )}

      {preview && (
        <Flex vertical gap={8} data-testid="user-import-preview">
          <Typography.Text type="secondary">
            {t('userImport.fileName', { name: preview.fileName })}
          </Typography.Text>
          {preview.problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t('userImport.problemsTitle', { count: preview.problems.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="user-import-problems">
                  {preview.problems.map((problem) => {
                    const text =
                      problem.line > 0
                        ? `${t('userImport.line')} ${problem.line}: ${problem.message}`
                        : problem.message;
                    return <li key={text}>{text}</li>;
                  })}
                </ul>
              }
            />
          ) : (
            <Alert
              type="success"
              showIcon
              title={t('userImport.readyTitle', { count: preview.rows.length })}
              action={
                <Popconfirm
                  title={t('userImport.createConfirm', { count: preview.rows.length })}
                  okText={t('userImport.create', { count: preview.rows.length })}
                  cancelText={t('common.cancel')}
                  onConfirm={() => create.mutate(preview.rows)}
                >
                  <Button type="primary" loading={create.isPending} data-testid="user-import-create">
                    {t('userImport.create', { count: preview.rows.length })}
                  </Button>
                </Popconfirm>
              }
            />
          )}
          <Table
            rowKey="line"
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={preview.rows}
            columns={columns}
          />
        </Flex>
      )}

      {created && (
        <Flex vertical gap={8} data-testid="user-import-created">
          <Alert
            type="warning"
            showIcon
            title={t('userImport.createdTitle', { count: created.length })}
            description={t('userImport.createdHint')}
            action={
              <Flex vertical gap={4}>
                <Button icon={<DownloadOutlined />} onClick={() => savePasswords(created)}>
                  {t('userImport.downloadPasswords')}
                </Button>
                <Button onClick={() => setCreated(null)}>{t('userImport.another')}</Button>
              </Flex>
            }
          />
          <Table
            rowKey="id"
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={created}
            columns={[
              { key: 'line', title: t('userImport.line'), dataIndex: 'line', width: 70 },
              { key: 'displayName', title: t('userImport.displayName'), dataIndex: 'displayName' },
              { key: 'username', title: t('userImport.username'), dataIndex: 'username' },
              { key: 'locality', title: t('userImport.locality'), dataIndex: 'localityName' },
              { key: 'unit', title: t('userImport.unit'), dataIndex: 'unitName' },
              {
                key: 'password',
                title: t('userImport.password'),
                render: (_value: unknown, user: TImportedUser) => (
                  <Typography.Text code copyable={{ text: user.password }}>
                    {user.password}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Flex>
  );
};

export default UserImportPage;
