// What a scan says back: one message at a time (the next scan replaces it), and the low tone for a code the screen
// cannot take. The refusals are the backend's own sentences (the error catalogue), also where the screen decides.
import { useMemo } from 'react';
import { App } from 'antd';
import type { ErrorLike } from '../../../../db/domain/errors';
import { useErrorText, useRefusalText } from '../../i18n/errors';
import { beepUnknown } from './beep';

const KEY = 'scan';

interface ScanFeedback {
  /** The scan did what it was for. */
  done(text: string): void;
  /** Nothing was done, and nothing is wrong with the code (a dialog that takes no scans). */
  note(text: string): void;
  /** The code cannot be taken here: the words, and the tone. */
  refuse(text: string): void;
  /** A refusal of the backend's (E_CODE_UNKNOWN, E_CODE_FOREIGN, ...), or one the screen makes in the same words. */
  refused(error: unknown): void;
  refusal(refusal: ErrorLike): void;
}

export function useScanFeedback(): ScanFeedback {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refusalText = useRefusalText();
  return useMemo(() => {
    const say = (type: 'success' | 'info' | 'warning', text: string) =>
      void message.open({ key: KEY, type, content: <span data-testid="scan-message">{text}</span> });
    const refuse = (text: string) => {
      say('warning', text);
      beepUnknown();
    };
    return {
      done: (text) => say('success', text),
      note: (text) => say('info', text),
      refuse,
      refused: (error) => refuse(errorText(error)),
      refusal: (refusal) => refuse(refusalText(refusal)),
    };
  }, [message, errorText, refusalText]);
}

/** A mistyped code, refused in the words codes.lookup would use. */
export const invalidCode = (text: string, reason: 'format' | 'check'): ErrorLike => ({ code: 'E_CODE_INVALID', details: { reason, text } });
