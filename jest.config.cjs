/** Jest: ts-jest in transpile-only mode (types are checked by `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      'ts-jest',
      {
        tsconfig: {
          isolatedModules: true,
          module: 'commonjs',
          moduleResolution: 'node10',
          jsx: 'react-jsx',
          allowJs: true,
          esModuleInterop: true,
          verbatimModuleSyntax: false,
        },
        diagnostics: false,
      },
    ],
  },
  // @noble/hashes ships ESM only.
  transformIgnorePatterns: ['/node_modules/(?!@noble/hashes/)'],
  moduleNameMapper: {
    '^@noble/hashes/(.*)\\.js$': '<rootDir>/node_modules/@noble/hashes/$1.js',
  },
  testTimeout: 30000,
};
