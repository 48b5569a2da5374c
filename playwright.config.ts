import { defineConfig } from "@playwright/test";

// Run through `npm test` (scripts/test.mjs), which prepares the database, builds the app
// and sets the variables below. Debian's Chromium, never a downloaded browser.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    locale: "fa-IR",
    timezoneId: "Asia/Tehran",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  outputDir: ".data/test-results/playwright",
  // E2E_EXTERNAL_SERVER=1: test an app that is already running at E2E_BASE_URL (development).
  webServer:
    process.env.E2E_EXTERNAL_SERVER === "1"
      ? undefined
      : {
          command: `node node_modules/next/dist/bin/next start -p ${port}`,
          url: `${baseURL}/login`,
          timeout: 120_000,
          reuseExistingServer: false,
          stdout: "ignore",
          stderr: "pipe",
        },
});
