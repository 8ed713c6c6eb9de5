import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { LedgerService } from '../../db/service';
import { CONTENT_SECURITY_POLICY as CSP } from '../../main/csp';
import type { KdfParams } from '../../db/store/keyring';
import type { PushEvent } from '../../db/process-protocol';
import { printPdfInChunks, readPrintout } from '../../main/print-chunks';
import type { PrintJob, PrintOutcome, Result } from '../../preload/contract';
import type { ErrorCode } from '../../db/domain/errors';

/**
 * The browser test host: the real backend in-process and the built renderer, on 127.0.0.1 only,
 * guarded by a random per-run token. A test and preview tool, not a product mode.
 */
export interface HostOptions {
  dir: string;
  host?: string;
  port?: number;
  rendererDir?: string;
  kdf?: KdfParams;
}

export interface RunningHost {
  /** Open this URL (it carries the token). */
  url: string;
  origin: string;
  token: string;
  /** Runs a command in-process, as the signed-in session (seeding rows fast in tests and benches). */
  invoke(name: string, input: unknown): ReturnType<LedgerService['invoke']>;
  /** Moves the backend's clock forward (idle lock, throttle delays) without waiting. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
// LEDGER_RENDERER_DIR: a renderer built elsewhere (electron.vite.config.ts reads the same variable).
const DEFAULT_RENDERER = process.env.LEDGER_RENDERER_DIR ?? resolve(HERE, '../../out/renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const hostname = options.host ?? '127.0.0.1';
  if (!LOOPBACK.test(hostname)) throw new Error(`The test host binds to loopback only, not ${hostname}`);
  const rendererDir = realpathSync(options.rendererDir ?? DEFAULT_RENDERER);
  const indexHtml = readFileSync(join(rendererDir, 'index.html'), 'utf8').replace('<head>', '<head>\n    <script src="/__ledger/bridge.js"></script>');
  const bridgeJs = readFileSync(join(HERE, 'bridge.js'));
  const token = randomBytes(24).toString('hex');
  let clockOffset = 0;
  const subscribers = new Set<ServerResponse>();
  const push = (event: PushEvent) => {
    for (const res of subscribers) res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  const service = new LedgerService({
    dir: options.dir,
    clock: () => Date.now() + clockOffset,
    monotonic: () => performance.now() + clockOffset,
    onPush: push,
    ...(options.kdf ? { kdf: options.kdf } : {}),
  });
  const ticker = setInterval(() => service.tick(), 500);
  let origin = '';
  // Debian's Chromium prints the renderer's print route, as Electron's hidden window does; started on first use.
  let browser: Promise<Browser> | null = null;
  const printer = () => (browser ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));
  const print = (job: PrintJob) => printRoute(printer, `${origin}/?t=${token}`, job, (name, input) => service.invoke(name, input));

  const tokenOk = (given: string | null | undefined) => {
    const a = Buffer.from(given ?? '');
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  // Without a Host header Node would answer a bare 400 itself; the host check below answers it as JSON.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (err instanceof BadRequest) return sendError(res, 400, 'E_VALIDATION', err.message);
      // The cause goes to the host's console, never to the page.
      console.error('test host:', err);
      if (!res.headersSent) sendError(res, 500, 'E_INTERNAL', 'The test host failed; see its console.');
    });
  });

  // DNS rebinding: a page of another site that resolves its name to 127.0.0.1 sends its own name as Host.
  const loopbackHost = (given: string | undefined) =>
    given !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(given.toLowerCase());
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host');
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (!loopbackHost(req.headers.host))
      return sendError(res, 403, 'E_FORBIDDEN', `Open the test host by a loopback name: 127.0.0.1:${port}, localhost:${port} or [::1]:${port}.`);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // Only a page opened with the token gets the app; the bridge keeps the token for reloads.
      return tokenOk(url.searchParams.get('t'))
        ? send(res, 200, TYPES['.html']!, indexHtml)
        : sendError(res, 403, 'E_FORBIDDEN', 'Open the URL printed by the host (it carries the token).');
    }
    if (url.pathname === '/__ledger/bridge.js') return send(res, 200, TYPES['.js']!, bridgeJs);
    if (url.pathname.startsWith('/__ledger/')) {
      if (!tokenOk(req.headers['x-ledger-token'] as string | undefined) && !tokenOk(url.searchParams.get('t')))
        return sendError(res, 403, 'E_FORBIDDEN', 'Bad or missing token.');
      if (url.pathname === '/__ledger/invoke' && req.method === 'POST') {
        const { name, input } = await readJson<{ name: string; input: unknown }>(req);
        return send(res, 200, TYPES['.json']!, JSON.stringify(await service.invokeAsync(name, input)));
      }
      if (url.pathname === '/__ledger/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        subscribers.add(res);
        req.on('close', () => subscribers.delete(res));
        return;
      }
      if (url.pathname === '/__ledger/print' && req.method === 'POST') {
        return send(res, 200, TYPES['.json']!, JSON.stringify(await print(await readJson<PrintJob>(req))));
      }
      if (url.pathname === '/__ledger/advance-clock' && req.method === 'POST') {
        clockOffset += (await readJson<{ ms: number }>(req)).ms;
        service.tick();
        return send(res, 200, TYPES['.json']!, '{}');
      }
      return sendError(res, 404, 'E_UNKNOWN_COMMAND', 'The test host has no such route.');
    }
    const file = staticFile(rendererDir, url.pathname);
    if (!file) return sendError(res, 404, 'E_UNKNOWN_COMMAND', 'No such file in the renderer.');
    return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, hostname, () => ok());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
  return {
    url: `${origin}/?t=${token}`,
    origin,
    token,
    invoke: (name, input) => service.invoke(name, input),
    advanceClock(ms) {
      clockOffset += ms;
      service.tick();
    },
    async close() {
      clearInterval(ticker);
      if (browser) await (await browser).close();
      service.close();
      for (const res of subscribers) res.end();
      subscribers.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
type Invoke = (
  name: string,
  input: unknown,
) => { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

/**
 * Prints the renderer's print route to PDF in Chromium (A4, the page size the route's CSS sets) a chunk of pages at a
 * time as Electron does (main/print-chunks.ts), and records the print through the backend. The test host has no
 * printers: it saves PDFs only.
 */
export async function printRoute(browser: () => Promise<Browser>, appUrl: string, job: PrintJob, invoke: Invoke): Promise<Result<PrintOutcome>> {
  if (job.target !== 'pdf') return { ok: false, error: { code: 'E_PRINT_FAILED', message: 'The test host has no printers; save as PDF instead.' } };
  const context = await (await browser()).newContext();
  try {
    const page = await context.newPage();
    const route = `#/print?r=${Buffer.from(JSON.stringify(job.request)).toString('base64url')}`;
    await page.goto(`${appUrl}${route}`);
    const evaluate = (script: string) => page.evaluate(script);
    const shown = await readPrintout({ evaluate });
    const error = shown['data-print-error'];
    if (error) return { ok: false, error: { code: error as never, message: `The print route could not prepare the printout (${error}).` } };
    const landscape = shown['data-print-orientation'] === 'landscape';
    const pdf = () => page.pdf({ format: 'A4', landscape, printBackground: true, preferCSSPageSize: true });
    const printed = await printPdfInChunks({ evaluate, pdf }, shown);
    const recorded = invoke('print.record', { printId: shown['data-print-id'], pages: printed.pages, copies: 1, destination: 'pdf' });
    if (!recorded.ok) return recorded as Result<PrintOutcome>;
    return { ok: true, value: { pages: printed.pages, pdfBase64: Buffer.from(printed.pdf).toString('base64') } };
  } finally {
    await context.close();
  }
}

/** A file inside the renderer folder, or null: no traversal out of it. */
function staticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const full = resolve(root, `.${decoded}`);
  if (!full.startsWith(root + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

/** The host's own refusals, as the backend's: { ok: false, error: { code, message } }. */
function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, TYPES['.json']!, JSON.stringify({ ok: false, error: { code, message } }));
}

/** A request the host cannot read (not JSON, too large): answered 400 E_VALIDATION. */
class BadRequest extends Error {}

async function readJson<T>(req: IncomingMessage): Promise<T> {
  const body = await readBody(req);
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new BadRequest('The request body is not JSON.');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Room for an imported file of up to 20 MB sent as base64 (import.* commands); beyond it the rest is
      // read and dropped, so the client gets the answer instead of a reset connection.
      if (size <= 32 * 1024 * 1024) chunks.push(c);
    });
    req.on('end', () => (size > 32 * 1024 * 1024 ? fail(new BadRequest('The request is larger than 32 MB.')) : ok(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', fail);
  });
}
