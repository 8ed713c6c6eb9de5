import { describe, expect, it } from 'vitest';
import { countPdfPages } from './pdf-pages';

/** A minimal PDF with a page tree of `n` pages, as Chromium lays one out (uncompressed page objects). */
function pdf(n: number, sep = ' '): Uint8Array {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: n }, (_, i) => `${i + 3} 0 obj\n<< /Type${sep}/Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n`).join('');
  return new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [${kids}] /Count ${n} >>\nendobj\n${pages}trailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
}

describe('countPdfPages', () => {
  it('counts page objects, not the page tree nodes', () => {
    expect(countPdfPages(pdf(1))).toBe(1);
    expect(countPdfPages(pdf(25))).toBe(25);
    expect(countPdfPages(pdf(3, ''))).toBe(3);
  });

  it('refuses what is not a PDF, or a PDF without countable pages', () => {
    expect(() => countPdfPages(new TextEncoder().encode('<html>'))).toThrow(/Not a PDF/);
    expect(() => countPdfPages(pdf(0))).toThrow(/no page objects/);
  });
});
