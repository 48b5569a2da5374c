// A fake Kavenegar REST API on 127.0.0.1 (random port) for tests and the bench: the paths,
// key-in-path, form parameters and JSON envelope of the real one. Each accepted send gets a
// message id; scripted answers let a test make the next sends fail, hang or run out of credit.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeSend = {
  receptor: string;
  message: string;
  sender?: string;
  localid?: string;
  messageid: number;
  /** verify/lookup: the template and its tokens (message is then the rendered template). */
  endpoint: "sms/send" | "verify/lookup";
  template?: string;
  token?: string;
};

/** What the fake does with one sms/send request. */
export type SendBehaviour =
  | { kind: "accept" }
  /** Answers with this Kavenegar status (HTTP status = return.status), nothing sent. */
  | { kind: "refuse"; status: number }
  /** Waits, then accepts (the message goes out even if the caller gave up) or not. */
  | { kind: "delay"; ms: number; accept: boolean };

export type FakeKavenegar = {
  baseUrl: string;
  apiKey: string;
  /** Messages accepted for sending, in order. */
  sends: FakeSend[];
  /** Every request: method path (with the key replaced by {key}) and its parameters. */
  requests: { path: string; params: Record<string, string>; keyOk: boolean }[];
  /** Answers for the next sends, used in order; afterwards the default. */
  script(...behaviours: SendBehaviour[]): void;
  /** Default answer to sends: accept, or 418 while the account has no credit. */
  credit: boolean;
  /** verify/lookup templates registered in the "panel" (others answer 424); each renders %token%. */
  templates: Map<string, string>;
  /** Delivery status code of an accepted message (default 1, queued). */
  setDelivery(messageid: number, status: number): void;
  /** Processing time of every request (bench). */
  latencyMs: number;
  close(): Promise<void>;
};

function reply(res: http.ServerResponse, status: number, entries: unknown) {
  const body = JSON.stringify({ return: { status, message: status === 200 ? "تایید شد" : "خطا" }, entries });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(body);
}

async function readParams(req: http.IncomingMessage, url: URL): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const params = Object.fromEntries(url.searchParams);
  return { ...params, ...Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeKavenegar(apiKey = "TEST-KEY-0123456789"): Promise<FakeKavenegar> {
  let nextId = 8_792_343;
  const queue: SendBehaviour[] = [];
  const delivery = new Map<number, number>();
  const fake: FakeKavenegar = {
    baseUrl: "",
    apiKey,
    sends: [],
    requests: [],
    credit: true,
    templates: new Map([["pishkhan-otp", "کد یک‌بارمصرف سامانه رتبه‌بندی پیشخوان: %token%"]]),
    latencyMs: 0,
    script: (...b) => void queue.push(...b),
    setDelivery: (id, status) => void delivery.set(id, status),
    close: async () => {},
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const m = /^\/v1\/([^/]+)\/(sms\/[a-z]+|verify\/lookup)\.json$/.exec(url.pathname);
    const params = await readParams(req, url);
    const keyOk = m !== null && decodeURIComponent(m[1]!) === apiKey;
    fake.requests.push({ path: `${req.method} /v1/{key}/${m?.[2] ?? url.pathname}`, params, keyOk });
    if (fake.latencyMs) await sleep(fake.latencyMs);
    if (!m) return reply(res, 404, null);
    if (!keyOk) return reply(res, 403, null);
    switch (m[2]) {
      case "sms/send": {
        const b = queue.shift() ?? (fake.credit ? { kind: "accept" } : { kind: "refuse", status: 418 });
        if (b.kind === "refuse") return reply(res, b.status, null);
        if (b.kind === "delay") await sleep(b.ms);
        if (b.kind === "delay" && !b.accept) return reply(res, 504, null);
        if (!params.receptor || !params.message) return reply(res, 400, null);
        const send: FakeSend = {
          endpoint: "sms/send",
          receptor: params.receptor,
          message: params.message,
          sender: params.sender,
          localid: params.localid,
          messageid: nextId++,
        };
        fake.sends.push(send);
        delivery.set(send.messageid, 1);
        return reply(res, 200, [
          {
            messageid: send.messageid,
            message: send.message,
            status: 1,
            statustext: "در صف ارسال",
            sender: send.sender ?? "10004346",
            receptor: send.receptor,
            date: Math.floor(Date.now() / 1000),
            cost: 120,
          },
        ]);
      }
      case "verify/lookup": {
        // Kavenegar's OTP sends: receptor, token (no spaces) and a template of the panel.
        const b = queue.shift() ?? (fake.credit ? { kind: "accept" } : { kind: "refuse", status: 418 });
        if (b.kind === "refuse") return reply(res, b.status, null);
        if (b.kind === "delay") await sleep(b.ms);
        if (b.kind === "delay" && !b.accept) return reply(res, 504, null);
        if (!params.receptor || !params.token || !params.template) return reply(res, 400, null);
        if (/\s/.test(params.token)) return reply(res, 431, null);
        const text = fake.templates.get(params.template);
        if (text === undefined) return reply(res, 424, null);
        const send: FakeSend = {
          endpoint: "verify/lookup",
          receptor: params.receptor,
          message: text.replace("%token%", params.token),
          template: params.template,
          token: params.token,
          messageid: nextId++,
        };
        fake.sends.push(send);
        delivery.set(send.messageid, 1);
        return reply(res, 200, [
          {
            messageid: send.messageid,
            message: send.message,
            status: 5,
            statustext: "ارسال به مخابرات",
            sender: "10008445",
            receptor: send.receptor,
            date: Math.floor(Date.now() / 1000),
            cost: 120,
          },
        ]);
      }
      case "sms/status": {
        const ids = (params.messageid ?? "").split(",").filter(Boolean).map(Number);
        return reply(
          res,
          200,
          ids.map((id) => ({ messageid: id, status: delivery.get(id) ?? 100, statustext: "" })),
        );
      }
      case "sms/statuslocalmessageid": {
        const found = fake.sends.find((s) => s.localid !== undefined && s.localid === params.localid);
        return reply(res, 200, [
          found
            ? { messageid: found.messageid, localid: params.localid, status: delivery.get(found.messageid) ?? 1, statustext: "" }
            : { messageid: 0, localid: params.localid, status: 100, statustext: "نامعتبر" },
        ]);
      }
      default:
        return reply(res, 404, null);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
