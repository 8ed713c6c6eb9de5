// The print route's address: #/print?r=<base64url of the PrintRequest as JSON>. Hosts build it the same way
// (Buffer's 'base64url'); the renderer reads it back here.
import type { PrintRequest } from '../../../../preload/contract';

const PRINT_ROUTE = '#/print';

export function isPrintRoute(hash: string): boolean {
  return hash === PRINT_ROUTE || hash.startsWith(`${PRINT_ROUTE}?`);
}

export function encodePrintRequest(request: PrintRequest): string {
  const bytes = new TextEncoder().encode(JSON.stringify(request));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The request in a print route's hash, or null when there is none or it does not decode (the backend validates the rest). */
export function decodePrintRequest(hash: string): PrintRequest | null {
  if (!isPrintRoute(hash)) return null;
  const r = new URLSearchParams(hash.slice(PRINT_ROUTE.length + 1)).get('r');
  if (!r) return null;
  try {
    const binary = atob(r.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' ? (value as PrintRequest) : null;
  } catch {
    return null;
  }
}
