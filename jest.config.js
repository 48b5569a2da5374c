// Jest through next/jest so tests compile TS/TSX exactly as the app does (SWC).
// One config, two projects: fast unit/component tests, and integration tests that
// talk to a real PostgreSQL (embedded by default) prepared in tests/setup/global-setup.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest loads this file as CommonJS
const nextJest = require("next/jest");

const createJestConfig = nextJest({ dir: "./" });

const common = {
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1", "^server-only$": "<rootDir>/tests/setup/empty-module.js" },
};

module.exports = async () => {
  const unit = await createJestConfig({
    ...common,
    displayName: "unit",
    testEnvironment: "node",
    testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)"],
    setupFilesAfterEnv: ["<rootDir>/tests/setup/jest-dom.ts"],
  })();
  const integration = await createJestConfig({
    ...common,
    displayName: "integration",
    testEnvironment: "node",
    testMatch: ["<rootDir>/tests/integration/**/*.test.ts?(x)"],
    setupFilesAfterEnv: ["<rootDir>/tests/setup/integration.ts"],
  })();
  // The PDF receipt (lib/pdf) pulls in @react-pdf/*, which ships ES modules only: compile
  // them (and their ESM-only dependencies) with the same SWC transform instead of skipping
  // node_modules. next/jest only lets custom patterns be appended, so its first one is
  // widened here. @react-pdf/hyphenate exports "import" only, so Jest's require cannot
  // resolve its files without a mapping.
  const ESM_ONLY = ["@react-pdf", "yoga-layout", "color-string", "color-name"];
  integration.transformIgnorePatterns = integration.transformIgnorePatterns.map((p, i) =>
    i === 0 ? p.replace("(?!(", `(?!(${ESM_ONLY.join("|")}|`) : p,
  );
  integration.moduleNameMapper = {
    "^@react-pdf/hyphenate$": "<rootDir>/node_modules/@react-pdf/hyphenate/lib/index.js",
    "^@react-pdf/hyphenate/(.*)$": "<rootDir>/node_modules/@react-pdf/hyphenate/lib/$1.js",
    ...integration.moduleNameMapper,
  };
  return {
    projects: [unit, integration],
    globalSetup: "<rootDir>/tests/setup/global-setup.js",
    globalTeardown: "<rootDir>/tests/setup/global-teardown.js",
  };
};
