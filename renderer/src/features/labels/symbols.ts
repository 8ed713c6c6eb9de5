// The label's two symbols, drawn by bwip-js as SVG (offline, vector: they print as crisp as the printer can). A
// symbol comes with its number of modules; the label sizes it in millimetres, so its module width is known and the
// Code 128 can be checked to fit a scanner's reach.
import { code128, drawingSVG, qrcode, type RenderOptions } from 'bwip-js/browser';

export interface DrawnSymbol {
  /** The SVG's inner markup, in the units of its box. */
  body: string;
  width: number;
  height: number;
  /** Modules across (Code 128: bars and spaces; QR: the matrix), quiet zones not included. */
  modules: number;
}

/** bwip-js at scale 1 draws a bar code's module one unit wide, a 2D symbol's two units. */
function drawn(svg: string, unitsPerModule: 1 | 2): DrawnSymbol {
  const box = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
  if (!box) throw new Error('bwip-js drew no viewBox');
  const [width, height] = [Number(box[1]), Number(box[2])];
  return { body: svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, ''), width, height, modules: width / unitsPerModule };
}

/** Code 128 of the code; its bars stretch to the height the label gives them. */
export function code128Symbol(code: string): DrawnSymbol {
  return drawn(code128({ bcid: 'code128', text: code, scale: 1, height: 10 }, drawingSVG()), 1);
}

/** QR of the code at error correction M (a label scuffed at a corner still reads). */
export function qrSymbol(code: string): DrawnSymbol {
  // BWIPP's own option, which bwip-js passes on but does not type. The mask is the one BWIPP chooses for each code: a
  // fixed mask drew four times quicker, but about one code in twenty (SLLND00003P) then did not read back.
  const options: RenderOptions & { eclevel: 'M' } = { bcid: 'qrcode', text: code, scale: 1, eclevel: 'M' };
  return drawn(qrcode(options, drawingSVG()), 2);
}

/**
 * The modules of the widest Code 128 among these codes. A code's width depends only on where its digits and its
 * letters stand (the runs of digits Code 128 packs in pairs), so each shape is drawn once, not each code.
 */
export function widestCode128(codes: string[]): number {
  const shapes = new Set(codes.map((c) => c.replace(/\d/g, '0').replace(/[A-Z]/g, 'A')));
  return Math.max(0, ...[...shapes].map((shape) => code128Symbol(shape).modules));
}
