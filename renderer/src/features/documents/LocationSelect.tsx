import { useEffect, useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LevelCode } from '../../../../preload/contract';
import { cabinetRefusal, type Keeping } from '../../../../db/domain/locations';
import { selectIsCustodian, useLedger } from '../../store';
import { useRefusalText } from '../../i18n/errors';
import { CabinetDialog, cabinetFor } from './CabinetDialog';

interface LocationSelectProps {
  /** From the form item: links its label to the input. */
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** The level to be stored: locations that may not hold it are shown but cannot be chosen. */
  level?: LevelCode | null;
  /** What is to be stored: a telegram (only 电报专柜 can be chosen) or another document (电报专柜 cannot); undefined: any. */
  telegrams?: boolean;
  testId: string;
  allowClear?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  /** A custodian may register a new cabinet from the list's last entry; it is picked once saved. */
  creatable?: boolean;
}

/** The list's entry that opens the cabinet dialog instead of being picked. */
const NEW_CABINET = -1;

/**
 * A storage location (保密柜) in service, labelled with the highest level it may hold. One that may not hold the item
 * is shown disabled with the reason in words, the backend's own (the same domain rule refuses it there).
 */
export function LocationSelect({ id, value, onChange, level, telegrams, testId, allowClear, placeholder, autoFocus, creatable }: LocationSelectProps) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const locations = useLedger((s) => s.locations);
  const loadLocations = useLedger((s) => s.loadLocations);
  const canCreate = useLedger(selectIsCustodian) && !!creatable;
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    loadLocations().catch(() => undefined);
  }, [loadLocations]);

  const item: Keeping = { level, ...(telegrams !== undefined ? { telegram: telegrams } : {}) };

  const options = locations
    .filter((l) => l.active || l.id === value)
    .map((l) => {
      const refusal = cabinetRefusal(l, item);
      return {
        value: l.id,
        label: `${t('locations.label', { code: l.code, name: l.name })}（${t(l.telegrams ? 'locations.telegramsUpTo' : 'locations.upTo', { max: t(`levels.${l.maxLevel}`) })}）`,
        disabled: !!refusal,
        reason: refusal ? { text: refusalText(refusal), testId: `${testId}-why-${l.code}` } : undefined,
      };
    });

  return (
    <>
      <Select<number | null>
        id={id}
        // null, not undefined: the select stays controlled, so the entry that creates a cabinet is never shown as chosen.
        value={value ?? null}
        onChange={(v) => (v === NEW_CABINET ? setCreating(true) : onChange?.(v ?? undefined))}
        allowClear={allowClear}
        placeholder={placeholder}
        autoFocus={autoFocus}
        // The entry that creates a cabinet stays in the list whatever is typed.
        showSearch={{ filterOption: (input, o) => o?.value === NEW_CABINET || String(o?.label ?? '').includes(input.trim()) }}
        options={[...options, ...(canCreate ? [{ value: NEW_CABINET, label: t('locations.createInline'), disabled: false, reason: undefined }] : [])]}
        optionRender={(o) => (
          <div data-testid={o.value === NEW_CABINET ? `${testId}-create` : undefined}>
            {o.label}
            {o.data.reason && (
              // Said in words beside the greyed-out choice, not only on hover.
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'normal' }} data-testid={o.data.reason.testId}>
                {o.data.reason.text}
              </Typography.Text>
            )}
          </div>
        )}
        style={{ width: '100%' }}
        data-testid={testId}
      />
      {creating && <CabinetDialog initialValues={cabinetFor(item)} onCreated={(id) => onChange?.(id)} onClose={() => setCreating(false)} />}
    </>
  );
}
