// The signed-in frame: header with unit, user and lock, a side menu with room for the registers.
import { useCallback, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { App, Badge, Button, Layout, Menu, Space, Tooltip, Typography, type MenuProps } from 'antd';
import {
  AuditOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  HddOutlined,
  ImportOutlined,
  InboxOutlined,
  KeyOutlined,
  LaptopOutlined,
  LockOutlined,
  LogoutOutlined,
  SettingOutlined,
  TeamOutlined,
  UsbOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../preload/contract';
import { selectReadsRegisters, selectUnitName, useLedger, type Page } from './store';
import { useErrorText } from './i18n/errors';
import { RoleTags } from './features/accounts/Roles';
import { FormModal } from './ui/FormModal';
import { ChangePasswordFields, type ChangePasswordValues } from './features/accounts/ChangePasswordFields';
import { OverviewPage } from './features/overview/OverviewPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { AccountsPage } from './features/accounts/AccountsPage';
import { AuditPage } from './features/audit/AuditPage';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { DocumentPage } from './features/documents/DocumentPage';
import { DocumentEntryPage } from './features/documents/DocumentEntryPage';
import { BatchPage } from './features/batches/BatchPage';
import { LocationsPage } from './features/documents/LocationsPage';
import { DevicesPage } from './features/devices/DevicesPage';
import { DevicePage } from './features/devices/DevicePage';
import { PeoplePage } from './features/people/PeoplePage';
import { ImportPage } from './features/import/ImportPage';
import { PrintPreview } from './features/printing/PrintPreview';
import { BackupPage } from './features/backup/BackupPage';
import { ApprovalsPage } from './features/approvals/ApprovalsPage';
import { ApprovalPage } from './features/approvals/ApprovalPage';

const PAGES: Record<Page, ComponentType> = {
  overview: OverviewPage,
  documents: DocumentsPage,
  document: DocumentPage,
  'register-received': () => <DocumentEntryPage origin="received" />,
  'register-produced': () => <DocumentEntryPage origin="produced" />,
  'batch-return': () => <BatchPage kind="return" />,
  'batch-destroy': () => <BatchPage kind="destroy" />,
  'batch-inventory': () => <BatchPage kind="inventory" />,
  locations: LocationsPage,
  'secret-computers': () => <DevicesPage key="secret-computers" register="secret-computers" />,
  'plain-computers': () => <DevicesPage key="plain-computers" register="plain-computers" />,
  'secret-media': () => <DevicesPage key="secret-media" register="secret-media" />,
  'plain-media': () => <DevicesPage key="plain-media" register="plain-media" />,
  device: DevicePage,
  people: PeoplePage,
  import: ImportPage,
  accounts: AccountsPage,
  audit: AuditPage,
  approvals: ApprovalsPage,
  approval: ApprovalPage,
  backup: BackupPage,
  settings: SettingsPage,
};

/** The menu entry a page belongs to. */
const MENU_KEY: Partial<Record<Page, Page>> = {
  document: 'documents',
  'register-received': 'documents',
  'register-produced': 'documents',
  'batch-return': 'documents',
  'batch-destroy': 'documents',
  'batch-inventory': 'documents',
  approval: 'approvals',
};

export function MainLayout({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const unitName = useLedger(selectUnitName);
  const page = useLedger((s) => s.page);
  const setPage = useLedger((s) => s.setPage);
  const openDocuments = useLedger((s) => s.openDocuments);
  const lock = useLedger((s) => s.lock);
  const logout = useLedger((s) => s.logout);
  const loadSettings = useLedger((s) => s.loadSettings);
  const changePassword = useLedger((s) => s.changePassword);
  const [changingPassword, setChangingPassword] = useState(false);

  const isAdmin = session.roles.includes('admin');
  const isAuditor = session.roles.includes('auditor');
  const isCustodian = session.roles.includes('custodian');
  const isApprover = session.roles.includes('approver');
  const approvalsPending = useLedger((s) => s.approvalsPending ?? 0);
  const countPendingApprovals = useLedger((s) => s.countPendingApprovals);
  const readsRegisters = useLedger(selectReadsRegisters);
  const allowed: Record<Page, boolean> = {
    overview: true,
    documents: readsRegisters,
    document: readsRegisters,
    'register-received': isCustodian,
    'register-produced': isCustodian,
    'batch-return': isCustodian,
    'batch-destroy': isCustodian,
    'batch-inventory': isCustodian,
    locations: readsRegisters,
    'secret-computers': readsRegisters,
    'plain-computers': readsRegisters,
    'secret-media': readsRegisters,
    'plain-media': readsRegisters,
    device: readsRegisters,
    people: readsRegisters,
    import: isCustodian,
    accounts: isAdmin,
    // The custodian and the administrator check printouts there (核对打印件); only the auditor reads the log.
    audit: isAuditor || isCustodian || isAdmin,
    approvals: readsRegisters,
    approval: readsRegisters,
    backup: readsRegisters || isAdmin,
    settings: true,
  };
  const shown: Page = allowed[page] ? page : 'overview';
  const ShownPage = PAGES[shown];

  const notifyFailure = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const lockNow = useCallback(() => void lock().catch(notifyFailure), [lock, notifyFailure]);
  const logoutNow = useCallback(() => void logout().catch(notifyFailure), [logout, notifyFailure]);

  useEffect(() => {
    // The approver sees how many requests wait for them from the moment they sign in; the overview says why if it fails.
    if (isApprover) countPendingApprovals().catch(() => undefined);
  }, [isApprover, countPendingApprovals]);

  useEffect(() => {
    // For the password rule and the unit name; the settings page reports a failure itself.
    loadSettings().catch(() => undefined);
  }, [loadSettings]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lockNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lockNow]);

  const item = (key: string, icon: ReactNode, label: string, extra: { disabled?: boolean } = {}) => ({
    key,
    icon,
    label: <span data-testid={`menu-${key}`}>{label}</span>,
    ...extra,
  });
  const registers = [
    item('documents', <FileProtectOutlined />, t('menu.documents'), { disabled: !readsRegisters }),
    ...(readsRegisters ? [item('locations', <InboxOutlined />, t('menu.locations'))] : []),
    item('secret-computers', <DesktopOutlined />, t('menu.secretComputers'), { disabled: !readsRegisters }),
    item('plain-computers', <LaptopOutlined />, t('menu.plainComputers'), { disabled: !readsRegisters }),
    item('secret-media', <UsbOutlined />, t('menu.secretMedia'), { disabled: !readsRegisters }),
    item('plain-media', <HddOutlined />, t('menu.plainMedia'), { disabled: !readsRegisters }),
    ...(readsRegisters ? [item('people', <UserSwitchOutlined />, t('menu.people'))] : []),
    ...(isCustodian ? [item('import', <ImportOutlined />, t('menu.import'))] : []),
  ];
  // The approver sees how many requests wait for them.
  const approvalsLabel = (
    <Badge count={isApprover ? approvalsPending : 0} size="small" offset={[10, 0]} data-testid="menu-approvals-pending">
      {t('menu.approvals')}
    </Badge>
  );
  const menuItems: MenuProps['items'] = [
    item('overview', <DashboardOutlined />, t('menu.overview')),
    { type: 'group', key: 'registers', label: t('menu.registers'), children: registers },
    ...(readsRegisters ? [{ key: 'approvals', icon: <FileDoneOutlined />, label: <span data-testid="menu-approvals">{approvalsLabel}</span> }] : []),
    { type: 'divider' },
    ...(isAdmin ? [item('accounts', <TeamOutlined />, t('menu.accounts'))] : []),
    ...(isAuditor || isCustodian || isAdmin ? [item('audit', <AuditOutlined />, t(isAuditor ? 'menu.audit' : 'menu.checkPrintout'))] : []),
    item('backup', <CloudServerOutlined />, t('menu.backup')),
    item('settings', <SettingOutlined />, t('menu.settings')),
  ];

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="main-header">
        <Typography.Title level={4} className="main-unit" data-testid="header-unit-name">
          {unitName}
        </Typography.Title>
        <Space size="middle" wrap>
          <Space size="small" data-testid="header-user">
            <Typography.Text strong>{session.displayName}</Typography.Text>
            <RoleTags roles={session.roles} />
          </Space>
          <Button icon={<KeyOutlined />} onClick={() => setChangingPassword(true)} data-testid="change-password-button">
            {t('layout.changePassword')}
          </Button>
          <Tooltip title={t('layout.lockShortcut')}>
            <Button icon={<LockOutlined />} onClick={lockNow} data-testid="lock-button">
              {t('layout.lock')}
            </Button>
          </Tooltip>
          <Button icon={<LogoutOutlined />} onClick={logoutNow} data-testid="logout-button">
            {t('layout.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={264} theme="light" className="main-sider">
          <Menu
            mode="inline"
            selectedKeys={[MENU_KEY[shown] ?? shown]}
            style={{ borderInlineEnd: 'none' }}
            items={menuItems}
            onClick={({ key }) => (key === 'documents' ? openDocuments() : setPage(key as Page))}
          />
        </Layout.Sider>
        <Layout.Content className="main-content">
          <ShownPage />
        </Layout.Content>
      </Layout>
      {changingPassword && (
        <FormModal<ChangePasswordValues>
          title={t('changePassword.title')}
          submitText={t('changePassword.submit')}
          testId="change-password"
          onSubmit={async ({ oldPassword, newPassword }) => {
            await changePassword(oldPassword, newPassword);
            void message.success(t('changePassword.done'));
          }}
          onClose={() => setChangingPassword(false)}
        >
          <ChangePasswordFields />
        </FormModal>
      )}
      <PrintPreview />
    </Layout>
  );
}
