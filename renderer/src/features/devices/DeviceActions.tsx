// The custodian's forms for one computer's or medium's lifecycle (变更, 维修, 维修归来, 借用, 归还, 使用登记, 停用,
// 启用, 报废, 销毁): one dialog per action, as DocumentActions has them. The backend judges every rule; a refusal
// stays in the form with the rule in words and the field it concerns marked.
import { useRef, type ReactNode } from 'react';
import { App, Card, Checkbox, Form, Input, Select, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATA_LEVELS, DEVICE_LEVELS, NETWORKS, type DataLevel, type DeviceKind } from './devices';
import { isClassified, secretRank } from '../../../../db/domain/levels';
import { eventDate, isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { useDueDate } from '../../ui/hooks/useDueDate';
import { useLedger, type ComputerDetail, type MediumDetail } from '../../store';
import { FormModal } from '../../ui/FormModal';
import { PersonInput } from '../../ui/SuggestInput';
import { ComputerSelect } from './DeviceTags';
import { invalidCode, lookupCode, useScanFeedback, useScanTarget, type Scan } from '../scanner';
import { ApprovalFields, initialApproval, toGrant, type ApprovalValues } from '../documents/ApprovalFields';
import { cleanProducts, InstalledSelect, SecurityProductsField, toInstalled, type InstalledValue } from './SecurityFields';
import type { SecurityProduct } from '../../../../db/domain/computer-checks';

export type ComputerAction = 'change' | 'repair' | 'backFromRepair' | 'stop' | 'enable' | 'scrap' | 'destroy';
export type MediumAction = 'change' | 'lend' | 'return' | 'logUsage' | 'stop' | 'enable' | 'scrap' | 'destroy';
export type DeviceAction = ComputerAction | MediumAction;
/** Actions whose form is the same for computers and media: a status change with its reason. */
type StatusAction = 'stop' | 'enable' | 'scrap' | 'destroy';

export const COMPUTER_ACTIONS: ComputerAction[] = ['change', 'repair', 'backFromRepair', 'stop', 'enable', 'scrap', 'destroy'];
export const MEDIUM_ACTIONS: MediumAction[] = ['change', 'lend', 'return', 'logUsage', 'stop', 'enable', 'scrap', 'destroy'];

export type DeviceDialogProps = { action: DeviceAction; onClose(): void } & (
  { kind: 'computer'; computer: ComputerDetail } | { kind: 'medium'; medium: MediumDetail }
);

/** The dialog of one action on the device shown. */
export function DeviceActionDialog(props: DeviceDialogProps) {
  const { action, onClose } = props;
  if (action === 'stop' || action === 'enable' || action === 'scrap' || action === 'destroy') {
    const device = props.kind === 'computer' ? props.computer : props.medium;
    return <StatusModal kind={props.kind} id={device.id} code={device.code} action={action} onClose={onClose} />;
  }
  if (props.kind === 'computer') {
    const { id, code } = props.computer;
    if (action === 'change') return <ChangeComputerModal computer={props.computer} onClose={onClose} />;
    if (action === 'repair') return <RepairModal id={id} code={code} onClose={onClose} />;
    if (action === 'backFromRepair') return <BackFromRepairModal id={id} code={code} onClose={onClose} />;
    return null;
  }
  const { medium } = props;
  if (action === 'change') return <ChangeMediumModal medium={medium} onClose={onClose} />;
  if (action === 'lend') return <LendMediumModal id={medium.id} code={medium.code} onClose={onClose} />;
  if (action === 'return') return <ReturnMediumModal id={medium.id} code={medium.code} onClose={onClose} />;
  if (action === 'logUsage') return <LogUsageModal id={medium.id} code={medium.code} onClose={onClose} />;
  return null;
}

interface DialogProps {
  id: number;
  code: string;
  onClose(): void;
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Where the device forms keep the fields a refusal may concern. */
const ERROR_FIELDS = {
  network: 'network',
  escort: 'escort',
  storageRemoved: 'storageRemoved',
  computerId: 'computerId',
  dataLevel: 'dataLevel',
  level: 'level',
  facility: 'facility',
  dueAt: 'dueAt',
};

interface ActionModalProps<V> {
  action: DeviceAction;
  code: string;
  form?: FormInstance<V>;
  initialValues?: Partial<V>;
  onSubmit(values: V): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}

/** What every device form shares: named by its action, keyboard-first, dated today unless late, a toast when done. */
function DeviceActionModal<V extends { at: Dayjs }>({ action, code, form, initialValues, onSubmit, onClose, children }: ActionModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const name = t(`devices.actions.${action}`);
  return (
    <FormModal<V>
      title={t('devices.actionTitle', { action: name, code })}
      submitText={name}
      testId={`device-${action}`}
      form={form}
      keyboard
      errorFields={ERROR_FIELDS}
      initialValues={{ at: dayjs(), ...initialValues } as Partial<V>}
      onSubmit={async (v) => {
        await onSubmit(v);
        void message.success({ content: <span data-testid="device-action-done">{t('devices.done', { action: name })}</span> });
      }}
      onClose={onClose}
    >
      {children}
    </FormModal>
  );
}

interface FieldProps {
  action: DeviceAction;
  name: string;
  required?: boolean;
  autoFocus?: boolean;
  /** Defaults to the form's own label for the field. */
  label?: string;
}

function useFieldLabel(name: string, label: string | undefined): string {
  const { t } = useTranslation();
  return label ?? t(`devices.form.${name}` as 'devices.form.reason');
}

function TextField({ action, name, required = false, autoFocus = false, label }: FieldProps) {
  const text = useFieldLabel(name, label);
  return (
    <Form.Item name={name} label={text} rules={required ? [{ required: true, whitespace: true }] : []}>
      <Input autoComplete="off" autoFocus={autoFocus} data-testid={`device-${action}-${name}`} />
    </Form.Item>
  );
}

function PersonField({ action, name, required = false, autoFocus = false, label }: FieldProps) {
  const text = useFieldLabel(name, label);
  return (
    <Form.Item name={name} label={text} rules={required ? [{ required: true, whitespace: true }] : []}>
      <PersonInput autoFocus={autoFocus} testId={`device-${action}-${name}`} />
    </Form.Item>
  );
}

function CheckField({ action, name }: Pick<FieldProps, 'action' | 'name'>) {
  const text = useFieldLabel(name, undefined);
  return (
    <Form.Item name={name} valuePropName="checked">
      <Checkbox data-testid={`device-${action}-${name}`}>{text}</Checkbox>
    </Form.Item>
  );
}

/** When it happened: never a future day. */
function AtField({ action }: { action: DeviceAction }) {
  const { t } = useTranslation();
  return <DateField name="at" label={t('devices.form.at')} testId={`device-${action}-at`} />;
}

function useRegisterLabel() {
  const { t } = useTranslation();
  return (key: string) => t(`devices.fields.${key}` as 'devices.fields.code');
}

// ---- 变更 ----------------------------------------------------------------------------------------------

interface ChangeComputerValues {
  at: Dayjs;
  responsible?: string;
  department?: string;
  location?: string;
  network?: (typeof NETWORKS)[number];
  os?: string;
  osInstalledAt?: Dayjs;
  purpose?: string;
  monitoring?: InstalledValue;
  threeInOne?: InstalledValue;
  securityProducts?: Partial<SecurityProduct>[];
}

function ChangeComputerModal({ computer, onClose }: { computer: ComputerDetail; onClose(): void }) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDeviceCommand);
  const field = useRegisterLabel();
  const { id, code } = computer;
  // The products start as registered; sent only when the list differs.
  const productsChange = (rows: ChangeComputerValues['securityProducts']) => {
    const list = cleanProducts(rows);
    return JSON.stringify(list) === JSON.stringify(computer.securityProducts) ? undefined : list;
  };
  return (
    <DeviceActionModal<ChangeComputerValues>
      action="change"
      code={code}
      initialValues={{ securityProducts: computer.securityProducts }}
      onSubmit={(v) =>
        run('computers.change', {
          id,
          change: {
            monitoring: toInstalled(v.monitoring),
            threeInOne: toInstalled(v.threeInOne),
            securityProducts: productsChange(v.securityProducts),
            responsible: trimmed(v.responsible),
            department: trimmed(v.department),
            location: trimmed(v.location),
            network: v.network,
            os: trimmed(v.os),
            osInstalledAt: v.osInstalledAt ? isoDate(v.osInstalledAt) : undefined,
            purpose: trimmed(v.purpose),
          },
          at: eventDate(v.at),
        })
      }
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('devices.form.changeHint')}</Typography.Paragraph>
      <PersonField action="change" name="responsible" autoFocus label={field('responsible')} />
      <TextField action="change" name="department" label={field('department')} />
      <TextField action="change" name="location" label={field('location')} />
      <Form.Item name="network" label={field('network')}>
        <Select allowClear options={NETWORKS.map((n) => ({ value: n, label: t(`devices.networks.${n}`) }))} data-testid="device-change-network" />
      </Form.Item>
      <TextField action="change" name="os" label={field('os')} />
      <DateField name="osInstalledAt" label={field('osInstalledAt')} required={false} testId="device-change-osInstalledAt" />
      <TextField action="change" name="purpose" label={field('purpose')} />
      <Form.Item name="monitoring" label={field('monitoring')}>
        <InstalledSelect allowClear placeholder={t('computerChecks.unchanged')} testId="device-change-monitoring" />
      </Form.Item>
      <Form.Item name="threeInOne" label={field('threeInOne')}>
        <InstalledSelect allowClear placeholder={t('computerChecks.unchanged')} testId="device-change-threeInOne" />
      </Form.Item>
      <SecurityProductsField testId="device-change-securityProducts" />
      <AtField action="change" />
    </DeviceActionModal>
  );
}

