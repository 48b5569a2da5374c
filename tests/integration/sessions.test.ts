// A session is a cookie, but it holds only while the account's session generation is the
// one it was opened under: sign-out, deactivation (and reactivation), a reset and "sign out
// everywhere" end every older cookie, a copied one included, for pages, actions and routes alike.
import { encode, type JWT } from "next-auth/jwt";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createStaffUser } from "../helpers/fixtures";

const jar = new Map<string, string>();
jest.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
  headers: async () => new Headers({ "user-agent": "jest" }),
}));

const t = setupTestDatabase();
const SECRET = "a-test-secret-of-at-least-thirty-two-bytes!";
let currentUser: typeof import("@/lib/auth/current-user");
let options: typeof import("@/lib/auth/options");
let staff: typeof import("@/lib/admin/staff-users");

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  await seedDemoData(t.db);
  currentUser = await import("@/lib/auth/current-user");
  options = await import("@/lib/auth/options");
  staff = await import("@/lib/admin/staff-users");
});

beforeEach(() => jar.clear());

async function sessionOf(userId: string, over: Partial<JWT> = {}) {
  const { sessionGeneration } = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
  const token: JWT = { uid: userId, role: "EXPERT", loginAt: Date.now(), gen: sessionGeneration, ...over };
  return { token, cookie: await encode({ token, secret: SECRET }) };
}

const signedIn = async (cookie: string, name = "next-auth.session-token") => {
  jar.clear();
  jar.set(name, cookie);
  return (await currentUser.getActingUser())?.id ?? null;
};

test("sign-out ends the session everywhere: the copied cookie no longer opens anything, and is not renewed", async () => {
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  const phone = await sessionOf(expert.id);
  const laptop = await sessionOf(expert.id);
  expect(await signedIn(phone.cookie)).toBe(expert.id);
  await options.authOptions.events!.signOut!({ token: laptop.token, session: undefined as never });
  expect(await signedIn(phone.cookie)).toBeNull();
  expect(await signedIn(laptop.cookie)).toBeNull();
  // /api/auth/session runs the jwt callback: a dead session gets no new lease.
  const renewed = await options.authOptions.callbacks!.jwt!({ token: phone.token } as never);
  expect(renewed).toEqual({ expired: true });
  expect(await t.db.auditEvent.count({ where: { action: "auth.sign_out", targetId: expert.id } })).toBe(1);
});

test("deactivating then reactivating does not bring old sessions back; 'sign out everywhere' ends them", async () => {
  const admin = (await createStaffUser(t.db, "ADMIN")).user;
  const caller = { id: admin.id, role: "ADMIN" as const, regionId: null };
  const actor = { userId: admin.id, role: "ADMIN" as const, ip: null };
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 2 })).user;
  const before = await sessionOf(expert.id);
  await staff.changeStaffAccount(t.db, actor, caller, { userId: expert.id, action: "deactivate" });
  await staff.changeStaffAccount(t.db, actor, caller, { userId: expert.id, action: "activate" });
  expect(await signedIn(before.cookie)).toBeNull();

  const fresh = await sessionOf(expert.id);
  expect(await signedIn(fresh.cookie)).toBe(expert.id);
  await staff.changeStaffAccount(t.db, actor, caller, { userId: expert.id, action: "end_sessions" });
  expect(await signedIn(fresh.cookie)).toBeNull();
  expect(await t.db.auditEvent.count({ where: { action: "user.end_sessions", targetId: expert.id } })).toBe(1);
});

test("a renewal of a live session keeps it; a cookie without a generation (or forged) is no session", async () => {
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 3 })).user;
  const live = await sessionOf(expert.id);
  expect(await options.authOptions.callbacks!.jwt!({ token: live.token } as never)).toMatchObject({ uid: expert.id, gen: live.token.gen });
  const legacy = await sessionOf(expert.id, { gen: undefined });
  expect(await signedIn(legacy.cookie)).toBeNull();
  expect(await signedIn("forged.token.value")).toBeNull();
});

test("only the deployment's cookie name is read: on https the plain-http name is ignored", async () => {
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 4 })).user;
  const { cookie } = await sessionOf(expert.id);
  process.env.NEXTAUTH_URL = "https://pishkhan.example.ir";
  try {
    expect(await signedIn(cookie, "next-auth.session-token")).toBeNull();
    expect(await signedIn(cookie, "__Secure-next-auth.session-token")).toBe(expert.id);
  } finally {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
  }
  expect(await signedIn(cookie, "__Secure-next-auth.session-token")).toBeNull();
});
