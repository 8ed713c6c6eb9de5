// 更正 of a computer's or a medium's descriptive field entered wrong, with a reason; the history keeps before and
// after. Level and status are not corrected here: they have their own actions (变更, 停用, 报废).
import { App, Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommandInput } from '../../../../preload/contract';
import { FormModal } from '../../ui/FormModal';
import { useLedger } from '../../store';
import type { ComputerDetail, MediumDetail } from '../../store';
import { MEDIUM_TYPES } from './devices';

type ComputerField = CommandInput<'computers.correct'>['field'];
type MediumField = CommandInput<'media.correct'>['field'];

const COMPUTER_FIELDS: readonly ComputerField[] = [
  'name',
  'model',
  'serial',
  'diskSerial',
  'mac',
  'os',
  'osInstalledAt',
  'purpose',
  'department',
  'responsible',
  'location',
  'remarks',
];
const MEDIUM_FIELDS: readonly MediumField[] = ['type', 'model', 'serial', 'capacity', 'department', 'responsible', 'usageScope', 'remarks'];

interface Values {
  field: ComputerField | MediumField;
  value: string;
  reason: string;
}

type Props = { onClose(): void } & ({ kind: 'computer'; computer: ComputerDetail } | { kind: 'medium'; medium: MediumDetail });

export function CorrectDeviceModal(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useLedger((s) => s.runDeviceCommand);
  const [form] = Form.useForm<Values>();
  const device = props.kind === 'computer' ? props.computer : props.medium;
  const fields = props.kind === 'computer' ? COMPUTER_FIELDS : MEDIUM_FIELDS;
  const field = (Form.useWatch('field', form) as Values['field'] | undefined) ?? fields[0]!;
  const current = (f: Values['field']) => String((device as unknown as Record<string, unknown>)[f] ?? '');
  return (
    <FormModal<Values>
      title={t('corrections.deviceTitle', { code: device.code })}
      submitText={t('corrections.submit')}
      testId="device-correct"
      form={form}
      keyboard
      errorFields={{ value: 'value', serial: 'value', disk_serial: 'value', change: 'value', responsible: 'value', reason: 'reason' }}
      initialValues={{ field: fields[0], value: current(fields[0]!) }}
      onSubmit={async ({ field: f, value, reason }) => {
        const input = { id: device.id, reason: reason.trim(), value: value.trim() };
        if (props.kind === 'computer') await run('computers.correct', { ...input, field: f as ComputerField });
        else await run('media.correct', { ...input, field: f, value: input.value } as CommandInput<'media.correct'>);
        void message.success({ content: <span data-testid="device-correct-done">{t('corrections.done', { field: t(`devices.fields.${f}`) })}</span> });
      }}
      onClose={props.onClose}
    >
      <Alert type="info" showIcon title={t('corrections.deviceHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="field" label={t('corrections.field')} rules={[{ required: true }]}>
        <Select
          autoFocus
          options={fields.map((f) => ({ value: f, label: t(`devices.fields.${f}`) }))}
          onChange={(f: Values['field']) => form.setFieldsValue({ value: current(f) })}
          data-testid="device-correct-field"
        />
      </Form.Item>
      <Form.Item name="value" label={t('corrections.value')} rules={[{ max: 500 }]}>
        {field === 'type' ? (
          <Select options={MEDIUM_TYPES.map((m) => ({ value: m, label: t(`devices.types.${m}`) }))} data-testid="device-correct-type" />
        ) : (
          <Input autoComplete="off" data-testid="device-correct-value" />
        )}
      </Form.Item>
      <Form.Item name="reason" label={t('corrections.reason')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input autoComplete="off" data-testid="device-correct-reason" />
      </Form.Item>
    </FormModal>
  );
}