interface ChangeMediumValues {
  at: Dayjs;
  level?: (typeof DEVICE_LEVELS)[number];
  responsible?: string;
  department?: string;
  usageScope?: string;
  backupApproved?: boolean;
  /** For a lower classified level: who decided and their document, with the approver's approval. */
  decision?: { decidedBy: string; decisionDocNo: string };
  approval?: ApprovalValues;
}

function ChangeMediumModal({ medium, onClose }: { medium: MediumDetail; onClose(): void }) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDeviceCommand);
  const field = useRegisterLabel();
  const [form] = Form.useForm<ChangeMediumValues>();
  const level = Form.useWatch('level', form);
  // 机密 → 秘密 needs a recorded decision and an approval; to 非涉密 the backend refuses outright.
  const lowered = !!level && isClassified(level) && secretRank(level) < secretRank(medium.level);
  return (
    <DeviceActionModal<ChangeMediumValues>
      action="change"
      code={medium.code}
      form={form}
      initialValues={{ backupApproved: medium.backupApproved, approval: initialApproval('unit') }}
      onSubmit={(v) =>
        run('media.change', {
          id: medium.id,
          change: {
            level: v.level,
            responsible: trimmed(v.responsible),
            department: trimmed(v.department),
            usageScope: trimmed(v.usageScope),
            // Sent only when changed: the checkbox starts at the medium's current answer.
            backupApproved: v.backupApproved === medium.backupApproved ? undefined : v.backupApproved,
          },
          ...(lowered && v.decision
            ? { decision: { decidedBy: v.decision.decidedBy.trim(), decisionDocNo: v.decision.decisionDocNo.trim() }, approval: toGrant(v.approval) }
            : {}),
          at: eventDate(v.at),
        })
      }
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('devices.form.changeHint')}</Typography.Paragraph>
      <Form.Item name="level" label={field('level')}>
        <Select allowClear autoFocus options={DEVICE_LEVELS.map((l) => ({ value: l, label: t(`devices.levels.${l}`) }))} data-testid="device-change-level" />
      </Form.Item>
      <PersonField action="change" name="responsible" label={field('responsible')} />
      <TextField action="change" name="department" label={field('department')} />
      <TextField action="change" name="usageScope" label={field('usageScope')} />
      <Form.Item name="backupApproved" valuePropName="checked">
        <Checkbox data-testid="device-change-backupApproved">{field('backupApproved')}</Checkbox>
      </Form.Item>
      {lowered && <LevelDecisionFields />}
      {lowered && (
        <ApprovalFields testIdPrefix="device-change-approval" need={{ kind: 'media_downgrade', subject: { type: 'medium', id: medium.id } }} authority="unit" />
      )}
      <AtField action="change" />
    </DeviceActionModal>
  );
}

