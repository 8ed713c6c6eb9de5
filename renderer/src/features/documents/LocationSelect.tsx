import { useEffect } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LevelCode } from '../../../../preload/contract';
import { levelFits } from '../../../../db/domain/levels';
import { useLedger } from '../../store';

interface LocationSelectProps {
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
}

/** A storage location (保密柜) in service, labelled with the highest level it may hold. */
export function LocationSelect({ value, onChange, level, telegrams, testId, allowClear, placeholder, autoFocus }: LocationSelectProps) {
  const { t } = useTranslation();
  const locations = useLedger((s) => s.locations);
  const loadLocations = useLedger((s) => s.loadLocations);

  useEffect(() => {
    loadLocations().catch(() => undefined);
  }, [loadLocations]);

  return (
    <Select<number>
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder}
      autoFocus={autoFocus}
      showSearch={{ optionFilterProp: 'label' }}
      options={locations
        .filter((l) => l.active || l.id === value)
        .map((l) => ({
          value: l.id,
          label: `${t('locations.label', { code: l.code, name: l.name })}（${t(l.telegrams ? 'locations.telegramsUpTo' : 'locations.upTo', { max: t(`levels.${l.maxLevel}`) })}）`,
          disabled: (!!level && !levelFits(level, l.maxLevel)) || (telegrams !== undefined && l.telegrams !== telegrams),
        }))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
