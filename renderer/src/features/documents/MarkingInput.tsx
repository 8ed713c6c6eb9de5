import { useRef } from 'react';
import { AutoComplete, Button, Input, Tooltip, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { markingSuggestions } from './documents';

interface MarkingInputProps {
  value?: string;
  onChange?: (value: string) => void;
  /** Sits on the <input>; the ★ button is `${testId}-star`. */
  testId: string;
  autoFocus?: boolean;
}

/**
 * The 国家秘密标志 as text (机密★10年). The ★ is hard to type with most input methods: the suggestions
 * offer it after the level, and the button inserts it at the caret. The backend parses and decides.
 */
export function MarkingInput({ value = '', onChange, testId, autoFocus }: MarkingInputProps) {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);

  function insertStar() {
    const el = input.current?.input;
    const at = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? at;
    onChange?.(`${value.slice(0, at)}★${value.slice(end)}`);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + 1, at + 1);
    });
  }

  return (
    <AutoComplete value={value} onChange={(v: string) => onChange?.(v)} options={markingSuggestions(value).map((m) => ({ value: m, label: m }))} popupMatchSelectWidth={false}>
      <Input
        ref={input}
        autoFocus={autoFocus}
        autoComplete="off"
        maxLength={60}
        data-testid={testId}
        suffix={
          <Tooltip title={t('docForm.insertStar')}>
            <Button size="small" type="text" tabIndex={-1} onMouseDown={(e) => e.preventDefault()} onClick={insertStar} data-testid={`${testId}-star`}>
              ★
            </Button>
          </Tooltip>
        }
      />
    </AutoComplete>
  );
}
