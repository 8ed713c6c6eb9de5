// 更正 of a cabinet (保密柜): its name, keeper, highest level (never below what it holds) or taking it out of use
// (only when empty), with a reason; below the form, the cabinet's corrections so far.
import { useEffect, useState } from 'react';
import { App, Form, Input, List, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommandInput, CommandOutput, LevelCode, LocationView } from '../../../../preload/contract';
import { DOCUMENT_LEVELS } from '../../../../db/domain/levels';
import { formatAt } from '../../ui/format';
import { FormModal } from '../../ui/FormModal';
import { PersonInput } from '../../ui/SuggestInput';
import { useLedger } from '../../store';

type LocationField = CommandInput<'locations.correct'>['field'];
const FIELDS: readonly LocationField[] = ['name', 'keeper', 'maxLevel', 'active'];

interface Values {
  field: LocationField;
  text?: string;
  level?: LevelCode;
  active?: boolean;
  reason: string;
}

const current = (l: LocationView): Omit<Values, 'field' | 'reason'> => ({ text: undefined, level: l.maxLevel, active: l.active });

function correction(locationId: number, v: Values): CommandInput<'locations.correct'> {
  const common = { locationId, reason: v.reason.trim() };
  switch (v.field) {
    case 'maxLevel':
      return { ...common, field: 'maxLevel', value: v.level! };
    case 'active':
      return { ...common, field: 'active', value: v.active ?? false };
    default:
      return { ...common, field: v.field, value: (v.text ?? '').trim() };
  }
}

export function CorrectLocationModal({ location, onClose }: { location: LocationView; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLedger((s) => s.language);
  const correctLocation = useLedger((s) => s.correctLocation);
  const locationHistory = useLedger((s) => s.locationHistory);
  const [history, setHistory] = useState<CommandOutput<'locations.history'>>([]);
  const [form] = Form.useForm<Values>();
  const field = (Form.useWatch('field', form) as LocationField | undefined) ?? 'name';
  useEffect(() => {
    void locationHistory(location.id).then(setHistory, () => setHistory([]));
  }, [location.id, locationHistory]);
  const valueOf = (f: LocationField) => (f === 'name' ? location.name : f === 'keeper' ? (location.keeper ?? '') : undefined);
  const fieldName = (f: unknown) => (FIELDS.includes(f as LocationField) ? t(`corrections.locationFields.${f as LocationField}`) : String(f));
  const shown = (f: unknown, v: unknown) =>
    v === null || v === ''
      ? '—'
      : f === 'maxLevel' && typeof v === 'string'
        ? t(`levels.${v as LevelCode}`)
        : typeof v === 'boolean'
          ? t(v ? 'locations.inService' : 'locations.retired')
          : String(v);
  return (
    <FormModal<Values>
      title={t('corrections.locationTitle', { code: location.code })}
      submitText={t('corrections.submit')}
      testId="location-correct"
      form={form}
      keyboard
      errorFields={{ keeper: 'text', change: 'text', reason: 'reason', location: 'level' }}
      initialValues={{ field: 'name', ...current(location), text: location.name }}
      onSubmit={async (v) => {
        await correctLocation(correction(location.id, v));
        void message.success({ content: <span data-testid="location-correct-done">{t('corrections.done', { field: fieldName(v.field) })}</span> });
      }}
      onClose={onClose}
    >
      <Form.Item name="field" label={t('corrections.field')} rules={[{ required: true }]}>
        <Select
          autoFocus
          options={FIELDS.map((f) => ({ value: f, label: fieldName(f) }))}
          onChange={(f: LocationField) => form.setFieldsValue({ ...current(location), text: valueOf(f) })}
          data-testid="location-correct-field"
        />
      </Form.Item>
      {field === 'maxLevel' ? (
        <Form.Item name="level" label={t('corrections.value')} rules={[{ required: true }]}>
          <Select options={DOCUMENT_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} data-testid="location-correct-level" />
        </Form.Item>
      ) : field === 'active' ? (
        <Form.Item name="active" label={t('corrections.value')} valuePropName="checked">
          <Switch checkedChildren={t('locations.inService')} unCheckedChildren={t('locations.retired')} data-testid="location-correct-active" />
        </Form.Item>
      ) : field === 'keeper' ? (
        <Form.Item name="text" label={t('corrections.value')} rules={[{ max: 50 }]}>
          <PersonInput testId="location-correct-keeper" />
        </Form.Item>
      ) : (
        <Form.Item name="text" label={t('corrections.value')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
          <Input autoComplete="off" data-testid="location-correct-text" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('corrections.reason')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input autoComplete="off" data-testid="location-correct-reason" />
      </Form.Item>
      {history.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('corrections.locationHistory')}</Typography.Text>}
          dataSource={history}
          data-testid="location-history"
          renderItem={(e) => (
            <List.Item>
              {formatAt(e.at, language)} · {e.recordedBy} · {fieldName(e.details['field'])}
              {t('eventFields.colon')}
              {shown(e.details['field'], e.details['before'])} → {shown(e.details['field'], e.details['after'])}
              {t('eventFields.separator')}
              {t('corrections.reason')}
              {t('eventFields.colon')}
              {String(e.details['reason'] ?? '')}
            </List.Item>
          )}
        />
      )}
    </FormModal>
  );
}
