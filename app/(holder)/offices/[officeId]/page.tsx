import type { Metadata } from "next";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { loadOfficeFor } from "@/lib/authz/guards";
import { formatJalaliDate } from "@/lib/format/jalali";
import { toPersianDigits } from "@/lib/format/digits";
import { LICENCE_STATUS_LABEL, OFFICE_TYPE_LABEL, PERSON_TYPE_LABEL } from "@/lib/format/labels";

export const metadata: Metadata = { title: "مشخصات دفتر" };

export default async function OfficePage({ params }: { params: Promise<{ officeId: string }> }) {
  const user = await requireUser();
  const { officeId } = await params;
  const office = await orNotFound(loadOfficeFor(db, user, officeId));
  const rows: [string, string][] = [
    ["کد دفتر", toPersianDigits(office.code)],
    ["نام دفتر", office.name],
    ["نوع دفتر", OFFICE_TYPE_LABEL[office.type]],
    ["نوع شخصیت", PERSON_TYPE_LABEL[office.personType]],
    ["استان / شهر", `${office.province.name} / ${office.city}`],
    ["منطقه", `${office.province.region.name} (تلفن ${toPersianDigits(office.province.region.phone)})`],
    ["نشانی", office.address],
    ["دارنده پروانه", `${office.holder.firstName} ${office.holder.lastName}`],
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">مشخصات ثبت‌شده دفتر</h1>
      <p className="text-slate-700">این اطلاعات از سامانه صدور پروانه آمده است؛ آن را بررسی کنید و در صورت مغایرت با منطقه تماس بگیرید.</p>
      <dl className="card grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-700">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <section className="card" aria-labelledby="licences">
        <h2 id="licences" className="mb-2 text-lg font-bold">
          پروانه
        </h2>
        <ul className="space-y-1">
          {office.licences.map((l) => (
            <li key={l.id}>
              شماره <span dir="ltr">{toPersianDigits(l.number)}</span>، صدور {formatJalaliDate(l.issuedAt)}، اعتبار تا{" "}
              {formatJalaliDate(l.expiresAt)} — <strong>{LICENCE_STATUS_LABEL[l.status]}</strong>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
