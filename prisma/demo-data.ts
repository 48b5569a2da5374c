// Demo data for a first start and for the browser tests. The README lists these accounts.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db-client";
import { REGIONS, PROVINCES } from "@/lib/geo/regions";
import { hashPassword } from "@/lib/auth/password";
import sampleRuleSet from "@/lib/ranking/sample-ruleset.json";

export const DEMO_STAFF_PASSWORD = "Pishkhan@1405";

export const DEMO_ACCOUNTS = {
  holderReal: { nationalId: "0012345679", firstName: "علی", lastName: "رضایی", mobile: "09121234567" },
  holderLegal: { nationalId: "0023456787", firstName: "مریم", lastName: "احمدی", mobile: "09131234567" },
  holderExpired: { nationalId: "0034567895", firstName: "حسن", lastName: "کریمی", mobile: "09171234567" },
  admin: { nationalId: "0146789121", firstName: "نسرین", lastName: "مرادی", mobile: "09120000000" },
  // One expert per region, region id = index + 1.
  experts: ["0045678911", "0056789122", "0067891233", "0078912342", "0089123451", "0091234565", "0102345678", "0113456786", "0124567894"],
} as const;

const EXPERT_NAMES = [
  ["رضا", "محمدی"],
  ["زهرا", "حسینی"],
  ["مهدی", "کاظمی"],
  ["فاطمه", "رحیمی"],
  ["امیر", "نوری"],
  ["سارا", "جعفری"],
  ["حمید", "صادقی"],
  ["لیلا", "قاسمی"],
  ["بهرام", "اکبری"],
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** 00:00 in Asia/Tehran of the day containing `d`. */
function tehranMidnight(d: Date): Date {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wallAsUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  const offset = wallAsUtc - Math.floor(d.getTime() / 60000) * 60000;
  return new Date(Date.UTC(get("year"), get("month") - 1, get("day")) - offset);
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.region.count()) === 0;
}

export async function seedDemoData(db: Db, now = new Date()): Promise<void> {
  await db.region.createMany({ data: REGIONS.map(({ id, code, name, phone }) => ({ id, code, name, phone })) });
  await db.province.createMany({ data: [...PROVINCES] });

  const staffHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const admin = await db.user.create({
    data: { ...DEMO_ACCOUNTS.admin, role: "ADMIN", passwordHash: staffHash, mustChangePassword: false, passwordChangedAt: now },
  });
  await db.user.createMany({
    data: DEMO_ACCOUNTS.experts.map((nationalId, i) => ({
      nationalId,
      firstName: EXPERT_NAMES[i]![0],
      lastName: EXPERT_NAMES[i]![1],
      mobile: `0935000000${i + 1}`,
      role: "EXPERT" as const,
      regionId: i + 1,
      passwordHash: staffHash,
      mustChangePassword: false,
      passwordChangedAt: now,
    })),
  });

  const provinceId = (name: string) => PROVINCES.find((p) => p.name === name)!.id;
  const holders = [
    {
      account: DEMO_ACCOUNTS.holderReal,
      code: "21001",
      name: "دفتر پیشخوان خدمات دولت رضایی",
      type: "PISHKHAN_GOVERNMENT",
      personType: "REAL",
      province: "تهران",
      city: "تهران",
      address: "خیابان آزادی، پلاک ۱۲",
      licence: "PK-1401-21001",
      status: "VALID",
    },
    {
      account: DEMO_ACCOUNTS.holderLegal,
      code: "31002",
      name: "دفتر پیشخوان شرکت نوآوران سپاهان",
      type: "PISHKHAN_NON_GOVERNMENT",
      personType: "LEGAL",
      province: "اصفهان",
      city: "اصفهان",
      address: "خیابان چهارباغ عباسی، پلاک ۴۰",
      licence: "PK-1399-31002",
      status: "VALID",
    },
    {
      account: DEMO_ACCOUNTS.holderExpired,
      code: "71003",
      name: "دفتر ICT روستایی کریمی",
      type: "RURAL_ICT",
      personType: "REAL",
      province: "فارس",
      city: "مرودشت",
      address: "روستای کناره، جنب دهیاری",
      licence: "ICT-1398-71003",
      status: "EXPIRED",
    },
  ] as const;
  for (const h of holders) {
    const user = await db.user.create({
      data: { ...h.account, role: "HOLDER", passwordHash: await hashPassword(h.account.nationalId), mustChangePassword: true },
    });
    const expired = h.status === "EXPIRED";
    await db.office.create({
      data: {
        code: h.code,
        name: h.name,
        type: h.type,
        personType: h.personType,
        provinceId: provinceId(h.province),
        city: h.city,
        address: h.address,
        holderId: user.id,
        licences: {
          create: {
            number: h.licence,
            status: h.status,
            issuedAt: new Date(now.getTime() - (expired ? 6 : 3) * 365 * DAY_MS),
            expiresAt: new Date(now.getTime() + (expired ? -30 : 2 * 365) * DAY_MS),
          },
        },
      },
    });
  }

  const definition = sampleRuleSet;
  const ruleSet = await db.ruleSet.create({
    data: {
      key: definition.id,
      version: 1,
      title: definition.title,
      isSample: definition.isSample,
      definition,
      sha256: createHash("sha256").update(JSON.stringify(definition)).digest("hex"),
      uploadedById: admin.id,
      approvedById: admin.id,
      approvedAt: now,
    },
  });
  const opens = tehranMidnight(now);
  await db.round.create({
    data: {
      title: "نیمه دوم ۱۴۰۵",
      status: "OPEN",
      windowOpensAt: opens,
      windowClosesAt: new Date(opens.getTime() + 20 * DAY_MS),
      ruleSetId: ruleSet.id,
      openedAt: now,
    },
  });
}
