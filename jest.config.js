/** Unit, contract and route tests. End-to-end tests have their own config (jest.e2e.config.js). */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/test/e2e/'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  // Generous: the machines are shared and two cores run the suites in parallel.
  testTimeout: 20000,
};
