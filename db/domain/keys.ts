// How two registrations are known to be the same thing: their text compared after trimming and Unicode NFKC, so
// that full-width characters (１２号) and stray spaces do not make a second record of one carrier.

/** Text as compared: NFKC (full width to half width), trimmed. */
const comparableText = (text: string): string => text.normalize('NFKC').trim();

/** 来文单位 + 文号, the key of an issued document; '' when it has no 文号 (then there is nothing to compare). */
export function documentKey(originUnit: string, docNumber: string): string {
  const number = comparableText(docNumber);
  return number ? `${comparableText(originUnit)}\u001f${number}` : '';
}
