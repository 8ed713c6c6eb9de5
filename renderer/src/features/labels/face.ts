// One label's face in millimetres, from its size: the level large at top left with the lines under it, the QR at top
// right, the Code 128 across the bottom with the code in text. Everything scales with the label, within what a
// scanner and an eye still read.

/** Quiet zones: Code 128 wants 10 modules clear each side, QR 4 (fewer fail a decoder on some codes). */
const BAR_QUIET = 10;
const QR_QUIET = 4;
/** Narrower modules than this are past what an ordinary handheld scanner resolves on a laser-printed label. */
export const MIN_MODULE_MM = 0.19;
/** Room for the level, one line and the Code 128 with its code under it. */
export const MIN_LABEL_HEIGHT_MM = 20;
/** Wider bars only make the symbol longer; this reads from a hand's distance. */
const MAX_MODULE_MM = 0.5;

export interface Face {
  pad: number;
  level: { fontSize: number };
  line: { fontSize: number };
  qr: { size: number; left: number; top: number };
  bars: { left: number; top: number; width: number; height: number; moduleMm: number };
  code: { top: number; fontSize: number };
}

const MAX_PAD = 3;
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The face of a label `width` × `height` mm whose Code 128 has `barModules` modules and whose QR `qrModules`.
 * `levelChars`: the level text's length (机密 2, 非涉密 3), so the large text never runs into the QR.
 */
export function faceOf(width: number, height: number, barModules: number, qrModules: number, levelChars: number): Face {
  const pad = clamp(Math.min(width, height) * 0.06, 1.2, MAX_PAD);
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const codeFont = clamp(innerH * 0.09, 2, 3.2);
  const barH = clamp(innerH * 0.3, 5, 15);
  const topH = innerH - barH - codeFont * 1.3 - 0.8;
  const qr = Math.min(topH, innerW * 0.38, 26);
  const moduleMm = Math.min(MAX_MODULE_MM, innerW / (barModules + 2 * BAR_QUIET));
  const barW = moduleMm * barModules;
  const qrModule = qr / (qrModules + 2 * QR_QUIET);
  return {
    pad: round(pad),
    level: { fontSize: round(Math.min(topH * 0.45, (innerW - qr - 1) / (levelChars + 0.3), 12)) },
    line: { fontSize: round(clamp(topH * 0.16, 1.8, 3.4)) },
    // The QR's own quiet zone is inside its box: the box's edge may touch the label's.
    qr: { size: round(qr - 2 * QR_QUIET * qrModule), left: round(width - pad - qr + QR_QUIET * qrModule), top: round(pad + QR_QUIET * qrModule) },
    bars: { left: round((width - barW) / 2), top: round(pad + topH + 0.8), width: round(barW), height: round(barH), moduleMm: round(moduleMm * 1000) / 1000 },
    code: { top: round(pad + topH + 0.8 + barH), fontSize: round(codeFont) },
  };
}

/** The narrowest label whose Code 128 of `barModules` modules a scanner reads, quiet zones and the widest padding included. */
export function minLabelWidth(barModules: number): number {
  return Math.ceil(MIN_MODULE_MM * (barModules + 2 * BAR_QUIET) + 2 * MAX_PAD);
}
