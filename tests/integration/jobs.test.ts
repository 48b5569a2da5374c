// Background jobs (lib/jobs): one worker per job at a time, progress visible while it runs,
// a dead worker's job claimed again, a taken-over run unable to overwrite the newer one,
// the admin's message kept on a handler's JobFailure, retries capped, and only those who may
// start a kind of job can watch it.
import { claimNextJob, enqueueJob, MAX_JOB_ATTEMPTS, recordJobProgress } from "@/lib/jobs/queue";
import { JobFailure, processJobs, runClaimedJob, type JobHandlers } from "@/lib/jobs/run-jobs";
import { loadJobFor } from "@/lib/jobs/load-job";
import { NotFoundError } from "@/lib/errors/app-error";
import { seedDemoData } from "@/prisma/demo-data";
import { setupTestDatabase } from "../helpers/test-database";
import { createHolder, createStaffUser } from "../helpers/fixtures";

const t = setupTestDatabase();
let adminId: string;

beforeAll(async () => {
  await seedDemoData(t.db);
  adminId = (await createStaffUser(t.db, "ADMIN")).user.id;
});
beforeEach(async () => {
  await t.db.job.deleteMany();
});

const queue = (input: object = {}) => enqueueJob(t.db, { kind: "REGISTRY_IMPORT", input: { ...input }, createdById: adminId });

test("a queued job is claimed by one worker only; its progress and report are stored", async () => {
  const { id } = await queue({ n: 1 });
  const [a, b] = await Promise.all([claimNextJob(t.db, 60_000), claimNextJob(t.db, 60_000)]);
  expect([a, b].filter(Boolean)).toHaveLength(1);
  const job = (a ?? b)!;
  expect(job).toMatchObject({ id, kind: "REGISTRY_IMPORT", attempts: 1, input: { n: 1 } });

  const seen: number[] = [];
  const handlers: JobHandlers = {
    REGISTRY_IMPORT: async (db, j, progress) => {
      await progress(0, 3);
      seen.push((await db.job.findUniqueOrThrow({ where: { id: j.id } })).total);
      await progress(3, 3);
      return { created: 3 };
    },
  };
  expect(await runClaimedJob(t.db, job, handlers)).toBe("succeeded");
  expect(seen).toEqual([3]);
  expect(await t.db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "SUCCEEDED",
    done: 3,
    total: 3,
    result: { created: 3 },
    lockedAt: null,
  });
  expect(await claimNextJob(t.db, 60_000)).toBeNull();
});

test("a job whose worker stopped renewing its lease is claimed again, and the old run can no longer write", async () => {
  const { id } = await queue();
  const first = (await claimNextJob(t.db, 60_000))!;
  expect(await claimNextJob(t.db, 60_000)).toBeNull(); // lease still fresh
  await t.db.job.update({ where: { id }, data: { lockedAt: new Date(Date.now() - 61_000) } });
  const second = (await claimNextJob(t.db, 60_000))!;
  expect(second).toMatchObject({ id, attempts: 2 });
  expect(await recordJobProgress(t.db, first, 5, 10)).toBe(false);
  expect(await runClaimedJob(t.db, first, { REGISTRY_IMPORT: async () => ({ stale: true }) })).toBe("succeeded");
  expect(await t.db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "RUNNING", result: null });
  expect(await runClaimedJob(t.db, second, { REGISTRY_IMPORT: async () => ({ fresh: true }) })).toBe("succeeded");
  expect(await t.db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SUCCEEDED", result: { fresh: true } });
});

test("a handler's JobFailure is shown as it is; an unexpected error is retried, then given up with a Persian message", async () => {
  const failing = await queue();
  await processJobs(t.db, {
    REGISTRY_IMPORT: async () => {
      throw new JobFailure("فایل خالی است.");
    },
  });
  expect(await t.db.job.findUniqueOrThrow({ where: { id: failing.id } })).toMatchObject({
    status: "FAILED",
    error: "فایل خالی است.",
    attempts: 1,
  });

  const crashing = await queue();
  let calls = 0;
  const spy = jest.spyOn(console, "error").mockImplementation(() => {});
  await processJobs(t.db, {
    REGISTRY_IMPORT: async () => {
      calls += 1;
      throw new Error("boom");
    },
  });
  spy.mockRestore();
  expect(calls).toBe(MAX_JOB_ATTEMPTS);
  const row = await t.db.job.findUniqueOrThrow({ where: { id: crashing.id } });
  expect(row).toMatchObject({ status: "FAILED", attempts: MAX_JOB_ATTEMPTS });
  expect(row.error).toMatch(/تلاش/);
});

test("only the head office can watch an import job; others get not found", async () => {
  const { id } = await queue();
  const admin = { id: adminId, role: "ADMIN" as const, regionId: null };
  await expect(loadJobFor(t.db, admin, id)).resolves.toMatchObject({ id, status: "QUEUED" });
  const expert = (await createStaffUser(t.db, "EXPERT", { regionId: 1 })).user;
  const holder = (await createHolder(t.db)).user;
  await expect(loadJobFor(t.db, { id: expert.id, role: "EXPERT", regionId: 1 }, id)).rejects.toBeInstanceOf(NotFoundError);
  await expect(loadJobFor(t.db, { id: holder.id, role: "HOLDER", regionId: null }, id)).rejects.toBeInstanceOf(NotFoundError);
  await expect(loadJobFor(t.db, admin, "no-such-job")).rejects.toBeInstanceOf(NotFoundError);
});
