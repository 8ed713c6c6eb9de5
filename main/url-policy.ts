// Which URLs the app may load, navigate to or request, and how an app:// URL maps to a file.
// Plain Node (no electron import) so every rule here is unit-tested.
import path from 'node:path';

export const APP_SCHEME = 'app';
const APP_HOST = 'ledger';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppOrigin(u: URL): boolean {
  // `host` (not hostname) so that a port makes the URL foreign; credentials never belong in our URLs.
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** True only for URLs on the app's own origin, app://ledger. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && isAppOrigin(u);
}

// A segment we agree to look up on disk: no separators or NUL once decoded, no dot segments, no
// hidden files, no drive letters or alternate streams (':'), no Windows device names (CON, NUL...).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
function isSafeSegment(segment: string): boolean {
  return segment !== '' && !segment.startsWith('.') && !/[/\\:\0]/.test(segment) && !WINDOWS_DEVICE.test(segment);
}

/**
 * The file inside `rootDir` that an app:// URL names, or null when the URL is not on our origin or
 * its path could leave `rootDir` (dot segments, encoded separators, absolute or drive paths).
 * The origin's root serves index.html. Query and fragment are ignored.
 */
export function resolveAppFile(url: string, rootDir: string): string | null {
  const u = parse(url);
  if (u === null || !isAppOrigin(u)) return null;
  if (u.pathname === '' || u.pathname === '/') return path.join(rootDir, 'index.html');
  const segments: string[] = [];
  for (const raw of u.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (!isSafeSegment(segment)) return null;
    segments.push(segment);
  }
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  // Belt and braces: whatever slipped past the segment rules, the result must stay inside root.
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

/**
 * Whether the session may issue a request for `url`. The app never touches a network: only its own
 * origin, inline data: images (allowed by the CSP) and, in development, the DevTools front end.
 */
export function isAllowedRequestUrl(url: string, devTools: boolean): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol === 'data:') return true;
  if (devTools && u.protocol === 'devtools:') return true;
  return isAppOrigin(u);
}
