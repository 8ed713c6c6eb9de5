import { describe, expect, it } from 'vitest';
import { pageSizeOf, parsePrintJob, pdfFileName, printRouteUrl, recordInput } from './print-job';

describe('the print job main accepts', () => {
  it('builds the print route the renderer decodes (base64url JSON after #/print?r=)', () => {
    const request = { kind: 'return-slip' as const, batchNo: 'QT-2026-001' };
    const url = new URL(printRouteUrl(request));
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('app://ledger/index.html');
    const r = new URLSearchParams(url.hash.slice('#/print?'.length)).get('r')!;
    expect(JSON.parse(Buffer.from(r, 'base64url').toString('utf8'))).toEqual(request);
  });

  it('refuses what is not a job: no request, an unknown target, copies out of range, a long printer name', () => {
    const request = { kind: 'sheet', name: 'documents' };
    expect(parsePrintJob({ request, target: 'pdf' })).toEqual({ request, target: 'pdf', copies: 1 });
    expect(parsePrintJob({ request, target: 'printer', copies: 3, deviceName: 'HP' })).toEqual({ request, target: 'printer', copies: 3, deviceName: 'HP' });
    for (const bad of [
      null,
      'x',
      { target: 'pdf' },
      { request, target: 'fax' },
      { request, target: 'printer', copies: 0 },
      { request, target: 'printer', copies: 1.5 },
      { request, target: 'pdf', deviceName: 'x'.repeat(201) },
    ]) {
      expect(parsePrintJob(bad)).toBeNull();
    }
  });

  it('records the print the page prepared, the pages made and, for a printer, the copies and its name', () => {
    const request = { kind: 'sheet' as const, name: 'documents' as const };
    const shown = { 'data-print-id': '3f0c9a52-7d1e-4b8a-9c2f-1a2b3c4d5e6f', 'data-print-title': '涉密文件登记台账', 'data-print-rows': '25' };
    expect(recordInput({ request, target: 'printer', copies: 2, deviceName: 'HP' }, shown, 3)).toEqual({
      printId: '3f0c9a52-7d1e-4b8a-9c2f-1a2b3c4d5e6f',
      pages: 3,
      copies: 2,
      destination: 'printer',
      printer: 'HP',
    });
    expect(recordInput({ request, target: 'pdf', copies: 5 }, shown, 3)).toMatchObject({ copies: 1, destination: 'pdf' });
  });

  it('prints on A4 unless the page names its own size: a single label of a label printer, in inches to a PDF and microns to a printer', () => {
    expect(pageSizeOf({})).toEqual({ pdf: 'A4', print: 'A4' });
    expect(pageSizeOf({ 'data-print-page-mm': 'x' })).toEqual({ pdf: 'A4', print: 'A4' });
    const label = pageSizeOf({ 'data-print-page-mm': '60x40' });
    expect(label.print).toEqual({ width: 60_000, height: 40_000 });
    expect(label.pdf).toEqual({ width: 60 / 25.4, height: 40 / 25.4 });
    expect(pageSizeOf({ 'data-print-page-mm': '50.8x25.4' }).print).toEqual({ width: 50_800, height: 25_400 });
  });

  it('names the PDF after the printout, without characters a file system refuses', () => {
    expect(pdfFileName('涉密载体清退单', 'QT-2026-001')).toBe('涉密载体清退单 QT-2026-001.pdf');
    expect(pdfFileName('a/b:c', '')).toBe('a_b_c.pdf');
  });
});
