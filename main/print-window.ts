// Printing in Electron: the renderer's print route in a hidden window with the same preload, printed to PDF (A4
// set explicitly: Electron defaults to Letter; no margins: the route's page boxes are whole sheets) or to a printer, then recorded through the backend (print.record).
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import type { PrintAttribute, PrintJob, PrintOutcome, PrinterInfo, Result } from '../preload/contract';
import type { BackendClient } from './backend-client';
import { countPdfPages } from './pdf-pages';
import { pageSizeOf, pdfFileName, printRouteUrl, recordInput, type PrintAttributes } from './print-job';
import { windowOptions } from './window-options';

const ATTRIBUTES: PrintAttribute[] = [
  'data-print-ready',
  'data-print-id',
  'data-print-error',
  'data-print-rows',
  'data-print-title',
  'data-print-audit-seq',
  'data-print-orientation',
  'data-print-page-mm',
];
/** A register of 10,000 rows takes a while to lay out. */
const READY_TIMEOUT_MS = 600_000;

/** Print windows whose main frame may call the ledger, besides the app's own window. */
export const printWindows = new Set<BrowserWindow>();

async function waitForPrintout(contents: WebContents): Promise<PrintAttributes> {
  const read = `Object.fromEntries(${JSON.stringify(ATTRIBUTES)}.map((n) => [n, document.documentElement.getAttribute(n)]))`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const attributes = (await contents.executeJavaScript(read)) as PrintAttributes;
    if (attributes['data-print-ready'] || attributes['data-print-error']) return attributes;
    if (Date.now() > deadline) throw new Error('The printout was not laid out in time.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const failed = (message: string): Result<PrintOutcome> => ({ ok: false, error: { code: 'E_PRINT_FAILED', message } });

export async function printJob(job: PrintJob, owner: BrowserWindow, preload: string, backend: BackendClient): Promise<Result<PrintOutcome>> {
  const window = new BrowserWindow({ ...windowOptions(preload, false), show: false });
  printWindows.add(window);
  try {
    await window.loadURL(printRouteUrl(job.request));
    const shown = await waitForPrintout(window.webContents);
    const refused = shown['data-print-error'];
    if (refused) return { ok: false, error: { code: refused as never, message: `The printout could not be prepared (${refused}).` } };
    const landscape = shown['data-print-orientation'] === 'landscape';
    const pageSize = pageSizeOf(shown);
    // No margins of Electron's own: each page box of the print route is a whole sheet with its frame drawn in.
    const pdf = await window.webContents.printToPDF({
      pageSize: pageSize.pdf,
      landscape,
      printBackground: true,
      preferCSSPageSize: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    const pages = countPdfPages(pdf);
    if (job.target === 'pdf') {
      const number = 'batchNo' in job.request ? job.request.batchNo : '';
      const saved = await dialog.showSaveDialog(owner, {
        defaultPath: pdfFileName(shown['data-print-title'] ?? '', number),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (saved.canceled || !saved.filePath) return { ok: true, value: { pages, cancelled: true } };
      await writeFile(saved.filePath, pdf);
    } else {
      const printed = await new Promise<{ success: boolean; reason: string }>((resolve) =>
        window.webContents.print(
          {
            silent: Boolean(job.deviceName),
            ...(job.deviceName ? { deviceName: job.deviceName } : {}),
            copies: job.copies ?? 1,
            pageSize: pageSize.print,
            landscape,
            printBackground: true,
            margins: { marginType: 'none' },
          },
          (success, reason) => resolve({ success, reason }),
        ),
      );
      if (!printed.success) return printed.reason === 'cancelled' ? { ok: true, value: { pages, cancelled: true } } : failed(printed.reason);
    }
    const recorded = await backend.invoke('print.record', recordInput(job, shown, pages));
    return recorded.ok ? { ok: true, value: { pages } } : recorded;
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  } finally {
    printWindows.delete(window);
    window.destroy();
  }
}

export async function printers(contents: WebContents): Promise<PrinterInfo[]> {
  return (await contents.getPrintersAsync()).map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
}
