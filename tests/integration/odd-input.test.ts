// Odd bytes sent straight to every server action and the upload routes, as a forged call
// would: a NUL, half a surrogate pair, a 10 MB string, in every text field. Each must end in a
// Persian refusal beside the field (or the form), never an exception (HTTP 500), and write nothing.
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { declarationAt } from "../helpers/declarations";
import { createStaffUser } from "../helpers/fixtures";

let signedInAs: unknown = null;
jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedInAs, getActingUser: async () => signedInAs }));
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.8" }) }));

const t = setupTestDatabase();
const ODD = { nul: "ab\u0000cd", loneHigh: "سلام\uD83D", loneLow: "\uDE00x", huge: "ا".repeat(10 * 1024 * 1024) };

type AnyAction = (input: unknown) => Promise<{ ok: boolean; code?: string; fieldErrors?: Record<string, string>; formError?: string }>;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  await seedDemoData(t.db);
});

/** Every string leaf of `input`, replaced one at a time by `odd`. */
function* variants(input: unknown, odd: string, path: (string | number)[] = []): Generator<{ path: string; value: unknown }> {
  if (typeof input === "string") {
    yield { path: path.join("."), value: odd };
  } else if (input && typeof input === "object") {
    for (const [k, v] of Object.entries(input)) {
      for (const inner of variants(v, odd, [...path, k])) {
        yield {
          path: inner.path,
          value: Array.isArray(input) ? input.map((x, i) => (String(i) === k ? inner.value : x)) : { ...input, [k]: inner.value },
        };
      }
    }
  }
}

async function audits() {
  return t.db.auditEvent.count();
}

test("every text field of every holder, expert and head-office action refuses odd bytes in Persian and writes nothing", async () => {
  const f = await declarationAt(t.db, 8);
  const holder = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
  const expert = await t.db.user.findUniqueOrThrow({
    where: { id: (await createStaffUser(t.db, "EXPERT", { regionId: f.declaration.regionId })).user.id },
  });
  const admin = await t.db.user.findUniqueOrThrow({ where: { id: (await createStaffUser(t.db, "ADMIN")).user.id } });
  const d = { declarationId: f.declaration.id, version: f.declaration.version };
  const staff = {
    firstName: "سارا",
    lastName: "کریمی",
    birthDate: "1370/01/01",
    gender: "FEMALE",
    nationalId: "0045678911",
    mobile: "09351234567",
    disabled: false,
    insured: true,
    acceptsTerms: true,
  };
  const board = { firstName: "مریم", lastName: "احمدی", nationalId: "0023456787", position: "مدیرعامل", mobile: "" };
  const cases: [string, unknown, string, unknown][] = [
    [
      "declaration/save-step",
      holder,
      "saveStepAction",
      { ...d, step: 3, mode: "draft", values: { licenceNumber: "PK-1", floorArea: "45", facilities: ["ramp"] } },
    ],
    ["declaration/save-ranking-step", holder, "saveRankingAction", { ...d, mode: "draft", values: { v1: "no", v1Description: "متن" } }],
    ["declaration/submit-declaration", holder, "submitDeclarationAction", { ...d, confirmed: true, password: "secret" }],
    ["declaration/add-staff-member", holder, "addStaffMemberAction", { ...d, values: staff }],
    ["declaration/update-staff-member", holder, "updateStaffMemberAction", { ...d, rowId: "row", values: staff }],
    ["declaration/add-board-member", holder, "addBoardMemberAction", { ...d, values: board }],
    ["declaration/delete-document", holder, "deleteDocumentAction", { ...d, documentId: "doc" }],
    [
      "review/return-declaration",
      expert,
      "returnAction",
      { declarationId: f.declaration.id, flags: [{ section: "3", field: null, comment: "توضیح کافی برای اصلاح" }] },
    ],
    [
      "review/decide-objection",
      expert,
      "decideObjectionAction",
      { declarationId: f.declaration.id, decision: "UPHELD", reason: "دلیل کافی برای تصمیم", satisfactionScore: "5" },
    ],
    [
      "review/save-region-scores",
      expert,
      "regionScoresAction",
      { declarationId: f.declaration.id, satisfactionScore: "5", associationScore: "5" },
    ],
    [
      "admin/save-round",
      admin,
      "saveRoundAction",
      {
        title: "دوره آزمون",
        windowOpensOn: "1406/01/01",
        windowClosesOn: "1406/01/20",
        reviewDays: "5",
        correctionDays: "5",
        reReviewDays: "5",
        objectionDays: "5",
        dayKind: "CALENDAR",
        ruleSetId: "x",
      },
    ],
    [
      "admin/create-staff-account",
      admin,
      "createStaffAction",
      { nationalId: "0045678911", firstName: "علی", lastName: "رضایی", mobile: "", role: "EXPERT", regionId: "1" },
    ],
    ["admin/upload-rule-set", admin, "uploadRuleSetAction", { fileName: "r.json", text: "{}" }],
  ];
  for (const [module, user, name, input] of cases) {
    const action = (await import(`@/lib/actions/${module}`))[name] as AnyAction;
    signedInAs = user;
    for (const [kind, odd] of Object.entries(ODD)) {
      for (const v of variants(input, odd)) {
        const before = await audits();
        const result: Awaited<ReturnType<AnyAction>> & { thrown?: string } = await action(v.value).catch((e: Error) => ({
          ok: false,
          thrown: e.message,
        }));
        const what = `${name} ${v.path} ${kind}`;
        expect({ what, thrown: result.thrown }).toEqual({ what, thrown: undefined });
        expect({ what, ok: result.ok }).toEqual({ what, ok: false });
        const message = Object.values(result.fieldErrors ?? {})[0] ?? result.formError ?? "";
        expect({ what, persian: /[\u0600-\u06FF]/.test(message) }).toEqual({ what, persian: true });
        expect(await audits()).toBe(before);
      }
    }
  }
  signedInAs = null;
}, 120_000);

test("the objection route refuses a NUL beside the field; half a surrogate arrives replaced (U+FFFD) and is no error", async () => {
  const f = await declarationAt(t.db, 3);
  signedInAs = await t.db.user.findUniqueOrThrow({ where: { id: f.holder.user.id } });
  const { POST } = await import("@/app/api/declarations/[declarationId]/objection/route");
  const post = (text: string) => {
    const form = new FormData();
    form.set("text", text);
    return POST(new Request("http://localhost/api", { method: "POST", body: form }), {
      params: Promise.resolve({ declarationId: f.declaration.id }),
    });
  };
  const nul = await post(`اعتراض من به نتیجه این است که ${ODD.nul} درست نیست`);
  expect(nul.status).toBe(422);
  expect(await nul.json()).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { text: expect.stringContaining("نویسه") } });
  // multipart/form-data carries UTF-8: the browser (and undici) replace a lone surrogate before sending.
  const lone = await post(`اعتراض من به نتیجه این است که ${ODD.loneHigh} درست نیست`);
  expect(lone.status).toBe(409); // this draft has no result to object to: refused for that, in Persian
  expect((await lone.json()).formError).toMatch(/[\u0600-\u06FF]/);
  signedInAs = null;
});
