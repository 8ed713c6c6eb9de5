// electron-builder configuration (CommonJS: package.json is "type": "module").
// Offline builds, the Electron zip and the native binding: see build/OFFLINE.md.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { Arch } = require('electron-builder');

const repo = path.resolve(__dirname, '..');

/**
 * The app ships its own better-sqlite3-multiple-ciphers binding built for Electron's ABI by
 * build/electron-native.mjs (node_modules keeps the Node build). electron-builder only warns about a
 * missing extraResources file, so check here that the binding exists and was built for this target.
 */
function checkNativeBinding(context) {
  const arch = Arch[context.arch];
  const dir = path.join(repo, '.electron-native', arch);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, 'stamp.json'), 'utf8'));
    readFileSync(path.join(dir, 'better_sqlite3.node'));
  } catch {
    throw new Error(
      `No Electron native binding for ${arch} in ${dir}: run \`node build/electron-native.mjs --arch ${arch}\` on a ${context.electronPlatformName} machine.`,
    );
  }
  const electron = context.packager.info.framework.version;
  if (stamp.platform !== context.electronPlatformName || stamp.arch !== arch || stamp.electron !== electron) {
    throw new Error(
      `${dir} holds a binding for ${stamp.platform}-${stamp.arch}, Electron ${stamp.electron}; ` +
        `this package needs ${context.electronPlatformName}-${arch}, Electron ${electron}. Rebuild it with build/electron-native.mjs.`,
    );
  }
}

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.secrecy-ledger.app',
  productName: '涉密载体台账',
  // ASCII names for binaries and artifacts: they travel on removable media between machines.
  executableName: 'secrecy-ledger',
  artifactName: 'secrecy-ledger-${version}-${os}-${arch}.${ext}',
  directories: { output: 'dist' },
  files: ['out/**', 'package.json'],
  asar: true,
  extraResources: [{ from: '.electron-native/${arch}/better_sqlite3.node', to: 'native/better_sqlite3.node' }],
  beforePack: checkNativeBinding,
  // node_modules keeps its Node build; the Electron one ships as the extra resource above.
  npmRebuild: false,
  // A folder with electron-v<version>-<platform>-<arch>.zip files, or one unpacked Electron: no download.
  electronDist: process.env.ELECTRON_DIST || undefined,
  // Release fuses. Tests launch the unpackaged Electron from node_modules, which keeps its defaults
  // (Playwright's Electron launcher needs the inspect arguments this turns off).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // The app never loads file:// pages.
    grantFileProtocolExtraPrivileges: false,
  },
  // No update server, no auto-update: new versions arrive on approved media.
  publish: null,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    // Assisted installer that asks "for all users" (per machine) or "only for me".
    perMachine: false,
    selectPerMachineByDefault: true,
    allowToChangeInstallationDirectory: true,
    // Never remove the ledger with the program.
    deleteAppDataOnUninstall: false,
    differentialPackage: false,
    installerLanguages: ['zh_CN', 'en_US'],
    language: '2052',
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    synopsis: 'Ledger of classified carriers for a secrecy room',
    description: '涉密载体台账：保密室涉密载体登记、流转、清退、销毁台账（离线桌面程序）。',
    maintainer: 'Secrecy Ledger maintainers <maintainers@secrecy-ledger.invalid>',
  },
};
