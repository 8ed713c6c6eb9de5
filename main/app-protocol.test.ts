import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_REGISTRATION, appResponse } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets', 'sub'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ledger</title>');
  writeFileSync(path.join(root, 'assets', 'index-1a2b.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'blob.bin'), 'data');
  // A file next to the renderer folder that no URL may reach.
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string) => appResponse({ method: 'GET', url }, root);

describe('appResponse', () => {
  it('serves index.html at the origin root with the CSP and nosniff', async () => {
    const res = await get('app://ledger/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>ledger</title>');
  });

  it('serves assets with their type; unknown types as inert octet-stream', async () => {
    const js = await get('app://ledger/assets/index-1a2b.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const bin = await get('app://ledger/assets/blob.bin');
    expect(bin.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await appResponse({ method: 'HEAD', url: 'app://ledger/index.html' }, root);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await appResponse({ method: 'POST', url: 'app://ledger/index.html' }, root);
    expect(post.status).toBe(405);
  });

  it.each([
    'app://ledger/..%2fsecret.txt',
    'app://ledger/assets/..%2f..%2fsecret.txt',
    'app://ledger/%2e%2e%2fsecret.txt',
    'app://ledger/../secret.txt',
    'app://ledger/%2e%2e/secret.txt',
    'app://evil/index.html',
    'app://ledger/missing.js',
    'app://ledger/assets/sub',
  ])('gives 404 for %s and never leaks the outside file', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toContain('TOP SECRET');
  });
});

describe('APP_SCHEME_REGISTRATION', () => {
  it('is a secure standard scheme that other origins cannot read and that cannot bypass the CSP', () => {
    expect(APP_SCHEME_REGISTRATION.scheme).toBe('app');
    expect(APP_SCHEME_REGISTRATION.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_REGISTRATION.privileges?.corsEnabled).toBeFalsy();
    expect(APP_SCHEME_REGISTRATION.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_REGISTRATION.privileges?.allowServiceWorkers).toBeFalsy();
  });
});
