// The SMS provider of the browser tests: the fake Kavenegar REST API on 127.0.0.1 (the app
// sends to it exactly as to Kavenegar), plus an "inbox" on a second port from which a test
// reads what a phone would have received. Started by scripts/test.mjs, which reads the first
// line this prints (JSON: the API's base URL, its key and the inbox URL).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startFakeKavenegar } from "../helpers/fake-kavenegar";

async function main() {
  const fake = await startFakeKavenegar();
  const inbox = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const receptor = url.searchParams.get("receptor");
    const messages = fake.sends
      .filter((s) => !receptor || s.receptor === receptor)
      .map((s) => ({ receptor: s.receptor, message: s.message, token: s.token ?? null }));
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(messages));
  });
  await new Promise<void>((resolve) => inbox.listen(0, "127.0.0.1", resolve));
  const { port } = inbox.address() as AddressInfo;
  console.log(JSON.stringify({ baseUrl: fake.baseUrl, apiKey: fake.apiKey, inboxUrl: `http://127.0.0.1:${port}/` }));
  const stop = async () => {
    inbox.close();
    await fake.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

void main();
