// The main window's options. Every web preference that matters for security is spelled out, even
// where it equals Electron's default, so a future default change cannot loosen it silently.
import type { BrowserWindowConstructorOptions } from 'electron';

const PRODUCT_TITLE = '涉密载体台账';

export function windowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    // Shown on 'ready-to-show' so the custodian never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  };
}
