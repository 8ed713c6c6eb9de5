import { useRef } from 'react';
import { AutoComplete, Button, Input, Tooltip, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_YEARS, needsManualReview, parseMarking, secrecyEnd, type Marking } from '../../../../db/domain/marking';
import { LedgerError } from '../../../../db/domain/errors';
import type { TFunction } from '../../i18n';
import { useRefusalText } from '../../i18n/errors';
import { markingSuggestions } from './documents';

interface MarkingInputProps {
  value?: string;
  /** From the form item: links its label to the input. */
  id?: string;
  onChange?: (value: string) => void;
  /** Sits on the <input>; the ★ button is `${testId}-star`. */
  testId: string;
  autoFocus?: boolean;
  /** The item's 制发日期 (YYYY-MM-DD), to show when its secrecy period ends. */
  issueDate?: string | undefined;
}

/**
 * The 国家秘密标志 as text (机密★10年). The ★ is hard to type with most input methods: the suggestions
 * offer it after the level, and the button inserts it at the caret. Below it, what the domain core's parser reads
 * (the same parser the backend decides with): level, period and end, or why it is not a marking.
 */
export function MarkingInput({ id, value = '', onChange, testId, autoFocus, issueDate }: MarkingInputProps) {
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

  const suggestions = markingSuggestions(value);
  return (
    <>
      <AutoComplete
        id={id}
        value={value}
        onChange={(v: string) => onChange?.(v)}
        options={suggestions.map((m) => ({ value: m, label: m }))}
        popupMatchSelectWidth={false}
      >
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
      {/* While a suggestion still continues the text, it is being typed: no reason yet. */}
      {value.trim() !== '' && <MarkingPreview text={value} issueDate={issueDate} quiet={suggestions.length > 0} testId={`${testId}-parsed`} />}
    </>
  );
}

function MarkingPreview({ text, issueDate, quiet, testId }: { text: string; issueDate: string | undefined; quiet: boolean; testId: string }) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const style = { display: 'block', fontSize: 12, marginTop: 4 };
  let marking: Marking;
  try {
    marking = parseMarking(text);
  } catch (e) {
    if (quiet || !(e instanceof LedgerError)) return null;
    return (
      <Typography.Text type="warning" style={style} data-testid={`${testId}-error`}>
        {refusalText(e)}
      </Typography.Text>
    );
  }
  const level = t(`levels.${marking.level}`);
  const period = periodText(t, marking);
  const end = issueDate && marking.level !== 'internal' ? endOf(marking, issueDate) : null;
  return (
    <>
      <Typography.Text type="secondary" style={style} data-testid={testId}>
        {end ? t('docForm.parsed.lineWithEnd', { level, period, end: t('docForm.parsed.end', { date: end }) }) : t('docForm.parsed.line', { level, period })}
      </Typography.Text>
      {needsManualReview(marking) && (
        <Typography.Text type="warning" style={style} data-testid={`${testId}-review`}>
          {t('docForm.parsed.conditionReview')}
        </Typography.Text>
      )}
    </>
  );
}

function periodText(t: TFunction, { level, period }: Marking): string {
  if (level === 'internal' || !period) return t('docForm.parsed.internal');
  switch (period.kind) {
    case 'years':
      return t('docForm.parsed.years', { years: period.years });
    case 'months':
      return t('docForm.parsed.months', { months: period.months });
    case 'long_term':
      return t('docForm.parsed.long_term');
    case 'default':
      return t('docForm.parsed.default', { years: DEFAULT_YEARS[level] });
    case 'until_date':
      return t('docForm.parsed.until_date', { date: period.date });
    case 'until_condition':
      return t('docForm.parsed.until_condition', { condition: period.condition });
  }
}

/** When the period ends, or null when it has no date (长期, a condition) or the date cannot be read. */
function endOf(marking: Marking, issueDate: string): string | null {
  try {
    return secrecyEnd(marking, issueDate);
  } catch {
    return null;
  }
}
