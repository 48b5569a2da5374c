// The one frame of every server action and route handler: who may call, one parse of the
// input with its field messages, and one translation of refusals (AppError) into what the
// form or the HTTP client receives.
import { z } from "zod";

let mockUser: unknown = null;
jest.mock("@/lib/auth/current-user", () => ({ getActingUser: async () => mockUser }));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "jest" }) }));
const mockAudit = jest.fn<Promise<object>, [unknown]>(async () => ({}));
jest.mock("@/lib/db", () => ({ db: { auditEvent: { create: (args: unknown) => mockAudit(args) } } }));

import { defineAction, definePublicAction } from "@/lib/actions/define-action";
import { routeHandler } from "@/lib/http/error-response";
import {
  NotFoundError,
  RefusedError,
  InvalidInputError,
  NOT_FOUND_MESSAGE,
  SESSION_EXPIRED_MESSAGE,
  UNEXPECTED_MESSAGE,
} from "@/lib/errors/app-error";
import { StaleVersionError } from "@/lib/declaration/errors";

const holder = { id: "u1", role: "HOLDER", regionId: null, nationalId: "0012345679", mustChangePassword: false };
const schema = z.object({
  declarationId: z.string().min(1),
  values: z.object({ floorArea: z.string().min(1, { error: "متراژ را وارد کنید." }) }),
});

beforeEach(() => {
  mockUser = holder;
  mockAudit.mockClear();
});

describe("defineAction", () => {
  test("the handler receives the parsed input and the caller read from the database", async () => {
    const handler = jest.fn(async (i: z.output<typeof schema>, who: { caller: unknown; actor: unknown }) => ({
      got: i.values.floorArea,
      who,
    }));
    const action = defineAction(schema, handler);
    const result = await action({ declarationId: "d1", values: { floorArea: "45" } });
    expect(result).toEqual({
      ok: true,
      data: {
        got: "45",
        who: expect.objectContaining({
          caller: { id: "u1", role: "HOLDER", regionId: null },
          actor: expect.objectContaining({ userId: "u1", userAgent: "jest" }),
        }),
      },
    });
  });

  test("signed out, or a forced password change pending: refused before the input is even read", async () => {
    const handler = jest.fn();
    const action = defineAction(schema, handler);
    mockUser = null;
    expect(await action({ declarationId: "", values: { floorArea: "" } })).toEqual({
      ok: false,
      code: "SIGNED_OUT",
      formError: SESSION_EXPIRED_MESSAGE,
    });
    mockUser = { ...holder, mustChangePassword: true };
    expect(await action({ declarationId: "d1", values: { floorArea: "45" } })).toMatchObject({ ok: false, code: "SIGNED_OUT" });
    expect(handler).not.toHaveBeenCalled();
    const changePassword = defineAction(z.object({}), async () => "changed", { allowMustChangePassword: true });
    expect(await changePassword({})).toEqual({ ok: true, data: "changed" });
  });

  test("a forged or wrong input writes nothing and names each field as the form names it", async () => {
    const handler = jest.fn();
    const action = defineAction(schema, handler);
    const forged = await (action as (raw: unknown) => Promise<unknown>)({
      declarationId: 42,
      values: { floorArea: "" },
      extra: "x".repeat(1000),
    });
    expect(forged).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { declarationId: expect.any(String), floorArea: "متراژ را وارد کنید." },
    });
    expect(await (action as (raw: unknown) => Promise<unknown>)("not an object")).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { _form: expect.any(String) },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  test("refusals become the form's message and code; anything else is not swallowed", async () => {
    const refuse = (e: Error) => defineAction(z.object({}), async () => Promise.reject(e));
    expect(await refuse(new NotFoundError("declaration"))({})).toEqual({ ok: false, code: "NOT_FOUND", formError: NOT_FOUND_MESSAGE });
    expect(await refuse(new StaleVersionError())({})).toMatchObject({
      ok: false,
      code: "STALE",
      formError: expect.stringContaining("زبانه"),
    });
    expect(await refuse(new InvalidInputError({ nationalId: "کد ملی نادرست است." }))({})).toMatchObject({
      code: "INVALID",
      fieldErrors: { nationalId: "کد ملی نادرست است." },
    });
    await expect(refuse(new TypeError("a bug"))({})).rejects.toThrow("a bug");
  });

  test("a public action gets the request's address, no session needed", async () => {
    mockUser = null;
    const action = definePublicAction(z.object({ nationalId: z.string() }), async (i, request) => ({ i, ua: request.userAgent }));
    expect(await action({ nationalId: "0012345679" })).toEqual({ ok: true, data: { i: { nationalId: "0012345679" }, ua: "jest" } });
  });
});

