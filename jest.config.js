// One command runs both projects: unit specs (no I/O) and end-to-end specs against real services.
const transform = {
  // The Meilisearch client ships ESM only; jest loads CommonJS, so it is transpiled with our code.
  '^.+\\.(t|j)s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
};
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: ['/node_modules/(?!meilisearch/)'],
  moduleNameMapper: {
    '^@app/migrations$': '<rootDir>/migrations',
    '^@app/(.*)$': '<rootDir>/libs/$1/src',
  },
};

module.exports = {
  maxWorkers: 1,
  // A run-level option in jest 30 (ignored inside a project); end-to-end specs talk to real services.
  testTimeout: 120_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,migrations,tools}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
