// One command runs both projects: unit specs (no I/O) and end-to-end specs against real services.
const transform = {
  // The Meilisearch client and the d3 modules ship ESM only; jest loads CommonJS, so they are
  // transpiled with our code (d3's builds are .mjs files).
  '^.+\\.(t|j)sx?$|^.+\\.mjs$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
};
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(meilisearch|d3-[a-z-]+|internmap)/)'],
  moduleNameMapper: {
    '^@app/migrations$': '<rootDir>/migrations',
    '^@app/(.*)$': '<rootDir>/libs/$1/src',
  },
};

module.exports = {
  maxWorkers: 1,
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  // A run-level option in jest 30 (ignored inside a project). End-to-end specs talk to real services
  // and wait on conditions with deadlines sized for a busy machine (test/utils/deadlines.ts); this
  // stays above the longest of them, so a slow machine is never what fails a test.
  testTimeout: 300_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,migrations,tools}/**/*.spec.{ts,tsx}'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/contract-check.ts'],
    },
  ],
};
