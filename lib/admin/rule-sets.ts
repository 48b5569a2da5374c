import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/authz/guards";
import { scopeOf } from "@/lib/authz/permissions";
import { InvalidInputError, NotFoundError, RefusedError } from "@/lib/errors/app-error";
import { canonicalJson } from "@/lib/format/canonical-json";
import { toPersianDigits } from "@/lib/format/digits";
import { parseRuleSet, RuleSetError, serializeRuleSet, type RuleSet, type RuleSetIssue } from "@/lib/ranking";
import { ConcurrentChangeError } from "@/lib/workflow/apply-transition";

// The head office's rule sets (../shared/ranking/RULESET.md): upload a JSON file (validated,
// every bad field named), approve it (who and when; a database trigger then refuses any
// change), delete an unapproved upload. Versions: a rule set's `id` in the file is its key;
// each upload of a different content under the same key is the next version; uploading the
// same content again returns the existing version instead of a copy.
// Only holders of `ruleset:approve:any` (the head office); anyone else gets "not found".

const MAX_RULE_SET_BYTES = 512 * 1024;

export function requireRuleSetManager(caller: Caller) {
  if (scopeOf(caller.role, "ruleset:approve") !== "any") throw new NotFoundError("ruleSet");
}

/** The upload was refused: every problem, each naming its field. */
export class RuleSetUploadError extends InvalidInputError {
  constructor(readonly issues: RuleSetIssue[]) {
    super(
      // path → message(s): the form lists them in order.
      issues.reduce<Record<string, string>>(
        (acc, i) => ({ ...acc, [i.path]: acc[i.path] ? `${acc[i.path]}\n${i.message}` : i.message }),
        {},
      ),
      `فایل جدول امتیازدهی ${issues.length === 1 ? "یک خطا" : `${toPersianDigits(issues.length)} خطا`} دارد و ذخیره نشد. هر خطا نام فیلد خود را دارد.`,
    );
  }
}

/** Line and column of a JSON syntax error from V8's message ("… at position 42" or "(line 3 column 5)"). */
function jsonSyntaxIssue(text: string, e: unknown): RuleSetIssue {
  const message = (e as Error)?.message ?? "";
  let line: number | null = null;
  let column: number | null = null;
  const lc = /line (\d+) column (\d+)/.exec(message);
  const pos = /position (\d+)/.exec(message);
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else if (pos) {
    const before = text.slice(0, Number(pos[1]));
    line = before.split("\n").length;
    column = before.length - before.lastIndexOf("\n");
  }
  const where = line !== null ? ` (سطر ${line}، ستون ${column})` : "";
  return { path: "$", message: `فایل JSON معتبر نیست${where}؛ ساختار آن را بررسی کنید (کاما، گیومه و کروشه‌ها). ($)` };
}

