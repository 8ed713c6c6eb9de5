// Counts the pages of a PDF that Chromium wrote (printToPDF, page.pdf): each page is one object of /Type /Page
// (the page tree's nodes are /Type /Pages). Chromium writes these objects uncompressed; anything else is refused
// rather than guessed.
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) throw new Error('Not a PDF: it does not start with %PDF-.');
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  if (pages === 0) throw new Error('The PDF has no page objects that can be counted.');
  return pages;
}
