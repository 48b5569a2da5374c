import Link from "next/link";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { findOpenRound } from "@/lib/rounds/find-open-round";
import { formatJalaliDate, formatJalaliDateTime } from "@/lib/format/jalali";
import { toPersianDigits } from "@/lib/format/digits";
import { DECLARATION_STATUS_LABEL, OFFICE_TYPE_LABEL } from "@/lib/format/labels";
import { Countdown } from "@/components/countdown";
import { StartDeclarationButton } from "./start-declaration-button";

export async function HolderHome({ user }: { user: CurrentUser }) {
  const office = user.office;
  const now = new Date();
  const round = await findOpenRound(db, now);
  const declaration =
    office && round ? await db.declaration.findUnique({ where: { roundId_officeId: { roundId: round.id, officeId: office.id } } }) : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        {user.firstName} {user.lastName}، خوش آمدید
      </h1>
      {office ? (
        <section className="card space-y-2" aria-labelledby="office-heading">
          <h2 id="office-heading" className="text-lg font-bold">
            دفتر شما
          </h2>
          <p>
            کد دفتر: <strong>{toPersianDigits(office.code)}</strong> — {OFFICE_TYPE_LABEL[office.type]}، استان {office.province.name}
          </p>
          <p className="text-sm text-slate-700">
            اگر نام یا کد دفتر درست نیست، پیش از ادامه با منطقه {office.province.region.name} تماس بگیرید.
          </p>
          <Link href={`/offices/${office.id}`} className="text-brand-700 underline">
            مشاهده مشخصات ثبت‌شده دفتر
          </Link>
        </section>
      ) : (
        <p className="card">برای حساب شما دفتری ثبت نشده است. با دفتر نظارت تماس بگیرید.</p>
      )}
      {round ? (
        <section className="card space-y-3" aria-labelledby="round-heading">
          <h2 id="round-heading" className="text-lg font-bold">
            دوره ارزیابی {round.title}
          </h2>
          <p>
            مهلت ثبت خوداظهاری: از {formatJalaliDate(round.windowOpensAt)} تا {formatJalaliDateTime(round.windowClosesAt)}
          </p>
          <p>
            زمان باقی‌مانده: <Countdown until={round.windowClosesAt.toISOString()} serverNow={now.toISOString()} />
          </p>
          {declaration ? (
            <p>
              وضعیت پرونده: <strong>{DECLARATION_STATUS_LABEL[declaration.status]}</strong>
            </p>
          ) : null}
          {office ? (
            declaration ? (
              <Link href={`/declarations/${declaration.id}`} className="btn">
                ادامه ثبت خوداظهاری
              </Link>
            ) : (
              <StartDeclarationButton />
            )
          ) : null}
        </section>
      ) : (
        <p className="card">در حال حاضر دوره ارزیابی بازی وجود ندارد. زمان دوره بعد از طریق پیامک اعلام می‌شود.</p>
      )}
    </div>
  );
}
