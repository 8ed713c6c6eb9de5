// The parts of printing that need no Electron: the print route's URL, the check of a job the renderer sends, and
// the print.record input naming the print the laid-out page prepared. Unit-tested; main/index.ts wires them.
import type { PrintAttribute, PrintJob } from '../preload/contract';
import { APP_ENTRY_URL } from './url-policy';

/** The renderer's print route for a request; PrintRoot decodes it (renderer/src/features/printing/request.ts). */
export function printRouteUrl(request: PrintJob['request']): string {
  return `${APP_ENTRY_URL}#/print?r=${Buffer.from(JSON.stringify(request)).toString('base64url')}`;
}

/** The job as main accepts it from IPC: shape only; the backend validates the request itself when the page prepares it. */
export function parsePrintJob(raw: unknown): PrintJob | null {
  if (raw === null || typeof raw !== 'object') return null;
  const job = raw as Record<string, unknown>;
  if (job['target'] !== 'pdf' && job['target'] !== 'printer') return null;
  if (job['request'] === null || typeof job['request'] !== 'object') return null;
  const copies = job['copies'] ?? 1;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 1 || copies > 99) return null;
  if (job['deviceName'] !== undefined && (typeof job['deviceName'] !== 'string' || job['deviceName'].length > 200)) return null;
  return {
    request: job['request'] as PrintJob['request'],
    target: job['target'],
    copies,
    ...(typeof job['deviceName'] === 'string' ? { deviceName: job['deviceName'] } : {}),
  };
}

export type PrintAttributes = Partial<Record<PrintAttribute, string | null>>;

/** The print.record input: the print the page prepared (the backend kept what it showed), the pages made, the printer. */
export function recordInput(job: PrintJob, attributes: PrintAttributes, pages: number): Record<string, unknown> {
  return {
    printId: attributes['data-print-id'] ?? '',
    pages,
    copies: job.target === 'printer' ? (job.copies ?? 1) : 1,
    destination: job.target,
    ...(job.target === 'printer' && job.deviceName ? { printer: job.deviceName } : {}),
  };
}

/** The sheet to print on: A4, or a label's own size in mm (a label printer), as Electron's print and printToPDF take it. */
export function pageSizeOf(attributes: PrintAttributes): { pdf: 'A4' | { width: number; height: number }; print: 'A4' | { width: number; height: number } } {
  const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)$/.exec(attributes['data-print-page-mm'] ?? '');
  if (!m) return { pdf: 'A4', print: 'A4' };
  const [width, height] = [Number(m[1]), Number(m[2])];
  // printToPDF takes inches, print takes microns.
  return { pdf: { width: width / 25.4, height: height / 25.4 }, print: { width: Math.round(width * 1000), height: Math.round(height * 1000) } };
}

/** A file name for the save dialog: the title and number, without characters file systems refuse. */
export function pdfFileName(title: string, number: string): string {
  const name = [...[title, number].filter(Boolean).join(' ')].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return `${name}.pdf`;
}
