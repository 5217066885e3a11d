/** One jest run for unit specs, the event-store contract suite and the HTTP end-to-end tests. */
const swc = require('./.swcrc.json');
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '.*\\.(spec|e2e-spec|contract-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@ledger/(domain|event-store|projections|database)$': '<rootDir>/libs/$1/src',
    '^@ledger/(domain|event-store|projections|database)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
};