/** The decision that lowers a classified medium's level (决定机关, 决定文号); the approval follows it. */
function LevelDecisionFields() {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true }];
  return (
    <Card type="inner" size="small" title={t('devices.form.lowerTitle')} style={{ marginBottom: 16 }} data-testid="device-change-decision">
      <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
        {t('devices.form.lowerHint')}
      </Typography.Paragraph>
      <Form.Item name={['decision', 'decidedBy']} label={t('devices.form.decidedBy')} rules={[...required, { max: 50 }]}>
        <PersonInput testId="device-change-decidedBy" />
      </Form.Item>
      <Form.Item name={['decision', 'decisionDocNo']} label={t('devices.form.decisionDocNo')} rules={[...required, { max: 60 }]} style={{ marginBottom: 0 }}>
        <Input autoComplete="off" data-testid="device-change-decisionDocNo" />
      </Form.Item>
    </Card>
  );
}

// ---- 维修 / 维修归来 (computers) ---------------------------------------------------------------------

interface RepairValues {
  at: Dayjs;
  offSite: boolean;
  storageRemoved: boolean;
  escort?: string;
  repairer: string;
  reason: string;
  approval?: ApprovalValues;
}

function RepairModal({ id, code, onClose }: DialogProps) {
  const run = useLedger((s) => s.runDeviceCommand);
  const [form] = Form.useForm<RepairValues>();
  // Off-site repair of a classified computer needs the approver (the backend knows the computer's level).
  const offSite = Form.useWatch('offSite', form);
  return (
    <DeviceActionModal<RepairValues>
      action="repair"
      code={code}
      form={form}
      initialValues={{ offSite: false, storageRemoved: false, approval: initialApproval('unit') }}
      onSubmit={(v) =>
        run('computers.repair', {
          id,
          offSite: !!v.offSite,
          storageRemoved: !!v.storageRemoved,
          escort: trimmed(v.escort),
          repairer: v.repairer.trim(),
          reason: v.reason.trim(),
          approval: toGrant(v.approval),
          at: eventDate(v.at),
        })
      }
      onClose={onClose}
    >
      <CheckField action="repair" name="offSite" />
      <CheckField action="repair" name="storageRemoved" />
      <PersonField action="repair" name="escort" autoFocus />
      <TextField action="repair" name="repairer" required />
      <TextField action="repair" name="reason" required />
      {offSite && (
        <ApprovalFields testIdPrefix="device-repair-approval" need={{ kind: 'offsite_repair', subject: { type: 'computer', id } }} authority="unit" />
      )}
      <AtField action="repair" />
    </DeviceActionModal>
  );
}

