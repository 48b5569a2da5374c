import type { Metadata } from "next";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/require-permission";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import { ROLE_LABEL } from "@/lib/format/labels";
import { CreateStaffForm, StaffRowActions } from "./staff-forms";

export const metadata: Metadata = { title: "کاربران" };

export default async function StaffUsersPage() {
  const user = await requirePermission("user:manage:any");
  const now = new Date();
  const [regions, staff] = await Promise.all([
    db.region.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { role: { in: ["EXPERT", "ADMIN"] } },
      orderBy: [{ role: "asc" }, { regionId: "asc" }, { lastName: "asc" }],
      select: {
        id: true,
        nationalId: true,
        firstName: true,
        lastName: true,
        role: true,
        active: true,
        lockedUntil: true,
        totpEnabledAt: true,
        lastLoginAt: true,
        region: { select: { name: true } },
      },
    }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">کاربران کارشناس و مدیر</h1>
      <CreateStaffForm regions={regions} />
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">حساب‌های کارشناسان مناطق و دفتر نظارت</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2 text-start">
                نام
              </th>
              <th scope="col" className="p-2 text-start">
                کد ملی
              </th>
              <th scope="col" className="p-2 text-start">
                نقش
              </th>
              <th scope="col" className="p-2 text-start">
                وضعیت
              </th>
              <th scope="col" className="p-2 text-start">
                آخرین ورود
              </th>
              <th scope="col" className="p-2 text-start">
                کارها
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => {
              const locked = s.lockedUntil !== null && s.lockedUntil > now;
              const name = `${s.firstName} ${s.lastName}`;
              return (
                <tr key={s.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 text-start font-medium">
                    {name}
                  </th>
                  <td className="p-2">{toPersianDigits(s.nationalId)}</td>
                  <td className="p-2">
                    {ROLE_LABEL[s.role]}
                    {s.region ? ` — ${s.region.name}` : ""}
                  </td>
                  <td className="p-2">{!s.active ? "غیرفعال" : locked ? `قفل تا ${formatJalaliDateTime(s.lockedUntil!)}` : "فعال"}</td>
                  <td className="p-2">{s.lastLoginAt ? formatJalaliDateTime(s.lastLoginAt) : "—"}</td>
                  <td className="p-2">
                    <StaffRowActions
                      userId={s.id}
                      name={name}
                      active={s.active}
                      locked={locked}
                      self={s.id === user.id}
                      totp={s.totpEnabledAt !== null}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
