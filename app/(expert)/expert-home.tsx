import Link from "next/link";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { DECLARATION_STATUS_LABEL } from "@/lib/format/labels";
import { toPersianDigits } from "@/lib/format/digits";
import type { DeclarationStatus } from "@/lib/generated/prisma/enums";
import { queueDeadlineCounts } from "@/lib/review/queue";

async function regionSummary(user: CurrentUser, now = new Date()) {
  return Promise.all([
    db.declaration.groupBy({ by: ["status"], where: { regionId: user.regionId ?? -1 }, _count: { _all: true } }),
    // The same conditions as the queue's "due within 3 days" and "overdue" filters.
    queueDeadlineCounts(db, { id: user.id, role: user.role, regionId: user.regionId }, now),
  ]);
}

export async function ExpertHome({ user }: { user: CurrentUser }) {
  // An expert without a region sees an empty summary rather than another region's.
  const [groups, { dueSoon, overdue }] = await regionSummary(user);
  const count = new Map(groups.map((g) => [g.status, g._count._all]));
  const statuses = Object.keys(DECLARATION_STATUS_LABEL) as DeclarationStatus[];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">کارتابل منطقه {user.region?.name ?? "—"}</h1>
      <Link href="/queue" className="btn w-full py-3 text-lg sm:w-auto">
        صف پرونده‌های منطقه
      </Link>
      <p>
        <Link href="/dashboard" className="text-brand-700 underline">
          داشبورد منطقه: وضعیت پرونده‌ها، رتبه‌ها و رعایت مهلت‌ها
        </Link>
      </p>
      <p>
        <Link href="/account-help" className="text-brand-700 underline">
          کمک به حساب دارندگان: باز کردن قفل و کد فعال‌سازی
        </Link>
      </p>
      <section className="grid gap-3 sm:grid-cols-2" aria-label="سررسیدها">
        <p className="card">
          سررسید در ۳ روز آینده: <strong>{toPersianDigits(dueSoon)}</strong> پرونده
          {dueSoon > 0 ? (
            <>
              {" "}
              <Link href="/queue?due=soon" className="text-brand-700 underline">
                مشاهده در صف
              </Link>
            </>
          ) : null}
        </p>
        <p className="card">
          گذشته از مهلت: <strong className={overdue ? "text-red-800" : ""}>{toPersianDigits(overdue)}</strong> پرونده
          {overdue > 0 ? (
            <>
              {" "}
              <Link href="/queue?due=overdue" className="text-brand-700 underline">
                مشاهده در صف
              </Link>
            </>
          ) : null}
        </p>
      </section>
      <section className="card" aria-labelledby="by-status">
        <h2 id="by-status" className="mb-3 text-lg font-bold">
          پرونده‌های منطقه بر اساس وضعیت
        </h2>
        <table className="w-full text-start">
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-2 text-start">
                وضعیت
              </th>
              <th scope="col" className="py-2 text-start">
                تعداد
              </th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((s) => (
              <tr key={s} className="border-b last:border-0">
                <td className="py-2">{DECLARATION_STATUS_LABEL[s]}</td>
                <td className="py-2">{toPersianDigits(count.get(s) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