interface BackFromRepairValues {
  at: Dayjs;
  checkedBy: string;
  notes?: string;
}

function BackFromRepairModal({ id, code, onClose }: DialogProps) {
  const run = useLedger((s) => s.runDeviceCommand);
  return (
    <DeviceActionModal<BackFromRepairValues>
      action="backFromRepair"
      code={code}
      onSubmit={(v) => run('computers.backFromRepair', { id, checkedBy: v.checkedBy.trim(), notes: v.notes?.trim() ?? '', at: eventDate(v.at) })}
      onClose={onClose}
    >
      <PersonField action="backFromRepair" name="checkedBy" required autoFocus />
      <TextField action="backFromRepair" name="notes" />
      <AtField action="backFromRepair" />
    </DeviceActionModal>
  );
}

// ---- 借用 / 归还 / 使用登记 (media) -------------------------------------------------------------------

const LOAN_DAYS = 7;

interface LendValues {
  at: Dayjs;
  to: string;
  computerId: number;
  dueAt: Dayjs;
}

function LendMediumModal({ id, code, onClose }: DialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDeviceCommand);
  const [form] = Form.useForm<LendValues>();
  const at = useDueDate(form, LOAN_DAYS);
  return (
    <DeviceActionModal<LendValues>
      action="lend"
      code={code}
      form={form}
      onSubmit={(v) => run('media.lend', { id, to: v.to.trim(), computerId: v.computerId, dueAt: isoDate(v.dueAt), at: eventDate(v.at) })}
      onClose={onClose}
    >
      <PersonField action="lend" name="to" required autoFocus />
      <Form.Item name="computerId" label={t('devices.form.computer')} rules={[{ required: true }]}>
        <ComputerSelect testId="device-lend-computerId" />
      </Form.Item>
      <DateField
        name="dueAt"
        label={t('devices.form.dueAt')}
        min={{ day: at, refusal: { code: 'E_VALIDATION', details: { field: 'dueAt' } } }}
        max={null}
        dependencies={['at']}
        testId="device-lend-dueAt"
      />
      <AtField action="lend" />
    </DeviceActionModal>
  );
}

interface ReturnValues {
  at: Dayjs;
  dataCleared: boolean;
  checkedBy: string;
}

