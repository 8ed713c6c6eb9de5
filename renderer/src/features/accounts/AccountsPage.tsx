// Account administration: list, create, edit (name, roles, active) and reset a password.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Switch, Table, Tag, type TableProps } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountView, Role } from '../../../../preload/contract';
import { selectSession, useLedger } from '../../store';
import { useLoad } from '../../ui/hooks/useAction';
import { formatDateTime } from '../../ui/format';
import { BASE_POLICY } from '../../../../db/domain/passwords';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { IdentityFields } from './IdentityFields';
import { PasswordFields } from './PasswordFields';
import { RolePicker, RoleTags } from './Roles';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; account: AccountView };

export function AccountsPage() {
  const { t } = useTranslation();
  const accounts = useLedger((s) => s.accounts);
  const { busy, error } = useLoad(useLedger((s) => s.loadAccounts));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const columns: TableProps<AccountView>['columns'] = [
    { key: 'username', dataIndex: 'username', title: t('account.username') },
    { key: 'displayName', dataIndex: 'displayName', title: t('account.displayName') },
    { key: 'roles', title: t('account.roles'), render: (_, a) => <RoleTags roles={a.roles} /> },
    {
      key: 'active',
      title: t('accounts.status'),
      render: (_, a) => (a.active ? <Tag color="green">{t('accounts.active')}</Tag> : <Tag>{t('accounts.inactive')}</Tag>),
    },
    {
      key: 'mustChange',
      title: t('accounts.mustChange'),
      render: (_, a) => (a.mustChangePassword ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no')),
    },
    { key: 'lastLogin', title: t('accounts.lastLogin'), render: (_, a) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt) : t('accounts.never')) },
    {
      key: 'actions',
      title: t('accounts.actions'),
      render: (_, account) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', account })} data-testid={`account-edit-${account.username}`}>
            {t('common.edit')}
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', account })} data-testid={`account-reset-${account.username}`}>
            {t('accounts.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('accounts.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="account-create-button">
          {t('accounts.create')}
        </Button>
      }
    >
      <ErrorAlert error={error} testId="accounts-error" />
      <Table<AccountView>
        rowKey="username"
        columns={columns}
        dataSource={accounts}
        loading={busy}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        data-testid="accounts-table"
      />
      {dialog?.kind === 'create' && <CreateAccountModal onClose={close} />}
      {dialog?.kind === 'edit' && <EditAccountModal account={dialog.account} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal account={dialog.account} onClose={close} />}
    </Card>
  );
}

const rolesRule = (message: string) => ({ required: true, type: 'array' as const, min: 1, message });

interface CreateValues {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

function CreateAccountModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const createAccount = useLedger((s) => s.createAccount);
  const policy = useLedger((s) => s.settings?.passwordPolicy ?? BASE_POLICY);
  return (
    <FormModal<CreateValues>
      title={t('accounts.createTitle')}
      submitText={t('accounts.create')}
      testId="account-create"
      initialValues={{ roles: [] }}
      onSubmit={async ({ username, displayName, roles, password }) => {
        await createAccount({ username, displayName, roles, password });
        void message.success(t('accounts.created', { username }));
      }}
      onClose={onClose}
    >
      <IdentityFields testIdPrefix="account-create" autoFocus />
      <Form.Item name="roles" label={t('account.roles')} extra={t('account.roleConflict')} rules={[rolesRule(t('account.rolesRequired'))]}>
        <RolePicker testIdPrefix="account-create-role" />
      </Form.Item>
      <PasswordFields name="password" policy={policy} testId="account-create-password" />
    </FormModal>
  );
}

interface EditValues {
  displayName: string;
  roles: Role[];
  active: boolean;
}

function EditAccountModal({ account, onClose }: { account: AccountView; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updateAccount = useLedger((s) => s.updateAccount);
  const isSelf = useLedger((s) => selectSession(s)?.username === account.username);
  const { username } = account;
  return (
    <FormModal<EditValues>
      title={t('accounts.editTitle', { username })}
      submitText={t('common.save')}
      testId="account-edit"
      initialValues={{ displayName: account.displayName, roles: account.roles, active: account.active }}
      onSubmit={async ({ displayName, roles, active }) => {
        await updateAccount({ username, displayName, roles, active });
        void message.success(t('accounts.updated', { username }));
      }}
      onClose={onClose}
    >
      <Form.Item name="displayName" label={t('account.displayName')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
        <Input autoFocus data-testid="account-edit-display-name" />
      </Form.Item>
      <Form.Item name="roles" label={t('account.roles')} extra={t('account.roleConflict')} rules={[rolesRule(t('account.rolesRequired'))]}>
        {/* The backend refuses giving oneself a role (another administrator must): the picker says so first. */}
        <RolePicker testIdPrefix="account-edit-role" ownRoles={isSelf ? account.roles : undefined} />
      </Form.Item>
      {/* The backend refuses disabling oneself; the switch says so before anyone tries. */}
      <Form.Item name="active" label={t('accounts.status')} valuePropName="checked">
        <Switch disabled={isSelf} checkedChildren={t('accounts.active')} unCheckedChildren={t('accounts.inactive')} data-testid="account-edit-active" />
      </Form.Item>
    </FormModal>
  );
}

function ResetPasswordModal({ account, onClose }: { account: AccountView; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const resetPassword = useLedger((s) => s.resetPassword);
  const policy = useLedger((s) => s.settings?.passwordPolicy ?? BASE_POLICY);
  const { username } = account;
  return (
    <FormModal<{ newPassword: string }>
      title={t('accounts.resetTitle', { username })}
      submitText={t('accounts.resetPassword')}
      testId="account-reset"
      onSubmit={async ({ newPassword }) => {
        await resetPassword(username, newPassword);
        void message.success(t('accounts.passwordReset', { username }));
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('accounts.resetHelp')} style={{ marginBottom: 16 }} />
      <PasswordFields name="newPassword" policy={policy} testId="account-reset-password" autoFocus />
    </FormModal>
  );
}
