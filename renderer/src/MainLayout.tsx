// The signed-in frame: header with unit, user and lock, a side menu with room for the registers.
import { useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { App, Badge, Button, Layout, Menu, Space, Tooltip, Typography, type MenuProps } from 'antd';
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FileAddOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  HddOutlined,
  ImportOutlined,
  InboxOutlined,
  KeyOutlined,
  LaptopOutlined,
  LockOutlined,
  LogoutOutlined,
  NotificationOutlined,
  QuestionCircleOutlined,
  ReconciliationOutlined,
  SearchOutlined,
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
import { StocktakesPage } from './features/stocktake/StocktakesPage';
import { StocktakePage } from './features/stocktake/StocktakePage';
import { PublicationPage } from './features/publication/PublicationPage';
import { StatisticsPage } from './features/statistics/StatisticsPage';
import { FindingsPage } from './features/findings/FindingsPage';
import { CommandPalette, type PaletteScreen } from './features/navigation/CommandPalette';
import { KEYBOARD_MODAL, ShortcutsHelp } from './ui/ShortcutsHelp';
import { focusFirstField } from './ui/focusFirstField';
import './features/navigation/navigation.css';

const PAGES: Record<Page, ComponentType> = {
  overview: OverviewPage,
  documents: DocumentsPage,
  document: DocumentPage,
  'register-received': () => <DocumentEntryPage origin="received" />,
  'register-produced': () => <DocumentEntryPage origin="produced" />,
  'batch-return': () => <BatchPage kind="return" />,
  'batch-destroy': () => <BatchPage kind="destroy" />,
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
  stocktakes: StocktakesPage,
  stocktake: StocktakePage,
  statistics: StatisticsPage,
  findings: FindingsPage,
  publication: PublicationPage,
};

/** The menu entry a page belongs to. */
const MENU_KEY: Partial<Record<Page, Page>> = {
  document: 'documents',
  'register-produced': 'documents',
  'batch-return': 'documents',
  'batch-destroy': 'documents',
  approval: 'approvals',
  stocktake: 'stocktakes',
};

/** The screens the menu and the palette open, with their icons. */
const ICONS = {
  overview: <DashboardOutlined />,
  statistics: <BarChartOutlined />,
  documents: <FileProtectOutlined />,
  'register-received': <FileAddOutlined />,
  'register-produced': <FileAddOutlined />,
  'batch-return': <FileProtectOutlined />,
  'batch-destroy': <FileProtectOutlined />,
  locations: <InboxOutlined />,
  stocktakes: <ReconciliationOutlined />,
  findings: <AlertOutlined />,
  publication: <NotificationOutlined />,
  'secret-computers': <DesktopOutlined />,
  'plain-computers': <LaptopOutlined />,
  'secret-media': <UsbOutlined />,
  'plain-media': <HddOutlined />,
  people: <UserSwitchOutlined />,
  import: <ImportOutlined />,
  approvals: <FileDoneOutlined />,
  accounts: <TeamOutlined />,
  audit: <AuditOutlined />,
  backup: <CloudServerOutlined />,
  settings: <SettingOutlined />,
} satisfies Partial<Record<Page, ReactNode>>;
type Screen = keyof typeof ICONS;

/** Alt+1 … Alt+9 open these, in the menu's order (the menu shows the key beside each); Alt+0 the overview. */
const ACCESS_KEYS: readonly Screen[] = [
  'documents',
  'register-received',
  'locations',
  'secret-computers',
  'plain-computers',
  'secret-media',
  'plain-media',
  'people',
  'approvals',
];

const accessKeyOf = (page: Screen): string | undefined => {
  const at = ACCESS_KEYS.indexOf(page);
  return at < 0 ? undefined : String(at + 1);
};

const TEXT_FIELDS = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea, select';

/** A key typed into a field is text, not a command. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches(TEXT_FIELDS));
}

export function MainLayout({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const unitName = useLedger(selectUnitName);
  const page = useLedger((s) => s.page);
  const setPage = useLedger((s) => s.setPage);
  const openDocuments = useLedger((s) => s.openDocuments);
  const openDocumentEntry = useLedger((s) => s.openDocumentEntry);
  const documentId = useLedger((s) => s.documentId);
  const deviceId = useLedger((s) => s.deviceId);
  const stocktakeId = useLedger((s) => s.stocktakeId);
  const lock = useLedger((s) => s.lock);
  const logout = useLedger((s) => s.logout);
  const loadSettings = useLedger((s) => s.loadSettings);
  const changePassword = useLedger((s) => s.changePassword);
  const [changingPassword, setChangingPassword] = useState(false);
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const content = useRef<HTMLElement>(null);

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
    // Everyone who reads the registers sees the stocktakes and their reports; the custodian takes them.
    stocktakes: readsRegisters,
    stocktake: readsRegisters,
    statistics: readsRegisters,
    findings: readsRegisters,
    publication: readsRegisters,
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

  /** Every way to a screen (menu, access key, palette) goes through the store's navigation. */
  const go = useCallback(
    (to: Page) => {
      setPalette(false);
      setHelp(false);
      if (to === 'documents') openDocuments();
      else if (to === 'register-received') openDocumentEntry('received');
      else setPage(to);
    },
    [openDocuments, openDocumentEntry, setPage],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = (e.ctrlKey || e.metaKey) && !e.altKey;
      const key = e.key.toLowerCase();
      // Access keys and the palette leave the page: not from inside a dialog of the page, which has its own keys
      // (the palette and the help are no such dialog: from there, and while they close, the keys work).
      const inDialog = e.target instanceof HTMLElement && !!e.target.closest(`.ant-modal-wrap:not(.${KEYBOARD_MODAL})`);
      if (command && key === 'l') {
        e.preventDefault();
        lockNow();
      } else if (command && key === 'k' && !inDialog) {
        e.preventDefault();
        setPalette(true);
      } else if (e.key === 'F1' || (e.key === '?' && !command && !e.altKey && !typingIn(e.target))) {
        e.preventDefault();
        setHelp(true);
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && /^(Digit|Numpad)\d$/.test(e.code) && !inDialog) {
        // e.code: Alt+digit types other characters on some layouts.
        const digit = Number(e.code.slice(-1));
        const to = digit === 0 ? 'overview' : ACCESS_KEYS[digit - 1];
        if (!to || !allowed[to]) return;
        e.preventDefault();
        go(to);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    // Keyboard-first: after every page change the cursor is on the page's first field (or its heading), never on the body.
    if (content.current) return focusFirstField(content.current);
  }, [shown, documentId, deviceId, stocktakeId]);

  const labels: Record<Screen, string> = {
    overview: t('menu.overview'),
    statistics: t('statistics.menu'),
    documents: t('menu.documents'),
    'register-received': t('documents.receive'),
    'register-produced': t('documents.produce'),
    'batch-return': t('documents.batchReturn'),
    'batch-destroy': t('documents.batchDestroy'),
    locations: t('menu.locations'),
    stocktakes: t('menu.stocktakes'),
    findings: t('findings.menu'),
    publication: t('publication.menu'),
    'secret-computers': t('menu.secretComputers'),
    'plain-computers': t('menu.plainComputers'),
    'secret-media': t('menu.secretMedia'),
    'plain-media': t('menu.plainMedia'),
    people: t('menu.people'),
    import: t('menu.import'),
    approvals: t('menu.approvals'),
    accounts: t('menu.accounts'),
    audit: t(isAuditor ? 'menu.audit' : 'menu.checkPrintout'),
    backup: t('menu.backup'),
    settings: t('menu.settings'),
  };
  const screens: PaletteScreen[] = (Object.keys(labels) as Screen[])
    .filter((key) => allowed[key])
    .map((key) => ({ key, label: labels[key], icon: ICONS[key], accessKey: accessKeyOf(key), open: () => go(key) }));
  const accessKeyList = ACCESS_KEYS.filter((key) => allowed[key]).map((key) => ({ key: accessKeyOf(key)!, label: labels[key] }));

  const item = (key: Screen, extra: { disabled?: boolean; label?: ReactNode } = {}) => {
    const accessKey = accessKeyOf(key);
    return {
      key,
      icon: ICONS[key],
      disabled: extra.disabled,
      label: (
        <span className="menu-entry" data-testid={`menu-${key}`} aria-keyshortcuts={accessKey && `Alt+${accessKey}`}>
          <span className="menu-entry-label">{extra.label ?? labels[key]}</span>
          {accessKey && (
            // The key for the eye; screen readers hear aria-keyshortcuts.
            <span className="menu-access-key" aria-hidden="true">
              Alt+{accessKey}
            </span>
          )}
        </span>
      ),
    };
  };
  const registers = [
    item('documents', { disabled: !readsRegisters }),
    ...(isCustodian ? [item('register-received')] : []),
    ...(readsRegisters ? [item('locations'), item('stocktakes')] : []),
    item('secret-computers', { disabled: !readsRegisters }),
    item('plain-computers', { disabled: !readsRegisters }),
    item('secret-media', { disabled: !readsRegisters }),
    item('plain-media', { disabled: !readsRegisters }),
    ...(readsRegisters ? [item('people')] : []),
    ...(readsRegisters ? [item('findings')] : []),
    ...(readsRegisters ? [item('publication')] : []),
    ...(isCustodian ? [item('import')] : []),
  ];
  // The approver sees how many requests wait for them.
  const approvalsLabel = (
    <Badge count={isApprover ? approvalsPending : 0} size="small" offset={[10, 0]} data-testid="menu-approvals-pending">
      {t('menu.approvals')}
    </Badge>
  );
  const menuItems: MenuProps['items'] = [
    item('overview'),
    ...(readsRegisters ? [item('statistics')] : []),
    { type: 'group', key: 'registers', label: t('menu.registers'), children: registers },
    ...(readsRegisters ? [item('approvals', { label: approvalsLabel })] : []),
    { type: 'divider' },
    ...(isAdmin ? [item('accounts')] : []),
    ...(allowed.audit ? [item('audit')] : []),
    item('backup'),
    item('settings'),
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
          <Tooltip title={t('keyboard.palette.open')}>
            <Button
              icon={<SearchOutlined />}
              onClick={() => setPalette(true)}
              aria-label={t('keyboard.palette.title')}
              aria-keyshortcuts="Control+K"
              data-testid="palette-button"
            />
          </Tooltip>
          <Tooltip title={t('keyboard.help.open')}>
            <Button
              icon={<QuestionCircleOutlined />}
              onClick={() => setHelp(true)}
              aria-label={t('keyboard.help.title')}
              aria-keyshortcuts="F1"
              data-testid="help-button"
            />
          </Tooltip>
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
        <Layout.Sider width={288} theme="light" className="main-sider">
          <Menu
            mode="inline"
            selectedKeys={[MENU_KEY[shown] ?? shown]}
            style={{ borderInlineEnd: 'none' }}
            items={menuItems}
            onClick={({ key }) => go(key as Page)}
          />
        </Layout.Sider>
        <Layout.Content className="main-content" ref={content}>
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
      <CommandPalette open={palette} screens={screens} searchDocuments={readsRegisters} onClose={() => setPalette(false)} />
      <ShortcutsHelp open={help} accessKeys={accessKeyList} onClose={() => setHelp(false)} />
      <PrintPreview />
    </Layout>
  );
}
