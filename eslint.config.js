// Layers by folder, enforced here (architecture.md): db -> nothing of ours; db/domain -> itself and zod only;
// renderer -> preload/contract (types only) and db/domain; main -> preload/contract (types only) and preload/channels;
// preload -> db types only. Only main/ and preload/ may import electron. Only Node code gets Node's globals.
// test/unit/layers.test.ts plants a violation of each rule here and expects it to be reported.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const zone = (target, from, except, message) => ({
  target,
  from,
  ...(except ? { except } : {}),
  message: message ?? `${target} must not import ${from} (architecture.md: layer directions).`,
});
const noElectron = { name: 'electron', message: 'Only main/ and preload/ may import electron.' };
const typeOnly = (group, message) => ({ group, allowTypeImports: true, message });

// The renderer is a browser page: no Node modules (under either name), no backend packages, the contract as types.
const nodeModuleNames = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];
const backendOnly = ['better-sqlite3-multiple-ciphers', 'exceljs', 'iconv-lite'];
const noNode = 'The renderer does not run in Node: no Node modules.';
const rendererImports = {
  paths: [
    noElectron,
    ...nodeModuleNames.map((name) => ({ name, message: noNode })),
    ...backendOnly.map((name) => ({ name, message: `${name} is the backend's (db/): the renderer asks the backend through window.ledger.` })),
  ],
  patterns: [
    { group: ['node:*'], message: noNode },
    { group: backendOnly.map((name) => `${name}/*`), message: 'Backend packages stay in db/.' },
    typeOnly(['**/preload/contract'], 'The renderer sees the contract through types only.'),
  ],
};
// Any bare specifier but zod (Node's modules, packages, electron); relative imports are held inside domain/ by a zone below.
const domainImports = { patterns: [{ regex: '^(?!zod(/|$)|\\.{1,2}/)', message: 'db/domain is pure: it imports nothing but itself and zod.' }] };

const nodeCode = ['db/**', 'main/**', 'preload/**', 'test/**', 'build/**', '*.{js,mjs,cjs,ts}', 'renderer/**/*.test.{ts,tsx}'];
const rendererTests = ['renderer/**/*.test.{ts,tsx}'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.electron-native/', 'test-results/', 'test-reports/', 'playwright-report/', '.tsbuild/', '.preview-ledger/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            zone('./db', './main'),
            zone('./db', './preload'),
            zone('./db', './renderer'),
            zone('./db', './test'),
            // Its product files only: domain tests may use vitest and db's test helpers.
            zone('./db/domain/**/!(*.test).ts', '.', ['./db/domain', './node_modules/zod'], 'db/domain is pure: it imports nothing but itself and zod.'),
            zone('./renderer', './db', ['./domain'], 'The renderer imports db/domain only; the rest of db/ it sees as types through preload/contract.'),
            zone('./renderer', './main'),
            zone('./renderer', './test'),
            zone('./renderer', './preload', ['./contract.ts']),
            zone('./main', './db'),
            zone('./main', './renderer'),
            zone('./main', './test'),
            zone('./main', './preload', ['./contract.ts', './channels.ts']),
            zone('./preload', './main'),
            zone('./preload', './renderer'),
            zone('./preload', './test'),
          ],
        },
      ],
    },
  },
  { files: nodeCode, languageOptions: { globals: { ...globals.node } } },
  { files: ['db/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [noElectron] }] } },
  { files: ['db/domain/**/*.ts'], ignores: ['**/*.test.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', domainImports] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: rendererTests,
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', rendererImports] },
  },
  // Renderer unit tests run in Node under vitest: Node's globals and modules, but still no electron and the contract as types.
  {
    files: rendererTests,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [typeOnly(['**/preload/contract'], 'The renderer sees the contract through types only.')] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [typeOnly(['**/preload/contract'], 'main sees the contract through types only.')] }],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [typeOnly(['**/db/*', '**/db/**'], 'preload sees db/ through types only.')] }] },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['test/host/bridge.js'], languageOptions: { globals: { ...globals.browser } } },
);
