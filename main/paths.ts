// Where the host finds its files and keeps the ledger.
import path from 'node:path';

/** The ledger (database + key file) lives in this folder under Electron's userData. */
export function ledgerDir(userData: string): string {
  return path.join(userData, 'ledger');
}

/**
 * LEDGER_USER_DATA redirects userData so tests run against a throw-away ledger. The packaged app
 * ignores it: a stray environment variable must never move a real ledger.
 */
export function userDataOverride(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const value = env.LEDGER_USER_DATA;
  return isPackaged || !value ? null : path.resolve(value);
}

/**
 * The better-sqlite3-multiple-ciphers binding built for Electron's ABI (node_modules keeps the Node
 * build for tests and the CLI). Packaged: shipped as an extra resource. Development: built by
 * build/electron-native.mjs into .electron-native/<arch>/.
 */
export function nativeBindingPath(app: { isPackaged: boolean; appPath: string; resourcesPath: string; arch: string }): string {
  return app.isPackaged
    ? path.join(app.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(app.appPath, '.electron-native', app.arch, 'better_sqlite3.node');
}
