#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for Electron's ABI into .electron-native/<arch>/better_sqlite3.node.
// node_modules is never touched: its Node build is what the unit tests, the test host and the CLI use.
//
//   node build/electron-native.mjs [--arch x64|arm64] [--force]
//
// Headers: ELECTRON_HEADERS_DIR=<extracted Electron headers> builds offline (see build/OFFLINE.md);
// otherwise node-gyp downloads them from https://electronjs.org/headers.
// Does nothing, and needs no network, when the output exists and its stamp matches.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const MODULE = 'better-sqlite3-multiple-ciphers';
const BINDING = 'better_sqlite3.node';
const HEADERS_URL = 'https://electronjs.org/headers';
const repo = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(repo, 'package.json'));

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function main() {
  const { values: opts } = parseArgs({
    options: { arch: { type: 'string', default: process.arch }, force: { type: 'boolean', default: false } },
  });
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const moduleDir = path.dirname(require.resolve(`${MODULE}/package.json`));
  const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
  // electron-builder.config.cjs reads this stamp to refuse packaging a binding built for anything else.
  const stamp = {
    electron: electronVersion,
    abi: readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim(),
    module: `${MODULE}@${readJson(path.join(moduleDir, 'package.json')).version}`,
    platform: process.platform,
    arch: opts.arch,
  };
  const outDir = path.join(repo, '.electron-native', opts.arch);
  const outFile = path.join(outDir, BINDING);
  const stampFile = path.join(outDir, 'stamp.json');

  if (!opts.force && isUpToDate(outFile, stampFile, stamp)) {
    console.log(`electron-native: ${path.relative(repo, outFile)} is up to date (Electron ${electronVersion}, ${stamp.module}).`);
    return;
  }

  const nodeGyp = findNodeGyp();
  const headers = headerArgs();
  const work = mkdtempSync(path.join(tmpdir(), 'ledger-electron-native-'));
  try {
    // Build from a private copy of the package source so node_modules keeps its Node build.
    cpSync(moduleDir, work, {
      recursive: true,
      filter: (src) => !/^(build|node_modules)([/\\]|$)/.test(path.relative(moduleDir, src)),
    });
    console.log(
      `electron-native: building ${stamp.module} for Electron ${electronVersion} (ABI ${stamp.abi}, ` +
        `${process.platform}-${opts.arch}); this takes a few minutes.`,
    );
    const args = ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${opts.arch}`, ...headers, '--jobs=max'];
    const run = spawnSync(process.execPath, [nodeGyp, ...args], { cwd: work, stdio: 'inherit' });
    if (run.status !== 0) {
      throw new Error(
        `node-gyp failed (${run.error?.message ?? `exit code ${run.status}`}). It needs Python 3, a C++20 compiler ` +
          '(Linux: build-essential; Windows: Visual Studio Build Tools, "Desktop development with C++") and the ' +
          `Electron headers (network access to ${HEADERS_URL}, or ELECTRON_HEADERS_DIR). See build/OFFLINE.md.`,
      );
    }
    const built = readFileSync(path.join(work, 'build', 'Release', BINDING));
    // A V8 addon registers itself as node_register_module_v<ABI>: proof the headers were Electron's.
    if (!built.includes(`node_register_module_v${stamp.abi}`)) {
      const found = /node_register_module_v(\d+)/.exec(built.toString('latin1'))?.[1] ?? 'unknown';
      throw new Error(
        `the binding was built for ABI ${found} but Electron ${electronVersion} needs ABI ${stamp.abi}: ` +
          `the headers used are not Electron ${electronVersion}'s. Nothing was written.`,
      );
    }
    mkdirSync(outDir, { recursive: true });
    rmSync(stampFile, { force: true });
    writeFileSync(`${outFile}.tmp`, built);
    renameSync(`${outFile}.tmp`, outFile);
    writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    console.log(`electron-native: wrote ${path.relative(repo, outFile)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function isUpToDate(outFile, stampFile, stamp) {
  if (!existsSync(outFile) || !existsSync(stampFile)) return false;
  try {
    const old = readJson(stampFile);
    return Object.entries(stamp).every(([key, value]) => old[key] === value);
  } catch {
    return false;
  }
}

function findNodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // npm sets this for the scripts it runs; it points at npm's bundled node-gyp.
    const bundled = process.env.npm_config_node_gyp;
    if (bundled && existsSync(bundled)) return bundled;
    throw new Error('node-gyp not found: run `npm install` (electron-builder depends on it) or run this script through npm.');
  }
}

function headerArgs() {
  const dir = process.env.ELECTRON_HEADERS_DIR;
  if (!dir) return [`--dist-url=${HEADERS_URL}`];
  const headers = path.resolve(dir);
  if (!existsSync(path.join(headers, 'include', 'node', 'node.h'))) {
    throw new Error(`ELECTRON_HEADERS_DIR=${dir} is not an extracted Electron headers folder (no include/node/node.h). See build/OFFLINE.md.`);
  }
  return [`--nodedir=${headers}`];
}

try {
  main();
} catch (err) {
  console.error(`electron-native: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
