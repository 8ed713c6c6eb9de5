// Language for everyone; the ledger's settings editable by the administrator, readable by the others.
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Spin, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerSettings } from '../../../preload/contract';
import { selectHasRole, useLedger } from '../store';
import { useAction, useLoad } from '../hooks/useAction';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';

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
    </Flex>
  );
}

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
          { key: 'min', label: t('settings.minLength'), children: minLength },
          { key: 'case', label: t('settings.requireMixedCase'), children: yesNo(requireMixedCase) },
          { key: 'symbol', label: t('settings.requireSymbol'), children: yesNo(requireSymbol) },
        ]}
      />
    </Flex>
  );
}
