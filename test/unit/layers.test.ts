// The layer checks must keep failing on what they forbid: each forbidden import or Node type is planted in memory
// (lintText and an in-memory program, nothing written into the tree) and must be reported; the allowed ones must not.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLayerTypeUses, type LayerTypeReport } from '../layers/layer-types';

const root = path.resolve(import.meta.dirname, '../..');

describe('eslint layer rules', () => {
  const eslint = new ESLint({ cwd: root });
  /** The rules that fired on `code` as if it were the file `filePath`. */
  const rulesFor = async (filePath: string, code: string): Promise<(string | null)[]> => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
    return (result?.messages ?? []).map((message) => message.ruleId);
  };
  const renderer = 'renderer/src/__planted__.ts';
  const domain = 'db/domain/__planted__.ts';
  const restrictedImport = '@typescript-eslint/no-restricted-imports';
  const restrictedPath = 'import-x/no-restricted-paths';

  it.each([
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
    ['fs without the node: prefix', "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n"],
    ['better-sqlite3-multiple-ciphers', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const open = Database;\n"],
    ['exceljs', "import 'exceljs';\n"],
    ['iconv-lite', "import iconv from 'iconv-lite';\nexport const decode = iconv;\n"],
    ['electron', "import { ipcRenderer } from 'electron';\nexport const ipc = ipcRenderer;\n"],
    ['the contract at run time', "import * as contract from '../../preload/contract';\nexport const c = contract;\n"],
  ])('a renderer file may not import %s', async (_what, code) => {
    expect(await rulesFor(renderer, code)).toEqual([restrictedImport]);
  });

  it('a renderer file may not import db/ beyond db/domain, not even its types', async () => {
    expect(await rulesFor(renderer, "import { sql } from '../../db/store/sql';\nexport const query = sql;\n")).toEqual([restrictedPath]);
    expect(await rulesFor(renderer, "import type { sql } from '../../db/store/sql';\nexport type Query = typeof sql;\n")).toEqual([restrictedPath]);
  });

  it('a renderer file may import db/domain at run time, the contract as types, and zod', async () => {
    const code =
      "import * as domain from '../../db/domain';\nimport type { Role } from '../../preload/contract';\nimport { z } from 'zod';\nexport const used: [typeof domain, Role | null, typeof z] = [domain, null, z];\n";
    expect(await rulesFor(renderer, code)).toEqual([]);
  });

  it('a renderer unit test runs in Node and may import node:*', async () => {
    expect(await rulesFor('renderer/src/__planted__.test.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n")).toEqual([]);
  });

  it('db/domain may not import node:*, a package, or the rest of db/', async () => {
    expect(await rulesFor(domain, "import { randomBytes } from 'node:crypto';\nexport const random = randomBytes;\n")).toEqual([restrictedImport]);
    expect(await rulesFor(domain, "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n")).toContain(restrictedImport);
    expect(await rulesFor(domain, "import 'exceljs';\n")).toContain(restrictedImport);
    expect(await rulesFor(domain, "import { sql } from '../store/sql';\nexport const query = sql;\n")).toEqual([restrictedPath]);
  });

  it('db/domain may import itself and zod', async () => {
    expect(await rulesFor(domain, "import { z } from 'zod';\nimport * as levels from './levels';\nexport const used = [z, levels];\n")).toEqual([]);
  });
});

describe('names a layer may not use: Node types in the renderer, Node or the DOM in db/domain', () => {
  let report: LayerTypeReport;
  const planted = {
    fs: 'renderer/src/__planted_fs__.ts',
    globals: 'renderer/src/__planted_globals__.ts',
    domain: 'renderer/src/__planted_domain__.ts',
    test: 'renderer/src/__planted__.test.ts',
    pure: 'db/domain/__planted_pure__.ts',
    impure: 'db/domain/__planted_impure__.ts',
  };
  const namesIn = (file: string): string[] => report.uses.filter((use) => use.file === file).map((use) => use.name);

  beforeAll(() => {
    report = findLayerTypeUses(root, {
      [planted.fs]: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      [planted.globals]: "export const mode = process.env.X;\nexport const bytes = Buffer.from('x');\nexport const timer = setTimeout(() => undefined, 1);\n",
      [planted.domain]: "import * as domain from '../../db/domain';\nexport const used = domain;\n",
      [planted.test]: 'export const mode = process.env.X;\n',
      [planted.pure]:
        "import { z } from 'zod';\nimport * as levels from './levels';\nexport const pure = [z.string().parse('x'), levels, Math.max(1, 2), new Map<string, number>(), new Intl.Collator('zh')];\n",
      [planted.impure]: "export const bytes = Buffer.from('x');\nexport const title = document.title;\nconsole.log(title);\n",
    });
  }, 180_000);

  it('the tree as it is: the renderer and db/domain use nothing they may not', () => {
    const real = (file: string): boolean => !file.includes('__planted');
    expect(report.checked.filter((file) => real(file) && file.startsWith('renderer/'))).not.toHaveLength(0);
    expect(report.checked.filter((file) => real(file) && file.startsWith('db/domain/'))).not.toHaveLength(0);
    expect(report.uses.filter((use) => real(use.file))).toEqual([]);
  });

  it('finds an import from node:fs in the renderer', () => {
    expect(namesIn(planted.fs)).toEqual(expect.arrayContaining(["'node:fs'", 'readFileSync']));
  });

  it('finds process.env and Buffer.from in the renderer, not setTimeout (the DOM has one too)', () => {
    expect(namesIn(planted.globals)).toEqual(['process', 'env', 'Buffer', 'from']);
  });

  it('lets db/domain into the renderer, and leaves renderer tests alone (they run in Node)', () => {
    expect(namesIn(planted.domain)).toEqual([]);
    expect(report.checked).not.toContain(planted.test);
  });

  it('db/domain may use ECMAScript, zod and itself, and not Node or the DOM', () => {
    expect(namesIn(planted.pure)).toEqual([]);
    expect(namesIn(planted.impure)).toEqual(['Buffer', 'from', 'document', 'title', 'console', 'log']);
  });
});
