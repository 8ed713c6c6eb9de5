// The browser test host: only loopback Host names reach it (DNS rebinding), and every error is JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../host/server';

let dir = '';
let host: RunningHost;
let port = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-host-'));
  writeFileSync(join(dir, 'index.html'), '<html><head></head><body></body></html>');
  host = await startHost({ dir: join(dir, 'ledger'), rendererDir: dir });
  port = Number(new URL(host.origin).port);
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so the Host header is what the test says (fetch would set its own). */
function call(path: string, options: { host?: string | null; method?: string; body?: string; token?: boolean } = {}) {
  return new Promise<{ status: number; type: string; body: string }>((ok, fail) => {
    const headers: Record<string, string> = {};
    if (options.token) headers['x-ledger-token'] = host.token;
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') }));
    });
    if (options.host !== null) req.setHeader('Host', options.host ?? `127.0.0.1:${port}`);
    req.on('error', fail);
    req.end(options.body);
  });
}

const json = (r: { type: string; body: string }) => {
  expect(r.type).toMatch(/^application\/json/);
  return JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } };
};

describe('the browser test host', () => {
  it('answers only requests whose Host is a loopback name with its port', async () => {
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect({ name, status: (await call(`/?t=${host.token}`, { host: name })).status }).toEqual({ name, status: 200 });
    }
    for (const name of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost:${port}@evil`,
      null,
    ]) {
      const r = await call(`/?t=${host.token}`, { host: name });
      expect({ name, status: r.status }).toEqual({ name, status: 403 });
      expect(json(r)).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    }
    const invoke = await call('/__ledger/invoke', {
      host: `evil.example:${port}`,
      method: 'POST',
      token: true,
      body: JSON.stringify({ name: 'session.status', input: {} }),
    });
    expect(invoke.status).toBe(403);
  });

  it('answers every error as JSON {ok:false, error:{code, message}}, never raw error text', async () => {
    expect(json(await call('/'))).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    expect(json(await call('/__ledger/invoke', { method: 'POST', body: '{}' }))).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    expect(json(await call('/__ledger/nothing', { token: true }))).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_COMMAND' } });
    expect(json(await call('/no/such/file.js'))).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_COMMAND' } });
    const bad = await call('/__ledger/invoke', { method: 'POST', token: true, body: '{not json' });
    expect(bad.status).toBe(400);
    const error = json(bad).error!;
    expect(error.code).toBe('E_VALIDATION');
    expect(error.message).not.toMatch(/SyntaxError|Unexpected|at .*\.ts/);
    const bigger = await call('/__ledger/invoke', { method: 'POST', token: true, body: 'x'.repeat(33 * 1024 * 1024) });
    expect(json(bigger)).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });
});