/** Parses and validates an uploaded file: the rule set, or every problem found. */
function readRuleSetFile(text: string): { ok: true; ruleSet: RuleSet } | { ok: false; issues: RuleSetIssue[] } {
  if (Buffer.byteLength(text, "utf8") > MAX_RULE_SET_BYTES) {
    return { ok: false, issues: [{ path: "$", message: "حجم فایل جدول امتیازدهی بیش از ۵۱۲ کیلوبایت است. ($)" }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, issues: [jsonSyntaxIssue(text, e)] };
  }
  try {
    return { ok: true, ruleSet: parseRuleSet(json) };
  } catch (e) {
    if (e instanceof RuleSetError) return { ok: false, issues: e.issues };
    throw e;
  }
}

/** The stored form: canonical JSON of the validated rule set, and its SHA-256. */
function storedFormOf(rs: RuleSet): { definition: object; sha256: string } {
  const definition = serializeRuleSet(rs) as object;
  return { definition, sha256: createHash("sha256").update(canonicalJson(definition)).digest("hex") };
}

export const uploadRuleSetInput = z.object({
  fileName: z.string().max(255),
  text: z.string().max(MAX_RULE_SET_BYTES * 2),
});

export async function uploadRuleSet(db: Db, actor: AuditActor, caller: Caller, input: z.infer<typeof uploadRuleSetInput>) {
  requireRuleSetManager(caller);
  if (input.text.trim() === "") throw new InvalidInputError({ file: "فایل جدول امتیازدهی را انتخاب کنید." });
  const read = readRuleSetFile(input.text);
  if (!read.ok) throw new RuleSetUploadError(read.issues);
  const rs = read.ruleSet;
  const { definition, sha256 } = storedFormOf(rs);
  return db.$transaction(async (tx) => {
    // One version number per key at a time: serialize uploads of the same key.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ruleset:${rs.id}`}))`;
    const same = await tx.ruleSet.findFirst({ where: { key: rs.id, sha256 }, select: { id: true, version: true } });
    if (same) return { ruleSetId: same.id, version: same.version, existing: true };
    const last = await tx.ruleSet.aggregate({ where: { key: rs.id }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    const row = await tx.ruleSet.create({
      data: { key: rs.id, version, title: rs.title, isSample: rs.isSample, definition, sha256, uploadedById: caller.id },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "ruleset.uploaded",
      targetType: "RuleSet",
      targetId: row.id,
      after: { key: rs.id, version, sha256, fileName: input.fileName, isSample: rs.isSample },
    });
    return { ruleSetId: row.id, version, existing: false };
  });
}

export const ruleSetTarget = z.object({ ruleSetId: z.string().min(1).max(64) });

/** Approves an uploaded rule set: from then on it cannot change (trigger) and rounds may pin it. */
export async function approveRuleSet(db: Db, actor: AuditActor, caller: Caller, ruleSetId: string, now = new Date()) {
  requireRuleSetManager(caller);
  return db.$transaction(async (tx) => {
    const row = await tx.ruleSet.findUnique({
      where: { id: ruleSetId },
      select: { id: true, definition: true, approvedAt: true, sha256: true, key: true, version: true },
    });
    if (!row) throw new NotFoundError("ruleSet");
    if (row.approvedAt) throw new RefusedError("این جدول امتیازدهی پیش‌تر تأیید شده است.");
    // Stored content is validated again: approval is the last gate before rounds use it.
    parseRuleSet(row.definition);
    const updated = await tx.ruleSet.updateMany({
      where: { id: row.id, approvedAt: null },
      data: { approvedAt: now, approvedById: caller.id },
    });
    if (updated.count !== 1) throw new ConcurrentChangeError();
    await recordAudit(tx, actor, {
      action: "ruleset.approved",
      targetType: "RuleSet",
      targetId: row.id,
      after: { key: row.key, version: row.version, sha256: row.sha256 },
    });
  });
}

/** Deletes an upload that was never approved (approved ones are kept for ever). */
export async function deleteRuleSet(db: Db, actor: AuditActor, caller: Caller, ruleSetId: string) {
  requireRuleSetManager(caller);
  return db.$transaction(async (tx) => {
    const row = await tx.ruleSet.findUnique({
      where: { id: ruleSetId },
      select: { id: true, approvedAt: true, key: true, version: true, _count: { select: { rounds: true, snapshots: true } } },
    });
    if (!row) throw new NotFoundError("ruleSet");
    if (row.approvedAt || row._count.rounds > 0 || row._count.snapshots > 0)
      throw new RefusedError("جدول تأییدشده یا به‌کاررفته حذف نمی‌شود.");
    const deleted = await tx.ruleSet.deleteMany({ where: { id: row.id, approvedAt: null } });
    if (deleted.count !== 1) throw new ConcurrentChangeError();
    await recordAudit(tx, actor, {
      action: "ruleset.deleted",
      targetType: "RuleSet",
      targetId: row.id,
      before: { key: row.key, version: row.version },
    });
  });
}
