// Layers by folder, enforced here (architecture.md): db -> nothing of ours; main and renderer -> preload/contract
// types only; preload -> db types only. Only main/ and preload/ may import electron.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const zone = (target, from, except) => ({ target, from, ...(except ? { except } : {}), message: `${target} must not import ${from} (architecture.md: layer directions).` });
const noElectron = { paths: [{ name: 'electron', message: 'Only main/ and preload/ may import electron.' }] };
const typeOnly = (group, message) => ({ patterns: [{ group, allowTypeImports: true, message }], ...noElectron });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.electron-native/', 'test-results/', 'test-reports/', 'playwright-report/', '.tsbuild/', '.preview-ledger/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./db', './main'),
            zone('./db', './preload'),
            zone('./db', './renderer'),
            zone('./db', './test'),
            zone('./renderer', './db'),
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
  { files: ['db/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', noElectron] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', typeOnly(['**/preload/contract'], 'The renderer sees the contract through types only.')] },
  },
  { files: ['main/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/preload/contract'], allowTypeImports: true, message: 'main sees the contract through types only.' }] }] } },
  { files: ['preload/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/db/*', '**/db/**'], allowTypeImports: true, message: 'preload sees db/ through types only.' }] }] } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['test/host/bridge.js'], languageOptions: { globals: { ...globals.browser } } },
);
