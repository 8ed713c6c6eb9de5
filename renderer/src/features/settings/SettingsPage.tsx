// Language for everyone; the ledger's settings editable by the administrator, readable by the others.
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Select, Spin, Switch, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RestoreDialog } from '../backup/RestoreDialog';
import type { LedgerSettings } from '../../../../preload/contract';
import { formatNumber, RECEIPT_NO_PATTERNS, RECEIPT_NO_RULE } from '../../../../db/domain/receipt';
import { selectHasRole, useLedger } from '../../store';
import { useAction, useLoad } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useLedger((s) => s.settings);
  const isAdmin = useLedger(selectHasRole('admin'));
  const { busy, error } = useLoad(useLedger((s) => s.loadSettings));

  return (
    <Flex vertical gap={16}>
      <Card title={t('language.label')}>
        <LanguageSwitch />
      </Card>
      <Card title={t('settings.ledgerTitle')}>
        <ErrorAlert error={error} testId="settings-load-error" />
        <Spin spinning={busy}>{settings && (isAdmin ? <SettingsForm settings={settings} /> : <SettingsView settings={settings} />)}</Spin>
      </Card>
      {isAdmin && <RestoreCard />}
      <LedgerInfoCard />
    </Flex>
  );
}

const COUNT_LABELS = { accounts: 'overview.countNames.accounts', audit_log: 'overview.countNames.audit_log' } as const;

function isCountName(name: string): name is keyof typeof COUNT_LABELS {
  return Object.hasOwn(COUNT_LABELS, name);
}

/** 台账信息: the ledger's technical facts (schema and program versions, audit chain head, counts), for anyone signed in. */
function LedgerInfoCard() {
  const { t } = useTranslation();
  const info = useLedger((s) => s.ledgerInfo);
  const { busy, error } = useLoad(useLedger((s) => s.loadLedgerInfo));
  const items: DescriptionsProps['items'] = info
    ? [
        { key: 'schema', label: t('overview.schemaVersion'), children: <span data-testid="overview-schema-version">{info.schemaVersion}</span> },
        { key: 'app', label: t('overview.appVersion'), children: info.appVersion },
        {
          key: 'audit',
          label: t('overview.auditHead'),
          children: (
            <span className="monospace" data-testid="overview-audit-head">
              #{info.auditHead.seq} {info.auditHead.hash.slice(0, 8)}
            </span>
          ),
        },
        // A count without words is not shown: the screen names no table.
        ...Object.entries(info.counts).flatMap(([name, count]) =>
          isCountName(name) ? [{ key: `count-${name}`, label: t(COUNT_LABELS[name]), children: count }] : [],
        ),
      ]
    : [];
  return (
    <Card title={t('overview.infoTitle')} data-testid="settings-ledger-info">
      <ErrorAlert error={error} testId="overview-error" />
      <Spin spinning={busy}>
        <Descriptions column={1} bordered size="small" items={items} data-testid="overview-info" style={{ maxWidth: 520 }} />
      </Spin>
    </Card>
  );
}

/** The levels a cabinet's stocktake cadence follows (the most secret one it holds). */
const CADENCE_LEVELS = ['top_secret', 'secret', 'confidential'] as const;

