// Electron main process: one window on the app:// origin, security hardening, and a relay to the
// ledger backend, which runs as a utilityProcess (db/process.ts, built to out/main/backend.js).
// Main never imports db/ at run time. Every rule worth testing lives in a plain module next to this.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, utilityProcess, type WebContents } from 'electron';
import { FOLDER_CHANNEL, INVOKE_CHANNEL, PRINT_CHANNEL, PRINTERS_CHANNEL, PUSH_CHANNEL } from '../preload/channels';
import { APP_SCHEME_REGISTRATION, appResponse } from './app-protocol';
import { startBackend, type BackendProcess } from './backend-client';
import { menuTemplate } from './menu';
import { backupQuitPrompt } from './quit-prompt';
import { chosenFolder, folderDialogOptions, parseFolderRequest } from './folder-dialog';
import { parsePrintJob } from './print-job';
import { printers, printJob, printWindows } from './print-window';
import { ledgerDir, nativeBindingPath, userDataOverride } from './paths';
import { isTrustedSender } from './sender-check';
import { APP_ENTRY_URL, APP_SCHEME, isAllowedRequestUrl, isAppUrl } from './url-policy';
import { windowOptions } from './window-options';

/** How long the backend may take to close the ledger on quit before it is killed. */
const SHUTDOWN_GRACE_MS = 3_000;

const outMain = import.meta.dirname;
const devTools = !app.isPackaged;
let win: BrowserWindow | null = null;
const preloadPath = path.join(outMain, '../preload/index.cjs');

// Before anything reads userData (the single-instance lock lives there too).
const userData = userDataOverride(process.env, app.isPackaged);
if (userData) app.setPath('userData', userData);

if (!app.requestSingleInstanceLock()) {
  // The first instance owns the ledger; it raises its window on 'second-instance'.
  app.quit();
} else {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('Secrecy Ledger failed to start:', err);
      app.exit(1);
    });
}

function start(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(devTools)));
  lockDownSession();
  const rendererDir = path.join(outMain, '../renderer');
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir));

  const backend = startBackend({
    spawn: spawnBackend,
    onPush: (event) => {
      if (win && !win.isDestroyed()) win.webContents.send(PUSH_CHANNEL, event);
    },
    restarts: 1,
  });

  const appFrames = () => (win && !win.isDestroyed() ? [win.webContents.mainFrame] : []);
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => {
    // The hidden print windows load the same print route with the same preload: they prepare what they print.
    const trusted = [...appFrames(), ...[...printWindows].filter((w) => !w.isDestroyed()).map((w) => w.webContents.mainFrame)];
    if (!isTrustedSender(event.senderFrame, trusted) || typeof name !== 'string') {
      throw new Error('Refused: the ledger answers only its own window.');
    }
    return backend.invoke(name, input);
  });
  // Only the app's own window asks to print; a print window never starts another print.
  ipcMain.handle(PRINT_CHANNEL, (event, raw: unknown) => {
    const job = parsePrintJob(raw);
    if (!win || !isTrustedSender(event.senderFrame, appFrames()) || !job) throw new Error('Refused: not a print job of the app window.');
    return printJob(job, win, preloadPath, backend);
  });
  ipcMain.handle(PRINTERS_CHANNEL, (event) => {
    if (!win || !isTrustedSender(event.senderFrame, appFrames())) throw new Error('Refused: the ledger answers only its own window.');
    return printers(win.webContents);
  });
  // Backup and restore choose their folder in the system's dialog, over the app window.
  ipcMain.handle(FOLDER_CHANNEL, async (event, raw: unknown) => {
    const request = parseFolderRequest(raw);
    if (!win || !isTrustedSender(event.senderFrame, appFrames()) || !request) throw new Error('Refused: not a folder request of the app window.');
    return chosenFolder(await dialog.showOpenDialog(win, folderDialogOptions(request)));
  });

  powerMonitor.on('lock-screen', () => backend.systemLock());
  powerMonitor.on('suspend', () => backend.systemLock());

  // A due backup is mentioned once per quit; then the backend closes the database (and checkpoints its WAL).
  let backendStopped = false;
  let quitting = false;
  app.on('before-quit', (event) => {
    if (backendStopped) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    void (async () => {
      const prompt = backupQuitPrompt(await backend.invoke('ledger.status', {}), app.getLocale());
      if (prompt) {
        const options = {
          type: 'warning' as const,
          title: prompt.title,
          message: prompt.message,
          detail: prompt.detail,
          buttons: prompt.buttons,
          defaultId: 1,
          cancelId: 1,
          noLink: true,
        };
        const { response } = win && !win.isDestroyed() ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
        if (response !== 0) {
          quitting = false;
          if (!win) createWindow(); // quitting came from closing the last window
          return;
        }
      }
      await backend.shutdown(SHUTDOWN_GRACE_MS);
      backendStopped = true;
      app.quit();
    })();
  });

  createWindow();
}

function createWindow(): void {
  const window = new BrowserWindow(windowOptions(preloadPath, devTools));
  win = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (win === window) win = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((err: unknown) => console.error('Could not load the app page:', err));
}

function spawnBackend(): BackendProcess {
  const dir = ledgerDir(app.getPath('userData'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const binding = nativeBindingPath({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    arch: process.arch,
  });
  if (!existsSync(binding)) {
    console.error(`The Electron build of the SQLite binding is missing: ${binding}\nRun: node build/electron-native.mjs`);
  }
  return utilityProcess.fork(path.join(outMain, 'backend.js'), ['--dir', dir], {
    serviceName: 'Secrecy Ledger backend',
    env: { ...process.env, LEDGER_NATIVE_BINDING: binding },
  });
}

/** The app never leaves its origin, never asks for a permission and never touches a network. */
function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, devTools) }));
}

/** Applied to every web contents, ours and any other (DevTools, future print windows). */
function harden(contents: WebContents): void {
  const stayOnOrigin = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnOrigin);
  contents.on('will-redirect', stayOnOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
