import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options';

describe('windowOptions', () => {
  it('isolates and sandboxes the renderer', () => {
    const options = windowOptions('/app/out/preload/index.cjs', false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
    expect(options.webPreferences).not.toHaveProperty('partition');
  });

  it('enables DevTools only when asked (unpackaged builds)', () => {
    expect(windowOptions('/p', true).webPreferences?.devTools).toBe(true);
  });

  it('starts hidden with the menu bar tucked away', () => {
    const options = windowOptions('/p', false);
    expect(options.show).toBe(false);
    expect(options.autoHideMenuBar).toBe(true);
  });
});
