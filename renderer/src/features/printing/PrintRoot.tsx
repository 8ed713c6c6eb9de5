// The print route (#/print?r=...): what a host loads in a hidden window to print or save as PDF. It shows the
// printout and nothing else, and tells the host through attributes on <html> when it is laid out.
import { useCallback, useEffect, useMemo, useState } from 'react';
import i18n from '../../i18n';
import { ApiError, send } from '../../api';
import { describeError } from '../../i18n/errors';
import type { PrintAttribute, PrintPayload } from '../../../../preload/contract';
import { decodePrintRequest } from './request';
import { pageRule } from './pageRules';
import { PrintView } from './PrintView';

function mark(attributes: Partial<Record<PrintAttribute, string>>): void {
  for (const [name, value] of Object.entries(attributes)) document.documentElement.setAttribute(name, value);
}

export function PrintRoot() {
  const request = useMemo(() => decodePrintRequest(location.hash), []);
  const t = useMemo(() => i18n.getFixedT(request?.language ?? 'zh-CN'), [request]);
  const [payload, setPayload] = useState<PrintPayload | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // The app's own print rule hides everything outside its recovery sheet; this page prints its root.
    document.body.classList.add('print-route');
    if (request?.language) document.documentElement.lang = request.language;
    if (!request) {
      setError(new ApiError('E_VALIDATION', 'The print route carries no request.'));
      return;
    }
    send('print.prepare', { request }).then(setPayload, setError);
  }, [request]);

  useEffect(() => {
    if (error) mark({ 'data-print-error': error instanceof ApiError ? error.code : 'E_INTERNAL' });
    if (payload) document.title = `${payload.document.unitName} ${payload.document.title}`;
  }, [payload, error]);

  // Cut into pages (after the fonts, PrintView waits for them): only then may the host print.
  const paged = useCallback(() => {
    if (!payload) return;
    mark({
      'data-print-id': payload.meta.printId,
      'data-print-rows': String(payload.document.rows.length),
      'data-print-title': payload.document.title,
      'data-print-audit-seq': String(payload.meta.auditHead.seq),
      'data-print-orientation': payload.document.orientation,
      'data-print-ready': 'true',
    });
  }, [payload]);

  if (error) return <p data-testid="print-error">{describeError(error, request?.language ?? 'zh-CN')}</p>;
  if (!payload) return null;
  return (
    <>
      <style>{pageRule(payload.document.orientation)}</style>
      <PrintView doc={payload.document} meta={payload.meta} t={t} onPaged={paged} />
    </>
  );
}