describe("routeHandler", () => {
  const call = (handler: () => Promise<Response>, opts?: { notFound?: string }) =>
    routeHandler<{ id: string }>("test", handler, opts)(new Request("http://localhost/x"), { params: Promise.resolve({ id: "1" }) });

  test("a refusal gets its status and the actions' body, never cached", async () => {
    const res = await call(async () => Promise.reject(new RefusedError("مهلت تمام شده است.")));
    expect(res.status).toBe(409);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ ok: false, code: "REFUSED", formError: "مهلت تمام شده است." });
  });

  test("not found carries the route's own sentence", async () => {
    const res = await call(async () => Promise.reject(new NotFoundError("job")), { notFound: "این کار یافت نشد." });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, code: "NOT_FOUND", formError: "این کار یافت نشد." });
  });

  test("anything else is a 500 that says nothing was saved and leaks no detail", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await call(async () => Promise.reject(new Error("connection string postgres://secret")));
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ ok: false, formError: UNEXPECTED_MESSAGE });
    expect(body).not.toContain("secret");
    spy.mockRestore();
  });
});

test("a wrong type sent by a forged call still gets a Persian message", async () => {
  const action = defineAction(schema, jest.fn()) as (raw: unknown) => Promise<{ fieldErrors?: Record<string, string> }>;
  const result = await action({ declarationId: 7, values: { floorArea: "45" } });
  expect(result.fieldErrors?.declarationId).toMatch(/[\u0600-\u06FF]/);
});

describe("refused accesses are audited by the frames", () => {
  const auditRows = () => mockAudit.mock.calls.map((c) => (c[0] as { data: Record<string, unknown> }).data);

  test("an action's 'not found' and REFUSED: who, the action's name, the code and the input's ids", async () => {
    const notFound = defineAction(
      z.object({ declarationId: z.string(), note: z.string() }),
      async () => Promise.reject(new NotFoundError("declaration")),
      {
        name: "review.approve-declaration",
      },
    );
    expect(await notFound({ declarationId: "d-other", note: "x" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const refused = defineAction(z.object({ roundId: z.string() }), async () => Promise.reject(new RefusedError("بسته است.")), {
      name: "admin.close-round",
    });
    expect(await refused({ roundId: "r1" })).toMatchObject({ ok: false, code: "REFUSED" });
    expect(auditRows()).toEqual([
      expect.objectContaining({
        actorId: "u1",
        actorRole: "HOLDER",
        action: "access.refused",
        targetType: "Declaration",
        targetId: "d-other",
        after: { code: "NOT_FOUND", what: "review.approve-declaration", ids: { declarationId: "d-other" }, record: "declaration" },
      }),
      expect.objectContaining({
        targetType: "Round",
        targetId: "r1",
        after: expect.objectContaining({ code: "REFUSED", what: "admin.close-round" }),
      }),
    ]);
  });

  test("not audited: wrong input, a stale version, a signed-out caller; an audit failure never hides the refusal", async () => {
    const action = defineAction(schema, async () => Promise.reject(new StaleVersionError()), { name: "x" });
    await action({ declarationId: "", values: { floorArea: "" } });
    await action({ declarationId: "d1", values: { floorArea: "4" } });
    mockUser = null;
    await defineAction(z.object({}), async () => Promise.reject(new NotFoundError()))({});
    expect(mockAudit).not.toHaveBeenCalled();

    mockUser = holder;
    mockAudit.mockRejectedValueOnce(new Error("database down"));
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await defineAction(z.object({}), async () => Promise.reject(new NotFoundError()))({})).toEqual({
      ok: false,
      code: "NOT_FOUND",
      formError: NOT_FOUND_MESSAGE,
    });
    spy.mockRestore();
  });

  test("a route's 'not found' of a signed-in caller is audited with the route's name and params", async () => {
    const res = await routeHandler<{ jobId: string }>("jobs", async () => Promise.reject(new NotFoundError("job")))(
      new Request("http://localhost/x"),
      {
        params: Promise.resolve({ jobId: "j9" }),
      },
    );
    expect(res.status).toBe(404);
    expect(auditRows()).toEqual([
      expect.objectContaining({
        action: "access.refused",
        targetType: "Job",
        targetId: "j9",
        after: expect.objectContaining({ what: "jobs", code: "NOT_FOUND" }),
      }),
    ]);
    mockUser = null;
    await routeHandler("jobs", async () => Promise.reject(new NotFoundError("job")))(new Request("http://localhost/x"));
    expect(mockAudit).toHaveBeenCalledTimes(1);
  });
});
