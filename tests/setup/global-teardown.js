module.exports = async function globalTeardown() {
  await globalThis.__pishkhanTestServer?.stop();
};
