// ESLint flat config. Layer rules (docs/architecture.md) are errors, not advice.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** An override forbidding files of one core folder to import the named sibling folders of core. */
function coreLayer(files, forbidden, message) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: nodeBuiltinNames.map((name) => ({ name, message: 'src/core 是纯 TypeScript：不得引用 Node 内置模块。' })),
            patterns: [
              { group: ['**/workbook/**', '**/taskpane/**', '**/cli/**', '**/page/**'], message: 'src/core 只能引用 core。' },
              { group: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'node:*'], message: 'src/core 是纯 TypeScript：不得引用 Office、DOM、Node 或 UI 库。' },
              { group: forbidden.flatMap((f) => [`../${f}`, `../${f}/**`]), message },
            ],
          },
        ],
      },
    },
  ];
}

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
  // Layers inside core: the draw protocol knows nothing of the log, the log nothing of the
  // workflows built on it; only src/core/session assembles them (docs/architecture.md).
  ...coreLayer('src/core/draw/**/*.ts', ['log', 'session', 'prepare', 'results', 'forms', 'plan', 'validate', 'tables', 'directories', 'sample'], 'ssj-draw 只依赖 core 的基础模块，不得引用日志或流程。'),
  ...coreLayer('src/core/log/**/*.ts', ['session', 'results', 'forms', 'prepare', 'plan', 'validate', 'tables', 'sample'], '抽取记录（log）不得引用建立在它之上的流程。'),
  ...coreLayer('src/core/{results,forms,prepare,plan,validate,tables,rules,ids,directories}/**/*.ts', ['session'], '只有 src/core/session 组装流程，其他 core 模块不得引用它。'),
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
    // The two rooms never borrow from each other; the page is the pane's App on the xlsx adapter,
    // so it may import src/taskpane (docs/architecture.md).
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/workbook/office/**', '**/workbook/xlsx/**'], message: '通过 src/workbook/index.ts 使用适配器，不要直接引用 office/ 或 xlsx/ 的内部文件。' },
            { group: ['**/cli/**', '**/page/**'], message: '任务窗格不得引用命令行或独立页面：共用的逻辑放在 src/core/session。' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/workbook/office/**', '**/workbook/xlsx/**'], message: '通过 src/workbook/index.ts 使用适配器，不要直接引用 office/ 或 xlsx/ 的内部文件。' },
            { group: ['**/taskpane/**', '**/page/**', 'react', 'react-dom', '@fluentui/*'], message: '命令行不得引用任务窗格或页面：共用的逻辑放在 src/core/session。' },
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
    // The .xlsx adapter runs in the CLI, the page and a Web Worker alike: web APIs only.
    files: ['src/workbook/xlsx/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinNames.map((name) => ({ name, message: 'src/workbook/xlsx 在浏览器和 Web Worker 中运行：不得引用 Node 内置模块（由命令行传入字节）。' })),
          patterns: [
            { group: ['node:*'], message: 'src/workbook/xlsx 在浏览器和 Web Worker 中运行：不得引用 Node 内置模块（由命令行传入字节）。' },
            { group: ['**/taskpane/**', '**/cli/**', '**/page/**', 'react', '@fluentui/*', 'exceljs'], message: '适配器不得引用界面；ExcelJS 只用于测试。' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
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
