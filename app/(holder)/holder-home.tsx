import Link from "next/link";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { loadHolderFiles } from "@/lib/declaration/holder-files";
import { formatJalaliDate, formatJalaliDateTime } from "@/lib/format/jalali";
import { toPersianDigits } from "@/lib/format/digits";
import { OFFICE_TYPE_LABEL } from "@/lib/format/labels";
import { Countdown } from "@/components/countdown";
import { HolderFileCard } from "@/components/home/holder-file-card";
import { StartDeclarationButton } from "./start-declaration-button";

// The holder's home: the office, an open round the office has not started yet, and every
// file of the office (lib/declaration/holder-files.ts decides each one's deadline and action).
export async function HolderHome({ user, now = new Date() }: { user: CurrentUser; now?: Date }) {
  const office = user.office;
  const { openRound, canStart, files } = await loadHolderFiles(db, user, now);

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
      {openRound && canStart ? (
        <section className="card space-y-3" aria-labelledby="round-heading">
          <h2 id="round-heading" className="text-lg font-bold">
            دوره ارزیابی {openRound.title}
          </h2>
          <p>
            مهلت ثبت خوداظهاری: از {formatJalaliDate(openRound.windowOpensAt)} تا {formatJalaliDateTime(openRound.windowClosesAt)}
          </p>
          <p>
            زمان باقی‌مانده: <Countdown until={openRound.windowClosesAt.toISOString()} serverNow={now.toISOString()} />
          </p>
          <StartDeclarationButton />
        </section>
      ) : null}
      {!openRound ? <p className="card">در حال حاضر دوره ارزیابی بازی وجود ندارد. زمان دوره بعد از طریق پیامک اعلام می‌شود.</p> : null}
      {files.length > 0 ? (
        <section className="space-y-3" aria-labelledby="files-heading">
          <h2 id="files-heading" className="text-lg font-bold">
            پرونده‌های شما
          </h2>
          {files.map((file) => (
            <HolderFileCard key={file.id} file={file} now={now} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
