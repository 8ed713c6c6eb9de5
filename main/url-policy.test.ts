import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedRequestUrl, isAppUrl, resolveAppFile } from './url-policy';

const root = path.resolve('/srv/out/renderer');

describe('isAppUrl', () => {
  it('accepts the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://ledger/')).toBe(true);
    expect(isAppUrl('app://ledger/print/return-slip?id=3#top')).toBe(true);
  });

  it.each([
    'http://127.0.0.1:5173/',
    'https://ledger/',
    'file:///etc/passwd',
    'app://evil/',
    'app://ledger.evil/',
    'app://ledger:8080/',
    'app://user:pw@ledger/',
    'app:ledger/index.html',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    'about:blank',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('resolveAppFile', () => {
  it('maps app URLs to files inside the root', () => {
    expect(resolveAppFile('app://ledger/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://ledger', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://ledger/index.html?x=1#y', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://ledger/assets/index-Ab_3.js', root)).toBe(path.join(root, 'assets', 'index-Ab_3.js'));
    expect(resolveAppFile('app://ledger/assets/%E5%AD%97.woff2', root)).toBe(path.join(root, 'assets', '字.woff2'));
  });

  it.each([
    // other origins and schemes
    'app://evil/index.html',
    'http://127.0.0.1/index.html',
    'file:///etc/passwd',
    // encoded separators and dot segments that survive URL parsing
    'app://ledger/..%2f..%2fetc%2fpasswd',
    'app://ledger/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://ledger/..%5c..%5cWindows%5cwin.ini',
    'app://ledger/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://ledger/assets%2f..%2f..%2fsecret',
    // absolute and drive paths hidden in a segment
    'app://ledger/%2Fetc%2Fpasswd',
    'app://ledger/C:%5CWindows%5Cwin.ini',
    'app://ledger/C:/Windows/win.ini',
    // NUL, malformed escapes, hidden files, Windows devices, empty segments
    'app://ledger/index.html%00.png',
    'app://ledger/%E0%A4%A',
    'app://ledger/.env',
    'app://ledger/assets/CON',
    'app://ledger/nul.txt',
    'app://ledger/assets//x.js',
    'app://ledger/assets/',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('keeps plain and percent-encoded dot segments inside the root', () => {
    // The URL parser already removes these, so they can only address files under the root.
    for (const url of ['app://ledger/../../etc/passwd', 'app://ledger/%2e%2e/%2e%2e/etc/passwd', 'app://ledger/assets/../../../x']) {
      const file = resolveAppFile(url, root);
      expect(file, url).not.toBeNull();
      expect(file!.startsWith(root + path.sep), url).toBe(true);
    }
  });
});

describe('isAllowedRequestUrl', () => {
  it('allows only the app origin and data: images in production', () => {
    expect(isAllowedRequestUrl('app://ledger/assets/a.js', false)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', false)).toBe(true);
    for (const url of [
      'http://127.0.0.1:8080/',
      'https://example.com/x.js',
      'ws://localhost/',
      'file:///etc/passwd',
      'app://evil/',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'garbage',
    ]) {
      expect(isAllowedRequestUrl(url, false), url).toBe(false);
    }
  });

  it('allows the DevTools front end only in development', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', true)).toBe(true);
    expect(isAllowedRequestUrl('https://chrome-devtools-frontend.appspot.com/x', true)).toBe(false);
  });
});
