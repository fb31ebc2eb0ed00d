import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Two cores: one Chromium per worker, each with its own sandbox.
  workers: 2,
  fullyParallel: true,
  // One retry in CI, reported as "flaky" in the output, so a timing hiccup on a loaded machine is
  // visible without blocking a landing; locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
});