function SettingsForm({ settings }: { settings: LedgerSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const updateSettings = useLedger((s) => s.updateSettings);
  const { run, busy, error } = useAction(updateSettings);

  async function save(values: LedgerSettings) {
    if (await run(values)) void message.success(t('settings.saved'));
  }

  return (
    <Form<LedgerSettings> layout="vertical" initialValues={settings} onFinish={save} style={{ maxWidth: 520 }}>
      <ErrorAlert error={error} testId="settings-error" />
      <Form.Item name="unitName" label={t('settings.unitName')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
        <Input autoFocus data-testid="settings-unit-name" />
      </Form.Item>
      <Form.Item name="idleMinutes" label={t('settings.idleMinutes')} extra={t('settings.idleHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={240} precision={0} suffix={t('settings.minutes')} style={{ width: 200 }} data-testid="settings-idle-minutes" />
      </Form.Item>
      <ReceiptNoField />
      <Form.Item name="reminderDays" label={t('settings.reminderDays')} extra={t('settings.reminderHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} precision={0} suffix={t('settings.days')} style={{ width: 200 }} data-testid="settings-reminder-days" />
      </Form.Item>
      <Form.Item name="backupIntervalDays" label={t('settings.backupIntervalDays')} extra={t('settings.backupIntervalHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={90} precision={0} suffix={t('settings.days')} style={{ width: 200 }} data-testid="settings-backup-interval" />
      </Form.Item>
      <Form.Item name="receiptReminderDays" label={t('settings.receiptReminderDays')} extra={t('settings.receiptReminderHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} precision={0} suffix={t('settings.days')} style={{ width: 200 }} data-testid="settings-receipt-reminder-days" />
      </Form.Item>
      <Form.Item name="shredderMaxCopies" label={t('settings.shredderMaxCopies')} extra={t('settings.shredderMaxCopiesHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1000} precision={0} suffix={t('settings.copies')} style={{ width: 200 }} data-testid="settings-shredder-max-copies" />
      </Form.Item>
      <Form.Item name="lateEntryYears" label={t('settings.lateEntryYears')} extra={t('settings.lateEntryYearsHelp')} rules={[{ required: true }]}>
        <InputNumber min={0} max={50} precision={0} suffix={t('settings.years')} style={{ width: 200 }} data-testid="settings-late-entry-years" />
      </Form.Item>
      <Form.Item
        name="computerCheckIntervalDays"
        label={t('computerChecks.settings.interval')}
        extra={t('computerChecks.settings.intervalHelp')}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={365} precision={0} suffix={t('settings.days')} style={{ width: 200 }} data-testid="settings-computer-check-interval" />
      </Form.Item>
      <Card type="inner" size="small" title={t('settings.cadenceTitle')} style={{ marginBottom: 24 }}>
        <Typography.Paragraph type="secondary">{t('settings.cadenceHelp')}</Typography.Paragraph>
        {CADENCE_LEVELS.map((level) => (
          <Form.Item key={level} name={['stocktakeCadenceMonths', level]} label={t(`levels.${level}`)} rules={[{ required: true }]}>
            <InputNumber min={1} max={24} precision={0} suffix={t('settings.months')} style={{ width: 200 }} data-testid={`settings-cadence-${level}`} />
          </Form.Item>
        ))}
      </Card>
      <Card type="inner" size="small" title={t('settings.policyTitle')} style={{ marginBottom: 24 }}>
        <Form.Item name={['passwordPolicy', 'minLength']} label={t('settings.minLength')} rules={[{ required: true }]}>
          <InputNumber min={8} max={64} precision={0} style={{ width: 200 }} data-testid="settings-min-length" />
        </Form.Item>
        <Form.Item name={['passwordPolicy', 'requireMixedCase']} label={t('settings.requireMixedCase')} valuePropName="checked">
          <Switch data-testid="settings-require-mixed-case" />
        </Form.Item>
        <Form.Item name={['passwordPolicy', 'requireSymbol']} label={t('settings.requireSymbol')} valuePropName="checked" extra={t('settings.policyHelp')}>
          <Switch data-testid="settings-require-symbol" />
        </Form.Item>
      </Card>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** Restore from a backup: the administrator is signed out first, and the login screen reports the result. */
function RestoreCard() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card title={t('restore.title')}>
      <Flex vertical gap={12} align="flex-start">
        <Alert type="warning" showIcon title={t('restore.adminHint')} />
        <Button danger onClick={() => setOpen(true)} data-testid="settings-restore">
          {t('restore.open')}
        </Button>
      </Flex>
      {open && <RestoreDialog onClose={() => setOpen(false)} />}
    </Card>
  );
}

const CUSTOM = 'custom';
/** The first two 收文编号 of this year a pattern makes: what the settings show instead of the pattern. */
const examples = (pattern: string) => {
  const year = new Date().getFullYear();
  return { first: formatNumber(pattern.trim(), year, 1), second: formatNumber(pattern.trim(), year, 2) };
};
const isPreset = (pattern: string | undefined) => (RECEIPT_NO_PATTERNS as readonly (string | undefined)[]).includes(pattern);

/** The 收文编号 pattern, picked by the numbers it makes; the template syntax only for a custom one. */
function ReceiptNoField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<LedgerSettings>();
  const pattern = Form.useWatch<string | undefined>('receiptNoFormat') ?? '';
  const [custom, setCustom] = useState(() => !isPreset(form.getFieldValue('receiptNoFormat') as string | undefined));
  const valid = RECEIPT_NO_RULE.test(pattern);
  return (
    <Form.Item label={t('settings.receiptNoFormat')} htmlFor="settings-receipt-no-pattern" required>
      <Flex vertical gap={8} align="flex-start">
        <Select
          id="settings-receipt-no-pattern"
          value={custom ? CUSTOM : pattern}
          onChange={(choice: string) => {
            setCustom(choice === CUSTOM);
            if (choice !== CUSTOM) form.setFieldValue('receiptNoFormat', choice);
          }}
          options={[...RECEIPT_NO_PATTERNS.map((p) => ({ value: p, label: examples(p).first })), { value: CUSTOM, label: t('settings.receiptNoCustom') }]}
          style={{ width: 280 }}
          data-testid="settings-receipt-no-pattern"
        />
        <Form.Item
          name="receiptNoFormat"
          noStyle
          hidden={!custom}
          rules={[{ required: true, whitespace: true }, { max: 40 }, { pattern: RECEIPT_NO_RULE, message: t('settings.receiptNoRule') }]}
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            aria-label={t('settings.receiptNoCustom')}
            style={{ width: 280 }}
            data-testid="settings-receipt-no-format"
          />
        </Form.Item>
        {custom && <Typography.Text type="secondary">{t('settings.receiptNoHelp')}</Typography.Text>}
        <Typography.Text type="secondary" data-testid="settings-receipt-no-example">
          {valid ? t('settings.receiptNoExample', examples(pattern)) : t('settings.receiptNoRule')}
        </Typography.Text>
      </Flex>
    </Form.Item>
  );
}

function SettingsView({ settings }: { settings: LedgerSettings }) {
  const { t } = useTranslation();
  const yesNo = (on: boolean) => (on ? t('common.yes') : t('common.no'));
  const { minLength, requireMixedCase, requireSymbol } = settings.passwordPolicy;
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('settings.adminOnly')} />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'unit', label: t('settings.unitName'), children: settings.unitName },
          { key: 'idle', label: t('settings.idleMinutes'), children: `${settings.idleMinutes} ${t('settings.minutes')}` },
          {
            key: 'receiptNo',
            label: t('settings.receiptNoFormat'),
            children: t('settings.receiptNoExample', examples(settings.receiptNoFormat)),
          },
          { key: 'reminderDays', label: t('settings.reminderDays'), children: `${settings.reminderDays} ${t('settings.days')}` },
          { key: 'backupInterval', label: t('settings.backupIntervalDays'), children: `${settings.backupIntervalDays} ${t('settings.days')}` },
          { key: 'receiptReminder', label: t('settings.receiptReminderDays'), children: `${settings.receiptReminderDays} ${t('settings.days')}` },
          { key: 'shredder', label: t('settings.shredderMaxCopies'), children: `${settings.shredderMaxCopies} ${t('settings.copies')}` },
          { key: 'lateEntry', label: t('settings.lateEntryYears'), children: `${settings.lateEntryYears} ${t('settings.years')}` },
          {
            key: 'computerChecks',
            label: t('computerChecks.settings.interval'),
            children: `${settings.computerCheckIntervalDays} ${t('settings.days')}`,
          },
          {
            key: 'cadence',
            label: t('settings.cadenceTitle'),
            children: CADENCE_LEVELS.map((l) => t('settings.cadenceOf', { level: t(`levels.${l}`), months: settings.stocktakeCadenceMonths[l] })).join(
              t('settings.cadenceJoin'),
            ),
          },
          { key: 'min', label: t('settings.minLength'), children: minLength },
          { key: 'case', label: t('settings.requireMixedCase'), children: yesNo(requireMixedCase) },
          { key: 'symbol', label: t('settings.requireSymbol'), children: yesNo(requireSymbol) },
        ]}
      />
    </Flex>
  );
}
