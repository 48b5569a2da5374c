// Declarations in a chosen state, for tests of later steps.
import type { StepValues } from "@/lib/declaration/forms/field-spec";
import type { Db } from "@/lib/db-client";
import { startDeclaration } from "@/lib/declaration/start-declaration";
import { DOCUMENT_KINDS } from "@/lib/documents/kinds";
import { createHolder } from "./fixtures";
import { declarationFacts, positiveBasisOf } from "@/lib/declaration/facts";
import { answerField, emptyRankingValues } from "@/lib/declaration/forms/step-8-ranking";
import { toJson, type DeclarationData } from "@/lib/declaration/declaration-json";
import { ruleSetOfRound } from "@/lib/rounds/rule-set-of-round";

export const HOLDER_PASSWORD = "a-holder-password";

/** Step 8 answered: both confirmations, every violation "no" except those in `yes` (with a description). */
export async function validRankingValues(db: Db, roundId: string, yes: readonly string[] = []) {
  const { ruleSet } = await ruleSetOfRound(db, roundId);
  const values: Record<string, unknown> = { ...emptyRankingValues(ruleSet.violations), positiveConfirmed: true, negativeConfirmed: true };
  ruleSet.violations.forEach((v, k) => {
    values[answerField(k + 1)] = yes.includes(v.code) ? "yes" : "no";
    if (yes.includes(v.code)) values[`v${k + 1}Description`] = "در بازرسی مهر ۱۴۰۵ مشاهده شد.";
  });
  return values;
}

export const VALID_STEP_VALUES: Record<string, StepValues> = {
  "2": {
    firstName: "علی",
    lastName: "رضایی",
    nationalId: "0012345679",
    fatherName: "محمد",
    birthDate: "1360/05/12",
    gender: "MALE",
    education: "bachelor",
    mobile: "09121234567",
    email: "",
  },
  "3": {
    personType: "REAL",
    officeType: "PISHKHAN_GOVERNMENT",
    licenceNumber: "PK-1401-1",
    licenceIssuedAt: "1401/01/15",
    licenceExpiresAt: "1406/01/15",
    floorArea: "45",
    groundFloor: true,
    holderExperienceYears: "6",
    staffCount: "2",
    disabledStaffCount: "1",
    facilities: ["ramp", "cctv"],
  },
  "4": {
    companyName: "شرکت نوآوران",
    registrationNumber: "12345",
    registrationDate: "1395/02/10",
    legalNationalId: "10320863208",
    representativeType: "CEO",
    representativeFirstName: "مریم",
    representativeLastName: "احمدی",
    representativeNationalId: "0023456787",
    representativeMobile: "09131234567",
  },
  "5": {
    landline: "02188123456",
    mobile: "09121234567",
    fax: "",
    email: "",
    website: "",
    provinceId: "1",
    city: "تهران",
    address: "خیابان آزادی، پلاک ۱۲",
    postalCode: "1234567890",
  },
  "6": { lat: "35.6892", lng: "51.389" },
};

/** A holder with a draft declaration whose steps before `openStep` are complete. */
export async function declarationAt(db: Db, openStep: number, opts: { personType?: "REAL" | "LEGAL" } = {}) {
  const personType = opts.personType ?? "REAL";
  const h = await createHolder(db, { password: HOLDER_PASSWORD, personType });
  const actor = { userId: h.user.id, role: "HOLDER" as const, ip: null };
  const declaration = await startDeclaration(db, actor);
  const stepStatus: Record<string, string> = {};
  const data: DeclarationData = {};
  for (let s = 1; s <= 9; s++) stepStatus[String(s)] = s < openStep ? "COMPLETE" : "NOT_STARTED";
  if (personType === "REAL") stepStatus["4"] = "NOT_NEEDED";
  for (let s = 2; s < openStep; s++) if (VALID_STEP_VALUES[String(s)]) data[String(s)] = { ...VALID_STEP_VALUES[String(s)] };
  if (data["3"]) data["3"].personType = personType;
  if (openStep > 1) {
    await db.document.createMany({
      data: DOCUMENT_KINDS.map((k, i) => ({
        declarationId: declaration.id,
        kind: k.kind,
        storageKey: `test/${declaration.id}/${i}`,
        fileName: "x.pdf",
        contentType: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
        uploadedById: h.user.id,
      })),
    });
  }
  if (openStep > 4 && personType === "LEGAL") {
    await db.boardMember.create({
      data: { declarationId: declaration.id, firstName: "مریم", lastName: "احمدی", nationalId: "0023456787", position: "مدیرعامل" },
    });
  }
  if (openStep > 7) {
    // Step 3 declares two staff, one disabled.
    await db.staffMember.createMany({
      data: [
        {
          declarationId: declaration.id,
          firstName: "سارا",
          lastName: "کریمی",
          birthDate: new Date("1991-03-21"),
          gender: "FEMALE",
          nationalId: "0045678911",
          mobile: "09351234567",
          disabled: true,
          insured: true,
          acceptsTerms: true,
        },
        {
          declarationId: declaration.id,
          firstName: "رضا",
          lastName: "نوری",
          birthDate: new Date("1988-06-01"),
          gender: "MALE",
          nationalId: "0056789122",
          mobile: "09351234568",
          disabled: false,
          insured: false,
          acceptsTerms: true,
        },
      ],
    });
  }
  if (openStep > 8) {
    const staff = await db.staffMember.findMany({ where: { declarationId: declaration.id } });
    const basis = positiveBasisOf(declarationFacts({ data: data as DeclarationData, staff }));
    data["8"] = { ...(await validRankingValues(db, declaration.roundId)), positiveBasis: basis };
  }
  const updated = await db.declaration.update({
    where: { id: declaration.id },
    data: { stepStatus: toJson(stepStatus), data: toJson(data) },
  });
  return { holder: h, actor, caller: { id: h.user.id, role: "HOLDER" as const, regionId: null }, declaration: updated };
}
