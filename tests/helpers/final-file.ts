// A file taken all the way to a final rank through the real services: submitted by its
// holder, claimed, scored and approved by one expert, objected to, and the objection decided
// (CHANGED: higher region scores) by another expert, which finalizes it.
import type { Db } from "@/lib/db-client";
import { submitDeclaration } from "@/lib/declaration/submit-declaration";
import { claimDeclaration } from "@/lib/review/assignment";
import { saveRegionScores } from "@/lib/review/region-scores";
import { approveDeclaration } from "@/lib/review/approve-declaration";
import { fileObjection } from "@/lib/declaration/file-objection";
import { decideObjection } from "@/lib/review/decide-objection";
import { createStaffUser } from "./fixtures";
import { declarationAt, HOLDER_PASSWORD } from "./declarations";

export async function submittedFile(db: Db) {
  const f = await declarationAt(db, 9);
  const { trackingCode } = await submitDeclaration(db, { ...f.actor, userId: f.holder.user.id }, f.caller, {
    declarationId: f.declaration.id,
    version: f.declaration.version,
    confirmed: true,
    password: HOLDER_PASSWORD,
  });
  return { ...f, id: f.declaration.id, trackingCode };
}

export async function finalFile(db: Db, decision: "UPHELD" | "CHANGED" = "CHANGED") {
  const f = await submittedFile(db);
  const regionId = f.declaration.regionId;
  const experts = [(await createStaffUser(db, "EXPERT", { regionId })).user, (await createStaffUser(db, "EXPERT", { regionId })).user];
  const as = (u: { id: string }) => ({
    actor: { userId: u.id, role: "EXPERT" as const, ip: null },
    caller: { id: u.id, role: "EXPERT" as const, regionId },
  });
  const e1 = as(experts[0]!);
  await claimDeclaration(db, e1.actor, e1.caller, f.id);
  await saveRegionScores(db, e1.actor, e1.caller, { declarationId: f.id, satisfactionScore: "6", associationScore: "5" });
  await approveDeclaration(db, e1.actor, e1.caller, f.id);
  await fileObjection(db, { ...f.actor, userId: f.holder.user.id }, f.caller, {
    declarationId: f.id,
    text: "امتیاز رضایت مراجعان با نظرسنجی ماه گذشته نمی‌خواند.",
  });
  const assigneeId = (await db.declaration.findUniqueOrThrow({ where: { id: f.id } })).assigneeId;
  if (!assigneeId) throw new Error("the objection was not assigned");
  const e2 = as({ id: assigneeId });
  await decideObjection(db, e2.actor, e2.caller, {
    declarationId: f.id,
    decision,
    reason: "نظرسنجی تازه امتیاز بالاتری نشان داد.",
    ...(decision === "CHANGED" ? { satisfactionScore: "10", associationScore: "8" } : {}),
  });
  const declaration = await db.declaration.findUniqueOrThrow({ where: { id: f.id }, include: { office: true } });
  const submitted = await db.scoreSnapshot.findFirstOrThrow({ where: { declarationId: f.id, reason: "SUBMITTED" } });
  const decided = await db.scoreSnapshot.findFirstOrThrow({ where: { declarationId: f.id, reason: "OBJECTION_DECIDED" } });
  return { ...f, declaration, submitted, decided, expertIds: [experts[0]!.id, assigneeId] };
}
