// The production host end to end: the built app (out/main/index.js) in real Electron, on a
// throw-away userData (LEDGER_USER_DATA, honoured only unpackaged). Checks the app:// page and its
// CSP, the preload's window.ledger, the backend utilityProcess answering through the relay, and that
// the page has no Node. Skipped where no Electron binary exists (our CI machines cannot download it).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../main/csp';
import type { InvokeResult } from '../../preload/contract';

const repo = path.resolve(import.meta.dirname, '../..');

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/** The Electron binary: node_modules/electron/dist, or the unpacked Electron in ELECTRON_OVERRIDE_DIST_PATH. */
function electronExecutable(): string | null {
  const electronDir = path.join(repo, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : (EXECUTABLE[process.platform] ?? 'electron');
  const executable = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist'), relative);
  return existsSync(executable) ? executable : null;
}

const executablePath = electronExecutable();

test.describe('Electron host', () => {
  test.skip(executablePath === null, 'Electron binary not present (set ELECTRON_OVERRIDE_DIST_PATH): Electron e2e skipped');

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    expect(existsSync(path.join(repo, 'out', 'main', 'index.js')), 'build the app first: npx electron-vite build').toBe(true);
    const binding = path.join(repo, '.electron-native', process.arch, 'better_sqlite3.node');
    expect(existsSync(binding), 'build the Electron SQLite binding first: node build/electron-native.mjs').toBe(true);
    userData = mkdtempSync(path.join(tmpdir(), 'ledger-electron-e2e-'));
    // A leftover ELECTRON_RUN_AS_NODE would start Electron as plain Node.
    const env = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE'),
    );
    app = await _electron.launch({ executablePath: executablePath!, args: ['.'], cwd: repo, env: { ...env, LEDGER_USER_DATA: userData } });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('serves the renderer from app://ledger with the CSP', async () => {
    expect(page.url()).toMatch(/^app:\/\/ledger\//);
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
  });

  test('shows the first-run wizard on an empty ledger folder', async () => {
    await expect(page.getByTestId('setup-wizard')).toBeVisible();
  });

  test('exposes window.ledger and no Node to the page', async () => {
    const globals = await page.evaluate(() => ({
      ledger: Object.keys(window.ledger).sort(),
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      ipcRenderer: typeof (globalThis as Record<string, unknown>).ipcRenderer,
    }));
    expect(globals).toEqual({ ledger: ['invoke', 'onPush'], require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
  });

  test('the backend answers through the relay and keeps the ledger in userData/ledger', async () => {
    const status = await page.evaluate(() => window.ledger.invoke('ledger.status', {}) as Promise<InvokeResult>);
    expect(status).toMatchObject({ ok: true, value: { state: 'no-ledger' } });
    expect(existsSync(path.join(userData, 'ledger'))).toBe(true);
  });

  test('denies new windows and navigation away from the app', async () => {
    expect(await page.evaluate(() => window.open('app://ledger/index.html') === null)).toBe(true);
    await page.evaluate(() => {
      location.href = 'http://127.0.0.1:9/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/ledger\//);
    expect(app.windows()).toHaveLength(1);
  });
});
