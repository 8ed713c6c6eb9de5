// A code scanned with no screen asking for it, or typed into a search box: the copy opens its document (the copy
// shown), a computer or medium its device page, a cabinet the register of what it holds.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '../../api';
import type { CommandOutput } from '../../../../preload/contract';
import { parseItemCode } from '../../../../db/domain/item-codes';
import { useLedger } from '../../store';
import { invalidCode, useScanFeedback } from './feedback';
import type { Scan } from './targets';

type CodeLookup = CommandOutput<'codes.lookup'>;

/** What a code names in this ledger (E_CODE_UNKNOWN, E_CODE_FOREIGN, E_CODE_INVALID when nothing). */
export const lookupCode = (code: string): Promise<CodeLookup> => send('codes.lookup', { code });

const REVEAL_WAIT_MS = 5000;
const MARK_MS = 3000;

/** The scanned copy's row on the document page, once it is shown: scrolled to and marked for a moment. */
function revealCopy(copyId: number): void {
  const started = Date.now();
  const timer = setInterval(() => {
    const row = document.querySelector<HTMLElement>(`[data-testid="doc-copies"] tr[data-row-key="${copyId}"]`);
    if (!row && Date.now() - started < REVEAL_WAIT_MS) return;
    clearInterval(timer);
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    row.dataset['scanned'] = 'true';
    setTimeout(() => delete row.dataset['scanned'], MARK_MS);
  }, 100);
}

/** Opens what a scanned or typed code names; an unknown or mistyped code is said, with the tone. */
export function useOpenCode(): (text: string) => Promise<void> {
  const openDocument = useLedger((s) => s.openDocument);
  const openDocuments = useLedger((s) => s.openDocuments);
  const openDevice = useLedger((s) => s.openDevice);
  const feedback = useScanFeedback();
  return useCallback(
    async (text: string) => {
      const parsed = parseItemCode(text);
      if (!parsed.ok) return feedback.refusal(invalidCode(text, parsed.reason));
      let found: CodeLookup;
      try {
        found = await lookupCode(parsed.code);
      } catch (err) {
        return feedback.refused(err);
      }
      if (found.kind === 'copy') {
        openDocument(found.copy.documentId);
        revealCopy(found.copy.copyId);
      } else if (found.kind === 'cabinet') {
        openDocuments({ locationId: found.cabinet.id });
      } else {
        openDevice(found.kind, found.device.id);
      }
    },
    [openDocument, openDocuments, openDevice, feedback],
  );
}

type ScannedCopy = Extract<CodeLookup, { kind: 'copy' }>['copy'];

/** The copy a scan names, as the ledger has it; a code of anything else, mistyped or unknown, is said and gives null. */
export function useCopyOfScan(): (scan: Scan) => Promise<ScannedCopy | null> {
  const { t } = useTranslation();
  const feedback = useScanFeedback();
  return useCallback(
    async ({ text, parsed }: Scan) => {
      if (!parsed.ok) {
        feedback.refusal(invalidCode(text, parsed.reason));
        return null;
      }
      if (parsed.kind !== 'copy') {
        feedback.refuse(t('scanner.notACopy'));
        return null;
      }
      try {
        const found = await lookupCode(parsed.code);
        return found.kind === 'copy' ? found.copy : null;
      } catch (err) {
        feedback.refused(err);
        return null;
      }
    },
    [t, feedback],
  );
}
