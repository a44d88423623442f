// ESLint flat config. Layer rules (docs/architecture.md) are errors, not advice.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltinNames = ['fs', 'path', 'os', 'crypto', 'child_process', 'util', 'stream', 'buffer', 'process'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-cli/**', 'demo-out/**', 'test-output/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: '随机数只能来自 crypto.getRandomValues 或 ssj-draw/1 的随机流。' },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/page/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinNames.map((name) => ({ name, message: 'src/core 是纯 TypeScript：不得引用 Node 内置模块。' })),
          patterns: [
            { group: ['**/workbook/**', '**/taskpane/**', '**/cli/**', '**/page/**'], message: 'src/core 只能引用 core。' },
            { group: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'node:*'], message: 'src/core 是纯 TypeScript：不得引用 Office、DOM、Node 或 UI 库。' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Excel', 'Office', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/cli/**/*.ts', 'src/page/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/workbook/office/**', '**/workbook/xlsx/**'], message: '通过 src/workbook/index.ts 使用适配器，不要直接引用 office/ 或 xlsx/ 的内部文件。' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/taskpane/**', '**/cli/**', '**/page/**', 'react', '@fluentui/*'], message: '适配器不得引用界面。' }] },
      ],
    },
  },
  // Each adapter stands alone: what two of them share lives at src/workbook level (rangeAddress,
  // checkBatch, _lib), never inside another adapter's folder.
  ...['office', 'xlsx', 'memory'].map((adapter) => ({
    files: [`src/workbook/${adapter}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/taskpane/**', '**/cli/**', '**/page/**', 'react', '@fluentui/*'], message: '适配器不得引用界面。' },
            {
              group: ['office', 'xlsx', 'memory'].filter((a) => a !== adapter).map((a) => `../${a}/**`),
              message: '适配器之间不互相引用：共用的代码放在 src/workbook 一级（rangeAddress、checkBatch、_lib）。',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
);
