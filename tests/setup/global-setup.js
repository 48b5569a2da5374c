// Jest global setup: a PostgreSQL server with a migrated template database. When run from
// `npm test` (scripts/test.mjs) the server is already prepared and named in the
// environment; when Jest is run directly it starts the embedded server itself.
module.exports = async function globalSetup() {
  if (process.env.PISHKHAN_TEST_TEMPLATE_READY === "1") return;
  const { startTestServer, prepareTemplate } = await import("../../scripts/lib/test-db.mjs");
  const server = await startTestServer();
  await prepareTemplate(server.adminUrl);
  process.env.TEST_DATABASE_ADMIN_URL = server.adminUrl;
  process.env.PISHKHAN_TEST_TEMPLATE_READY = "1";
  globalThis.__pishkhanTestServer = server;
};
