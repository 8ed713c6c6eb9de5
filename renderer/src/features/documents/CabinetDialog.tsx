// 登记保密柜: a storage location's fields, in a dialog (the 保密柜 page, the cabinet picker of the entry form) and as
// the setup wizard's step. A cabinet states the highest level it may hold (绝密 only with a dedicated keeper).
import { useCallback } from 'react';
import { App, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LevelCode } from '../../../../preload/contract';
import { DOCUMENT_LEVELS, levelFits } from '../../../../db/domain/levels';
import type { Keeping } from '../../../../db/domain/locations';
import { useLedger } from '../../store';
import { useRefusalText } from '../../i18n/errors';
import { FormModal } from '../../ui/FormModal';
import type { ErrorFields } from '../../ui/hooks/useMarkField';
import { PersonInput } from '../../ui/SuggestInput';

export interface CabinetValues {
  code: string;
  name: string;
  maxLevel: LevelCode;
  keeper?: string;
  /** 电报专柜: holds 密码电报 / 级发电 only. */
  telegrams?: boolean;
}

/** The refusals of locations.create a form marks on its field. */
export const CABINET_ERROR_FIELDS: ErrorFields = { code: 'code', keeper: 'keeper' };

export const CABINET_DEFAULTS: Partial<CabinetValues> = { maxLevel: 'secret' };

/** The fields, inside a Form of CabinetValues; test ids `${testId}-code`, `-name`, `-max-level`, `-telegrams`, `-keeper`. */
export function CabinetFields({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const maxLevel = Form.useWatch<LevelCode | undefined>('maxLevel');
  return (
    <>
      <Form.Item name="code" label={t('locations.code')} rules={[{ required: true, whitespace: true }, { max: 20 }]}>
        <Input autoFocus autoComplete="off" data-testid={`${testId}-code`} />
      </Form.Item>
      <Form.Item name="name" label={t('locations.name')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
        <Input autoComplete="off" data-testid={`${testId}-name`} />
      </Form.Item>
      <Form.Item name="maxLevel" label={t('locations.maxLevel')} rules={[{ required: true }]}>
        <Select options={DOCUMENT_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} data-testid={`${testId}-max-level`} />
      </Form.Item>
      <Form.Item name="telegrams" valuePropName="checked" extra={t('locations.telegramsHint')}>
        <Checkbox data-testid={`${testId}-telegrams`}>{t('locations.telegramsField')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="keeper"
        label={t('locations.keeper')}
        extra={t('locations.keeperHint')}
        rules={[
          { required: maxLevel === 'top_secret', whitespace: true, message: refusalText({ code: 'E_VALIDATION', details: { field: 'keeper' } }) },
          { max: 50 },
        ]}
      >
        <PersonInput testId={`${testId}-keeper`} />
      </Form.Item>
    </>
  );
}

/** Saves a cabinet, says so, and hands its id on. */
export function useCreateCabinet(onCreated?: (id: number) => void): (values: CabinetValues) => Promise<void> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const createLocation = useLedger((s) => s.createLocation);
  return useCallback(
    async (values: CabinetValues) => {
      const code = values.code.trim();
      const keeper = values.keeper?.trim();
      const { id } = await createLocation({
        code,
        name: values.name.trim(),
        maxLevel: values.maxLevel,
        ...(keeper ? { keeper } : {}),
        telegrams: !!values.telegrams,
      });
      void message.success(t('locations.created', { code }));
      onCreated?.(id);
    },
    [createLocation, message, onCreated, t],
  );
}

interface CabinetDialogProps {
  onClose(): void;
  /** The new cabinet's id, for a form that picks it. */
  onCreated?(id: number): void;
  /** What the cabinet is first meant to hold (the level, a 电报专柜), when opened from a form. */
  initialValues?: Partial<CabinetValues>;
}

export function CabinetDialog({ onClose, onCreated, initialValues }: CabinetDialogProps) {
  const { t } = useTranslation();
  const create = useCreateCabinet(onCreated);
  return (
    <FormModal<CabinetValues>
      title={t('locations.create')}
      submitText={t('common.save')}
      testId="location-create"
      keyboard
      errorFields={CABINET_ERROR_FIELDS}
      initialValues={{ ...CABINET_DEFAULTS, ...initialValues }}
      onSubmit={create}
      onClose={onClose}
    >
      <CabinetFields testId="location-create" />
    </FormModal>
  );
}

/** A new cabinet opened from a form starts as one that may hold the form's item. */
export function cabinetFor({ level, telegram }: Keeping): Partial<CabinetValues> {
  return {
    ...(level && !levelFits(level, 'secret') ? { maxLevel: level } : {}),
    ...(telegram !== undefined ? { telegrams: telegram } : {}),
  };
}
