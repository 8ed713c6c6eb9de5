// Printing in Electron: the renderer's print route in a hidden window with the same preload, printed to PDF (A4
// set explicitly: Electron defaults to Letter; no margins: the route's page boxes are whole sheets) or to a printer,
// a chunk of pages at a time (main/print-chunks.ts), then recorded through the backend (print.record).
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import type { PrintJob, PrintOutcome, PrinterInfo, Result } from '../preload/contract';
import type { BackendClient } from './backend-client';
import { countPdfPages } from './pdf-pages';
import { forEachChunk, inChunks, printPdfInChunks, readPrintout, type PrintSurface } from './print-chunks';
import { pageSizeOf, pdfFileName, printRouteUrl, recordInput } from './print-job';
import { windowOptions } from './window-options';

/** Print windows whose main frame may call the ledger, besides the app's own window. */
export const printWindows = new Set<BrowserWindow>();

const failed = (message: string): Result<PrintOutcome> => ({ ok: false, error: { code: 'E_PRINT_FAILED', message } });

export async function printJob(job: PrintJob, owner: BrowserWindow, preload: string, backend: BackendClient): Promise<Result<PrintOutcome>> {
  const window = new BrowserWindow({ ...windowOptions(preload, false), show: false });
  printWindows.add(window);
  try {
    await window.loadURL(printRouteUrl(job.request));
    const contents = window.webContents;
    const evaluate = (script: string) => contents.executeJavaScript(script) as Promise<unknown>;
    const shown = await readPrintout({ evaluate });
    const refused = shown['data-print-error'];
    if (refused) return { ok: false, error: { code: refused as never, message: `The printout could not be prepared (${refused}).` } };
    const landscape = shown['data-print-orientation'] === 'landscape';
    const pageSize = pageSizeOf(shown);
    // No margins of Electron's own: each page box of the print route is a whole sheet with its frame drawn in.
    const surface: PrintSurface = {
      evaluate,
      pdf: () =>
        contents.printToPDF({
          pageSize: pageSize.pdf,
          landscape,
          printBackground: true,
          preferCSSPageSize: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        }),
    };
    let pages: number;
    if (job.target === 'pdf') {
      const printed = await printPdfInChunks(surface, shown);
      pages = printed.pages;
      const number = 'batchNo' in job.request ? job.request.batchNo : '';
      const saved = await dialog.showSaveDialog(owner, {
        defaultPath: pdfFileName(shown['data-print-title'] ?? '', number),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (saved.canceled || !saved.filePath) return { ok: true, value: { pages, cancelled: true } };
      await writeFile(saved.filePath, printed.pdf);
    } else {
      const print = (copies: number, silent: boolean) =>
        new Promise<{ success: boolean; reason: string }>((resolve) =>
          contents.print(
            {
              silent,
              ...(job.deviceName ? { deviceName: job.deviceName } : {}),
              copies,
              pageSize: pageSize.print,
              landscape,
              printBackground: true,
              margins: { marginType: 'none' },
            },
            (success, reason) => resolve({ success, reason }),
          ),
        );
      const total = Number(shown['data-print-pages'] ?? 0);
      // Labels are shown whole and counted from their PDF.
      pages = total || countPdfPages(await surface.pdf());
      let printed = { success: true, reason: '' };
      /** Sheets already sent to the printer by jobs that succeeded (of every copy), should a later chunk's job fail. */
      let sent = 0;
      if (job.deviceName && inChunks(shown)) {
        // A printer job cannot be joined from PDFs: each chunk is its own job to the chosen printer, sent in order,
        // one after the other (the spooler prints a printer's jobs in the order they came), and each copy is a pass
        // over the chunks so the copies come out collated. Every sheet carries its 第 N 页 共 M 页.
        for (let copy = 0; copy < (job.copies ?? 1) && printed.success; copy += 1)
          await forEachChunk(surface, shown, async (from, to) => {
            if (!printed.success) return;
            printed = await print(1, true);
            if (printed.success) sent += to - from;
          });
      } else {
        // One job. Through the system dialog a long printout is shown whole: the dialog chooses a printer Electron
        // does not name, so further jobs could not follow it (its memory is as before chunks; choose a printer).
        if (inChunks(shown)) await evaluate(`showPrintPages(0, ${total})`);
        printed = await print(job.copies ?? 1, Boolean(job.deviceName));
      }
      if (!printed.success && sent > 0) {
        // Paper is out of the printer: recorded with the sheets sent and why the rest were not, then the failure told.
        const recorded = await backend.invoke('print.record', { ...recordInput(job, shown, sent), interrupted: printed.reason || 'failed' });
        return recorded.ok ? failed(printed.reason) : recorded;
      }
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
