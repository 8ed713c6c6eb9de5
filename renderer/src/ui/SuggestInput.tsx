// Free-text fields that offer what was typed before: units (来文 / 发往 / 清退) and people (借阅人, 审批人 ...),
// from the backend's documents.suggest, or a fixed list (the lawful transmission channels).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AutoComplete, Input, Select } from 'antd';
import { useLedger, type SuggestField } from '../store';
import { NAMES_INPUT } from './hooks/useEnterNavigation';

const SUGGEST_DELAY_MS = 150;

/** Suggestions for a prefix: from the backend (debounced, newest answer wins) or from a fixed list. */
function useSuggestions(source: SuggestField | readonly string[]) {
  const suggest = useLedger((s) => s.suggest);
  const [options, setOptions] = useState<string[]>(typeof source === 'string' ? [] : [...source]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(prefix: string) {
    if (typeof source !== 'string') {
      setOptions(source.filter((o) => o.includes(prefix.trim())));
      return;
    }
    clearTimeout(timer.current);
    const mine = ++request.current;
    timer.current = setTimeout(() => {
      suggest(source, prefix.trim())
        .then((found) => {
          if (mine === request.current) setOptions(found);
        })
        // Suggestions are a convenience: without them the field still takes what is typed.
        .catch(() => undefined);
    }, SUGGEST_DELAY_MS);
  }

  return { options, search };
}

interface SuggestInputProps {
  /** From the form item: links its label to the input. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** 'unit' or 'person' from the backend, or a fixed list of texts. */
  source: SuggestField | readonly string[];
  /** Sits on the <input> itself. */
  testId: string;
  autoFocus?: boolean;
  placeholder?: string;
  suffix?: ReactNode;
  maxLength?: number;
}

/** One free-text value with suggestions; what is typed stands unless a suggestion is picked with the arrow keys. */
export function SuggestInput({ id, value, onChange, source, testId, autoFocus, placeholder, suffix, maxLength }: SuggestInputProps) {
  const { options, search } = useSuggestions(source);
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      options={options.filter((o) => o !== value).map((o) => ({ value: o, label: o }))}
      onSearch={search}
      onFocus={() => search(value ?? '')}
      popupMatchSelectWidth={false}
    >
      <Input autoFocus={autoFocus} placeholder={placeholder} suffix={suffix} maxLength={maxLength} autoComplete="off" data-testid={testId} />
    </AutoComplete>
  );
}

type SpecificProps = Omit<SuggestInputProps, 'source'>;

/** 来文单位, 发往单位, 接收单位: units typed before. */
export function UnitInput(props: SpecificProps) {
  return <SuggestInput source="unit" maxLength={100} {...props} />;
}

/** 借阅人, 审批人, 签收人 ...: people typed before. */
export function PersonInput(props: SpecificProps) {
  return <SuggestInput source="person" maxLength={50} {...props} />;
}

interface PeopleInputProps {
  /** From the form item: links its label to the input. */
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** On the select's root; its <input> is `${testId} input`. */
  testId: string;
  placeholder?: string;
  maxCount?: number;
}

/** Several names (or departments): 知悉范围, 销毁人, 监销人, 清查人. Enter, comma or 、 ends one; Enter on an empty box moves on. */
export function PeopleInput({ id, value, onChange, testId, placeholder, maxCount }: PeopleInputProps) {
  const { options, search } = useSuggestions('person');
  return (
    <Select
      id={id}
      mode="tags"
      value={value}
      onChange={(v: string[]) => onChange?.(v.map((s) => s.trim()).filter(Boolean))}
      tokenSeparators={[',', '，', '、', ';', '；']}
      options={options.filter((o) => !value?.includes(o)).map((o) => ({ value: o, label: o }))}
      showSearch={{ onSearch: search }}
      onFocus={() => search('')}
      open={options.length > 0 ? undefined : false}
      placeholder={placeholder}
      maxCount={maxCount}
      suffixIcon={null}
      className={NAMES_INPUT}
      data-testid={testId}
    />
  );
}
