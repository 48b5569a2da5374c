import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { roundCloseJobInput } from "@/lib/admin/rounds";
import { requirePermission } from "@/lib/auth/require-permission";
import { toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDate, formatJalaliDateTime } from "@/lib/format/jalali";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { JobProgress } from "@/components/jobs/job-progress";
import { RoundForm, RoundStatusActions, type RoundValues } from "./round-forms";

export const metadata: Metadata = { title: "دوره‌های ارزیابی" };

const STATUS_LABEL = { DRAFT: "پیش‌نویس", OPEN: "باز", CLOSED: "بسته" } as const;
const DAY = 24 * 60 * 60 * 1000;

export default async function RoundsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  await requirePermission("round:manage:any");
  const { edit } = await searchParams;
  const [rounds, ruleSets] = await Promise.all([
    db.round.findMany({
      orderBy: { windowOpensAt: "desc" },
      include: { ruleSet: { select: { title: true, version: true, isSample: true } }, _count: { select: { declarations: true } } },
    }),
    db.ruleSet.findMany({
      where: { approvedAt: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, version: true, isSample: true },
    }),
  ]);
  // The latest close job of each round: its progress while it runs, its message if it failed.
  const closeJobs = await db.job.findMany({
    where: { kind: "ROUND_CLOSE" },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, status: true, done: true, total: true, error: true, input: true },
  });
  const closeJobOf = (roundId: string) => closeJobs.find((j) => roundCloseJobInput.safeParse(j.input).data?.roundId === roundId);
  const editing = edit ? rounds.find((r) => r.id === edit && r.status !== "CLOSED") : undefined;
  const initial: RoundValues = editing
    ? {
        roundId: editing.id,
        title: editing.title,
        windowOpensOn: toAsciiDigits(formatJalaliDate(editing.windowOpensAt)),
        // The stored end is the first instant after the last day.
        windowClosesOn: toAsciiDigits(formatJalaliDate(new Date(editing.windowClosesAt.getTime() - DAY))),
        reviewDays: String(editing.reviewDays),
        correctionDays: String(editing.correctionDays),
        reReviewDays: String(editing.reReviewDays),
        objectionDays: String(editing.objectionDays),
        dayKind: editing.dayKind,
        ruleSetId: editing.ruleSetId,
      }
    : {
        title: "",
        windowOpensOn: "",
        windowClosesOn: "",
        reviewDays: "20",
        correctionDays: "5",
        reReviewDays: "10",
        objectionDays: "7",
        dayKind: "CALENDAR",
        ruleSetId: "",
      };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">دوره‌های ارزیابی</h1>
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">دوره‌ها، مهلت‌ها و جدول امتیازدهی هر دوره</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2 text-start">
                دوره
              </th>
              <th scope="col" className="p-2 text-start">
                مهلت ثبت
              </th>
              <th scope="col" className="p-2 text-start">
                مهلت‌ها (روز)
              </th>
              <th scope="col" className="p-2 text-start">
                جدول امتیازدهی
              </th>
              <th scope="col" className="p-2 text-start">
                وضعیت
              </th>
              <th scope="col" className="p-2 text-start">
                کارها
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 text-start font-medium">
                  {r.title}
                  <span className="block text-xs font-normal text-slate-700">{toPersianDigits(r._count.declarations)} پرونده</span>
                </th>
                <td className="p-2">
                  {formatJalaliDateTime(r.windowOpensAt)} تا {formatJalaliDateTime(r.windowClosesAt)}
                </td>
                <td className="p-2">
                  بررسی {toPersianDigits(r.reviewDays)}، اصلاح {toPersianDigits(r.correctionDays)}، بررسی دوباره{" "}
                  {toPersianDigits(r.reReviewDays)}، اعتراض {toPersianDigits(r.objectionDays)}
                  {r.dayKind === "WORKING" ? " (روز کاری)" : ""}
                </td>
                <td className="p-2">
                  {r.ruleSet.title}، نسخه {toPersianDigits(r.ruleSet.version)}
                  {r.ruleSet.isSample ? <strong className="ms-1 text-amber-800">(نمونه)</strong> : null}
                </td>
                <td className="p-2">{STATUS_LABEL[r.status]}</td>
                <td className="p-2">
                  {(() => {
                    const job = closeJobOf(r.id);
                    const closing = r.status === "OPEN" && job && (job.status === "QUEUED" || job.status === "RUNNING");
                    return closing ? (
                      <JobProgress
                        jobId={job.id}
                        label={`بستن دوره «${r.title}»`}
                        initial={{ status: job.status, done: job.done, total: job.total, error: job.error }}
                      />
                    ) : (
                      <>
                        {r.status === "OPEN" && job?.status === "FAILED" ? (
                          <p className="text-sm text-red-800">بستن دوره انجام نشد: {job.error}</p>
                        ) : null}
                        <RoundStatusActions roundId={r.id} title={r.title} status={r.status} />
                      </>
                    );
                  })()}
                  {r.status !== "CLOSED" ? (
                    <Link href={`/rounds?edit=${r.id}`} className="text-brand-700 underline">
                      ویرایش<span className="sr-only"> {r.title}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RoundForm
        key={editing?.id ?? "new"}
        initial={initial}
        ruleSetLocked={editing?.status === "OPEN"}
        ruleSets={ruleSets.map((s) => ({
          id: s.id,
          label: `${s.title}، نسخه ${toPersianDigits(s.version)}${s.isSample ? " (نمونه)" : ""}`,
        }))}
      />
    </div>
  );
}
