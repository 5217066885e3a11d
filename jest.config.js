/** One jest run for unit specs, the event-store contract suite and the HTTP end-to-end tests. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '.*\\.(spec|e2e-spec|contract-spec)\\.ts$',
  // Transpile only (tsconfig's isolatedModules: each file alone): `npm run build` (tsc) type-checks
  // the whole tree before the tests run.
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // One dependency ships ES modules only (content-disposition 3, under @fastify/static, which
    // serves /docs): Node loads it, Jest's module system needs it in CommonJS.
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { diagnostics: false, tsconfig: { allowJs: true, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['^(?!.*/node_modules/content-disposition/).*/node_modules/'],
  moduleNameMapper: {
    '^@ledger/(domain|event-store|projections|database|generator)$': '<rootDir>/libs/$1/src',
    '^@ledger/(domain|event-store|projections|database|generator)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
};