function ReturnMediumModal({ id, code, onClose }: DialogProps) {
  const run = useLedger((s) => s.runDeviceCommand);
  return (
    <DeviceActionModal<ReturnValues>
      action="return"
      code={code}
      initialValues={{ dataCleared: false }}
      onSubmit={(v) => run('media.return', { id, dataCleared: !!v.dataCleared, checkedBy: v.checkedBy.trim(), at: eventDate(v.at) })}
      onClose={onClose}
    >
      <CheckField action="return" name="dataCleared" />
      <PersonField action="return" name="checkedBy" required autoFocus />
      <AtField action="return" />
    </DeviceActionModal>
  );
}

interface LogUsageValues {
  at: Dayjs;
  computerId: number;
  user: string;
  purpose: string;
  dataLevel: DataLevel;
}

/** The computer the medium was used on: chosen, or picked by scanning its label (one not in use is refused by name). */
function UsedOnField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<LogUsageValues>();
  const scope = useRef<HTMLDivElement>(null);
  const feedback = useScanFeedback();
  const pick = async ({ text, parsed }: Scan) => {
    if (!parsed.ok) return feedback.refusal(invalidCode(text, parsed.reason));
    if (parsed.kind !== 'computer') return feedback.refuse(t('scanner.notAComputer'));
    try {
      const found = await lookupCode(parsed.code);
      if (found.kind !== 'computer') return;
      const { id, deviceCode, status } = found.device;
      if (status !== 'in_use') return feedback.refusal({ code: 'E_DEVICE_NOT_IN_SERVICE', details: { device: 'computer', code: deviceCode, status } });
      form.setFields([{ name: 'computerId', value: id, errors: [] }]);
      feedback.done(t('scanner.computerPicked', { code: deviceCode }));
    } catch (err) {
      feedback.refused(err);
    }
  };
  useScanTarget(
    (scan) => {
      void pick(scan);
      return true;
    },
    true,
    scope,
  );
  return (
    <div ref={scope}>
      <Form.Item name="computerId" label={t('devices.form.computer')} rules={[{ required: true }]}>
        <ComputerSelect autoFocus testId="device-logUsage-computerId" />
      </Form.Item>
    </div>
  );
}

function LogUsageModal({ id, code, onClose }: DialogProps) {
  const { t } = useTranslation();
  const run = useLedger((s) => s.runDeviceCommand);
  return (
    <DeviceActionModal<LogUsageValues>
      action="logUsage"
      code={code}
      onSubmit={(v) =>
        run('media.logUsage', {
          mediumId: id,
          computerId: v.computerId,
          user: v.user.trim(),
          purpose: v.purpose.trim(),
          dataLevel: v.dataLevel,
          at: eventDate(v.at),
        })
      }
      onClose={onClose}
    >
      <UsedOnField />
      <PersonField action="logUsage" name="user" required />
      <TextField action="logUsage" name="purpose" required />
      <Form.Item name="dataLevel" label={t('devices.form.dataLevel')} rules={[{ required: true }]}>
        <Select options={DATA_LEVELS.map((l) => ({ value: l, label: t(`devices.dataLevels.${l}`) }))} data-testid="device-logUsage-dataLevel" />
      </Form.Item>
      <AtField action="logUsage" />
    </DeviceActionModal>
  );
}

// ---- 停用 / 启用 / 报废 / 销毁 (both kinds) -----------------------------------------------------------

interface StatusValues {
  at: Dayjs;
  reason?: string;
  facility?: string;
  approval?: ApprovalValues;
}

function StatusModal({ kind, id, code, action, onClose }: DialogProps & { kind: DeviceKind; action: StatusAction }) {
  const run = useLedger((s) => s.runDeviceCommand);
  const prefix = kind === 'computer' ? 'computers' : 'media';
  // Scrapping and destroying name where it was done and who approved it.
  const disposal = action === 'scrap' || action === 'destroy';
  return (
    <DeviceActionModal<StatusValues>
      action={action}
      code={code}
      initialValues={{ approval: initialApproval('unit') }}
      onSubmit={(v) =>
        run(`${prefix}.${action}`, { id, reason: v.reason?.trim() ?? '', facility: trimmed(v.facility), approval: toGrant(v.approval), at: eventDate(v.at) })
      }
      onClose={onClose}
    >
      {disposal && <TextField action={action} name="facility" required autoFocus />}
      <TextField action={action} name="reason" autoFocus={!disposal} />
      {disposal && <ApprovalFields testIdPrefix={`device-${action}-approval`} need={{ kind: 'destroy', subject: { type: kind, id } }} authority="unit" />}
      <AtField action={action} />
    </DeviceActionModal>
  );
}
