// First start: unit name -> first account (admin + custodian) -> recovery code -> optional approver -> optional auditor
// -> optional first cabinet (so the first 收文登记 needs no detour).
import { useEffect, useRef, useState } from 'react';
import { App, Button, Flex, Form, Input, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { useEnterNavigation } from '../../ui/hooks/useEnterNavigation';
import { useMarkField } from '../../ui/hooks/useMarkField';
import { BASE_POLICY } from '../../../../db/domain/passwords';
import { GateFrame } from '../../ui/GateFrame';
import { focusFirstField } from '../../ui/focusFirstField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { IdentityFields } from '../accounts/IdentityFields';
import { PasswordFields } from '../accounts/PasswordFields';
import { RecoveryCodeSheet } from './RecoveryCodeSheet';
import { RestoreDialog } from '../backup/RestoreDialog';
import { CABINET_DEFAULTS, CABINET_ERROR_FIELDS, CabinetFields, useCreateCabinet, type CabinetValues } from '../documents/CabinetDialog';

const STAGES = ['unit', 'account', 'recovery', 'approver', 'auditor', 'cabinet'] as const;
type Stage = (typeof STAGES)[number];
/** The accounts the wizard offers after the first one, each skippable: others hold these duties (issue 12). */
type OtherDuty = Extract<Stage, 'approver' | 'auditor'>;

interface LedgerValues {
  unitName: string;
  username: string;
  displayName: string;
  password: string;
}

export function SetupWizard() {
  const { t } = useTranslation();
  const onboarding = useLedger((s) => s.onboarding);
  const finishOnboarding = useLedger((s) => s.finishOnboarding);
  const [stage, setStage] = useState<Stage>('unit');
  const [restoring, setRestoring] = useState(false);
  const step = useRef<HTMLDivElement>(null);

  // Keyboard-first: each step starts on its first field (its own autoFocus, else the first one there), never the page.
  useEffect(() => (step.current ? focusFirstField(step.current) : undefined), [stage]);

  return (
    <GateFrame title={t('setup.title')} width={640} testId="setup-wizard">
      <Steps current={STAGES.indexOf(stage)} size="small" style={{ marginBottom: 24 }} items={STAGES.map((s) => ({ title: t(`setup.steps.${s}`) }))} />
      <div ref={step}>
        {(stage === 'unit' || stage === 'account') && <LedgerForm stage={stage} onStage={setStage} />}
        {stage === 'recovery' && onboarding && (
          <RecoveryCodeSheet code={onboarding.recoveryCode} unitName={onboarding.unitName} onContinue={() => setStage('approver')} />
        )}
        {stage === 'approver' && <OtherAccountForm key="approver" role="approver" onDone={() => setStage('auditor')} />}
        {stage === 'auditor' && <OtherAccountForm key="auditor" role="auditor" onDone={() => setStage('cabinet')} />}
        {stage === 'cabinet' && <CabinetStep onDone={finishOnboarding} />}
      </div>
      {stage === 'unit' && (
        // A new or reinstalled computer: the ledger comes back from its backup instead of being set up anew.
        <Button type="link" onClick={() => setRestoring(true)} style={{ padding: 0, marginTop: 12 }} data-testid="setup-restore">
          {t('restore.open')}
        </Button>
      )}
      {restoring && <RestoreDialog onClose={() => setRestoring(false)} />}
    </GateFrame>
  );
}

/** One form over the first two stages, so going back keeps what was typed. */
function LedgerForm({ stage, onStage }: { stage: 'unit' | 'account'; onStage(stage: Stage): void }) {
  const { t } = useTranslation();
  const setupLedger = useLedger((s) => s.setupLedger);
  const [form] = Form.useForm<LedgerValues>();
  const { run, busy, error } = useAction(setupLedger);

  async function next() {
    if (stage === 'unit') return onStage('account');
    // getFieldsValue(true) includes the unit name, whose field is no longer on screen.
    const { unitName, username, displayName, password } = form.getFieldsValue(true) as LedgerValues;
    if (await run({ unitName, username, displayName, password })) onStage('recovery');
  }

  return (
    <Form form={form} layout="vertical" onFinish={next}>
      {stage === 'unit' ? (
        <>
          <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
          <Form.Item name="unitName" label={t('setup.unitName')} extra={t('setup.unitNameHelp')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
            <Input autoFocus data-testid="setup-unit-name" />
          </Form.Item>
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('setup.accountIntro')}</Typography.Paragraph>
          <ErrorAlert error={error} testId="setup-error" />
          <IdentityFields testIdPrefix="setup" autoFocus />
          <PasswordFields name="password" policy={BASE_POLICY} testId="setup-password" />
        </>
      )}
      <Flex justify="space-between">
        {stage === 'account' ? (
          <Button onClick={() => onStage('unit')} data-testid="setup-back">
            {t('common.back')}
          </Button>
        ) : (
          <span />
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="setup-next">
          {stage === 'unit' ? t('common.next') : t('setup.create')}
        </Button>
      </Flex>
    </Form>
  );
}

interface AccountValues {
  username: string;
  displayName: string;
  password: string;
}

/** An account for another person (the unit head who approves, the auditor), created now or skipped for later. */
function OtherAccountForm({ role, onDone }: { role: OtherDuty; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const createAccount = useLedger((s) => s.createAccount);
  const { run, busy, error } = useAction(createAccount);

  async function create({ username, displayName, password }: AccountValues) {
    if (!(await run({ username, displayName, password, roles: [role] }))) return;
    void message.success(t(`setup.${role}Created`));
    onDone();
  }

  return (
    <Form<AccountValues> layout="vertical" onFinish={create}>
      <Typography.Paragraph>{t(`setup.${role}Intro`)}</Typography.Paragraph>
      <ErrorAlert error={error} testId={`${role}-error`} />
      <IdentityFields testIdPrefix={role} autoFocus />
      <PasswordFields name="password" policy={BASE_POLICY} testId={`${role}-password`} />
      <Flex justify="space-between">
        <Button onClick={onDone} data-testid={`${role}-skip`}>
          {t(`setup.${role}Skip`)}
        </Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${role}-create`}>
          {t(`setup.${role}Create`)}
        </Button>
      </Flex>
    </Form>
  );
}

/** The first cabinet, with the fields of the 登记保密柜 dialog; skippable (registered later, or from the entry form). */
function CabinetStep({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CabinetValues>();
  const { run, busy, error } = useAction(useCreateCabinet(onDone));
  useMarkField(form, error, CABINET_ERROR_FIELDS);
  const onKeyDownCapture = useEnterNavigation(() => form.submit());

  return (
    <div onKeyDownCapture={onKeyDownCapture}>
      <Form<CabinetValues>
        form={form}
        layout="vertical"
        initialValues={CABINET_DEFAULTS}
        scrollToFirstError={{ block: 'center', focus: true }}
        onFinish={(values) => void run(values)}
      >
        <Typography.Paragraph>{t('setup.cabinetIntro')}</Typography.Paragraph>
        <ErrorAlert error={error} testId="cabinet-error" />
        <CabinetFields testId="cabinet" />
        <Flex justify="space-between">
          <Button onClick={onDone} data-testid="cabinet-skip">
            {t('setup.cabinetSkip')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="cabinet-create">
            {t('setup.cabinetCreate')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
