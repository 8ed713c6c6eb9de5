// Reading printed labels back, as a scanner would: a PDF page rendered by poppler (pdftoppm) to PNG, each label's
// box cut out and its Code 128 and QR decoded by @zxing/library (in the tests only).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import zxing, { type BarcodeFormat as Format, type DecodeHintType as Hint, type Reader } from '@zxing/library';
import pngjs from 'pngjs';

// Both are CommonJS packages whose named exports Node's ES module loader does not see.
const { BarcodeFormat, BinaryBitmap, Code128Reader, DecodeHintType, GlobalHistogramBinarizer, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;
const { PNG } = pngjs;

/** Renders the PDF's page `pageNo` at `dpi` to a PNG beside it; returns the PNG's path. */
export function pdfPageToPng(pdf: string, pageNo: number, dpi: number): string {
  const out = pdf.replace(/\.pdf$/, `-p${pageNo}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(pageNo), '-l', String(pageNo), '-singlefile', pdf, out]);
  return `${out}.png`;
}

export interface Raster {
  width: number;
  height: number;
  /** One grey byte a pixel, row by row. */
  grey: Uint8ClampedArray;
}

export function readPng(path: string): Raster {
  const png = PNG.sync.read(readFileSync(path));
  const grey = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < grey.length; i++) {
    const [r, g, b] = [png.data[i * 4]!, png.data[i * 4 + 1]!, png.data[i * 4 + 2]!];
    grey[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  return { width: png.width, height: png.height, grey };
}

/** A box in pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

function crop(raster: Raster, box: PixelBox): Raster {
  const x0 = Math.max(0, Math.round(box.x));
  const y0 = Math.max(0, Math.round(box.y));
  const width = Math.min(raster.width - x0, Math.round(box.width));
  const height = Math.min(raster.height - y0, Math.round(box.height));
  const grey = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) grey.set(raster.grey.subarray((y0 + y) * raster.width + x0, (y0 + y) * raster.width + x0 + width), y * width);
  return { width, height, grey };
}

/**
 * Tries the local-threshold binarizer, then the global one, as zxing's own scanner apps do: in 18 runs of the labels
 * test (162 labels) five had one QR code the first did not read; the one looked into, zbarimg read, and the global
 * binarizer read it at 300 DPI, where the local one failed at every DPI from 200 to 600.
 */
function decodeWith(reader: Reader, raster: Raster, format: Format): string | null {
  const hints = new Map<Hint, unknown>([
    [DecodeHintType.TRY_HARDER, true],
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
  ]);
  for (const Binarizer of [HybridBinarizer, GlobalHistogramBinarizer]) {
    const bitmap = new BinaryBitmap(new Binarizer(new RGBLuminanceSource(raster.grey, raster.width, raster.height)));
    try {
      return reader.decode(bitmap, hints).getText();
    } catch {
      // NotFound, Checksum, Format: nothing read this way.
    }
  }
  return null;
}

/** What a scanner reads in one box of the image (or the whole image): its Code 128 and its QR, null where none reads. */
export function readSymbols(raster: Raster, box?: PixelBox): { code128: string | null; qr: string | null } {
  const part = box ? crop(raster, box) : raster;
  return { code128: decodeWith(new Code128Reader(), part, BarcodeFormat.CODE_128), qr: decodeWith(new QRCodeReader(), part, BarcodeFormat.QR_CODE) };
}

/** A box in millimetres on the page as pixels at `dpi`. */
export function mmToPixels(box: { x: number; y: number; width: number; height: number }, dpi: number): PixelBox {
  const px = (mm: number) => (mm * dpi) / 25.4;
  return { x: px(box.x), y: px(box.y), width: px(box.width), height: px(box.height) };
}
