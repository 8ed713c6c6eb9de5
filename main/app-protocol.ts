// The app:// protocol: how the scheme is registered and how a request becomes a response from the
// built renderer folder. No electron import at run time, so the handler is unit-tested in Node.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_SCHEME, resolveAppFile } from './url-policy';

/**
 * standard + secure give app://ledger a real origin (relative URLs, storage, a secure context);
 * supportFetchAPI lets the page fetch its own files. Deliberately no corsEnabled (other origins
 * must not read us) and no bypassCSP.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const COMMON_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // With nosniff an unlisted type stays inert data instead of being guessed into a script.
  'x-content-type-options': 'nosniff',
};

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/** Answers one app:// request from `rootDir` (the built renderer); never reads outside it. */
export async function appResponse(request: { method: string; url: string }, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...COMMON_HEADERS, allow: 'GET, HEAD' } });
  }
  const file = resolveAppFile(request.url, rootDir);
  if (file === null) return notFound();
  try {
    if (!(await stat(file)).isFile()) return notFound();
    const headers = { ...COMMON_HEADERS, 'content-type': contentType(file) };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
  } catch {
    return notFound();
  }
}
