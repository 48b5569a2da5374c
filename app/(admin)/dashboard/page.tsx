import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDate, formatJalaliDateTime } from "@/lib/format/jalali";
import { loadDashboard, type Dashboard } from "@/lib/dashboard/load-dashboard";
import { STAGE_LABEL, STAGE_ORDER, STATUS_LABEL, type Stage } from "@/lib/dashboard/labels";
import { Chart } from "./chart";
import { DataTable } from "./data-table";
import { ExportLinks } from "./export-links";

// The national dashboard: the head office sees every region or one; an expert sees
// the same for their own region only, whatever the URL asks; a holder gets "not found". The
// filters are a GET form, so the page works without JavaScript; each chart has its numbers in
// a table under it.

export const metadata: Metadata = { title: "داشبورد" };

const ROUND_STATUS = { DRAFT: "پیش‌نویس", OPEN: "باز", CLOSED: "بسته" } as const;
const STAGE_COLOR: Record<Stage, string> = {
  notYet: "#999999",
  region: "#0072B2",
  holder: "#E69F00",
  decided: "#009E73",
  notSubmitted: "#D55E00",
};
const RANK_COLORS = ["#009E73", "#0072B2", "#E69F00", "#D55E00", "#CC79A7", "#56B4E9"];

const n = (x: number) => formatNumberFa(x);
const pct = (part: number, whole: number) => (whole > 0 ? `${formatNumberFa(Math.round((part / whole) * 1000) / 10)}٪` : "—");
const rankLabel = (r: number) => `رتبه ${toPersianDigits(r)}`;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const dash: Dashboard = await orNotFound(
    loadDashboard(db, { id: user.id, role: user.role, regionId: user.regionId }, await searchParams),
  );
  const title = dash.canPickRegion
    ? `داشبورد کشوری${dash.regionName ? ` — منطقه ${dash.regionName}` : ""}`
    : `داشبورد منطقه ${dash.regionName ?? "—"}`;
  const data = dash.data;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <Filters dash={dash} roundId={data?.round.id} />
      {data ? <Body dash={dash} data={data} /> : <p className="card">هنوز دوره‌ای تعریف نشده است.</p>}
    </div>
  );
}

function Filters({ dash, roundId }: { dash: Dashboard; roundId?: string }) {
  return (
    <form method="get" action="/dashboard" className="card flex flex-wrap items-end gap-3" aria-label="انتخاب دوره و منطقه">
      <div className="min-w-60 flex-1">
        <label htmlFor="round" className="mb-1 block font-medium">
          دوره
        </label>
        <select id="round" name="round" className="input" defaultValue={roundId ?? ""}>
          {dash.rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title} ({ROUND_STATUS[r.status]})
            </option>
          ))}
        </select>
      </div>
      {dash.canPickRegion ? (
        <div className="min-w-48 flex-1">
          <label htmlFor="region" className="mb-1 block font-medium">
            منطقه
          </label>
          <select id="region" name="region" className="input" defaultValue={dash.regionId === undefined ? "" : String(dash.regionId)}>
            <option value="">همه منطقه‌ها</option>
            {dash.regionOptions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="btn">
        نمایش
      </button>
    </form>
  );
}

function Body({ dash, data }: { dash: Dashboard; data: NonNullable<Dashboard["data"]> }) {
  const { round, counts, compliance, ruleSet } = data;
  const count = (keys: readonly string[]) => counts.byStatus.filter((s) => keys.includes(s.status)).reduce((sum, s) => sum + s.count, 0);
  const submitted = count(["SUBMITTED", "IN_REVIEW", "RETURNED", "RESUBMITTED", "APPROVED", "OBJECTED", "OBJECTION_DECIDED", "FINAL"]);
  const decided = count(["APPROVED", "OBJECTION_DECIDED", "FINAL"]);
  const overdueNow = compliance.reduce((s, c) => s + c.overdueNow, 0);
  const ranked = counts.byRank.reduce((s, r) => s + r.fixed + r.provisional, 0);
  const shownProvinces = counts.provinces.filter((p) => p.offices > 0 || dash.regionId !== undefined);

  return (
    <>
      <section className="card space-y-2" aria-labelledby="round-heading">
        <h2 id="round-heading" className="text-lg font-bold">
          {round.title}
        </h2>
        <p className="text-sm text-slate-700">
          مهلت ثبت: {formatJalaliDateTime(round.windowOpensAt)} تا {formatJalaliDateTime(round.windowClosesAt)} — وضعیت دوره:{" "}
          {ROUND_STATUS[round.status]}
          {round.closedAt ? ` (بسته‌شده در ${formatJalaliDate(round.closedAt)})` : ""} — جدول امتیازدهی: {ruleSet.title}، نسخه{" "}
          {toPersianDigits(ruleSet.version)}
          {ruleSet.isSample ? <strong className="ms-1 text-amber-800">(نمونه)</strong> : null}
        </p>
        <ul className="grid gap-3 sm:grid-cols-4" aria-label="خلاصه">
          <Stat label="دفاتر" value={n(counts.offices)} />
          <Stat label="ارسال‌شده" value={n(submitted)} />
          <Stat label="تأییدشده" value={n(decided)} />
          <Stat label="گذشته از مهلت منطقه" value={n(overdueNow)} alert={overdueNow > 0} />
        </ul>
      </section>

      <section className="card space-y-3" aria-labelledby="export-heading">
        <h2 id="export-heading" className="text-lg font-bold">
          خروجی نتایج دوره{dash.regionName ? ` — منطقه ${dash.regionName}` : dash.canPickRegion ? " — همه منطقه‌ها" : ""}
        </h2>
        <p className="text-sm text-slate-700">
          هر دفتر یک ردیف: کد، نام، منطقه، استان، نوع دفتر، امتیاز هر معیار، امتیاز منفی، امتیاز کل، رتبه، وضعیت و تاریخ‌ها. CSV با رمزگذاری
          UTF-8 برای Excel.
        </p>
        <ExportLinks roundId={round.id} regionId={dash.regionId} />
      </section>

      <Section
        id="status"
        title="پرونده‌ها بر اساس وضعیت"
        note={
          round.status === "CLOSED"
            ? "دوره بسته است: دفاتری که در مهلت ارسال نکردند «ارسال‌نشده» هستند."
            : "«بدون پرونده»: دفتری که هنوز خوداظهاری را آغاز نکرده است."
        }
      >
        <Chart
          horizontal
          data={counts.byStatus.map((s) => ({ label: STATUS_LABEL[s.status], count: s.count }))}
          series={[{ key: "count", label: "تعداد", color: "#0072B2" }]}
        />
        <DataTable
          caption="تعداد و سهم پرونده‌ها در هر وضعیت"
          columns={["وضعیت", "تعداد", "سهم"]}
          rows={counts.byStatus.map((s) => ({ head: STATUS_LABEL[s.status], cells: [n(s.count), pct(s.count, counts.offices)] }))}
          footer={{ head: "جمع", cells: [n(counts.offices), pct(counts.offices, counts.offices)] }}
        />
      </Section>

      <Section
        id="regions"
        title="پرونده‌های هر منطقه"
        note="وضعیت‌ها در پنج گروه: هنوز ارسال نشده (بدون پرونده یا پیش‌نویس)، نزد منطقه (ارسال‌شده، در حال بررسی، ارسال پس از اصلاح، اعتراض)، نزد دارنده برای اصلاح، تأییدشده (تأیید منطقه، رسیدگی به اعتراض، قطعی) و ارسال‌نشده در مهلت."
      >
        <Chart
          horizontal
          labelWidth={90}
          data={counts.byRegion.map((r) => ({ label: r.name, ...r.stages }))}
          series={STAGE_ORDER.map((s) => ({ key: s, label: STAGE_LABEL[s], color: STAGE_COLOR[s] }))}
        />
        <DataTable
          caption="تعداد پرونده‌های هر منطقه در هر گروه وضعیت"
          columns={["منطقه", "دفاتر", ...STAGE_ORDER.map((s) => STAGE_LABEL[s])]}
          rows={counts.byRegion.map((r) => ({ head: r.name, cells: [n(r.offices), ...STAGE_ORDER.map((s) => n(r.stages[s]))] }))}
        />
      </Section>

      <Section
        id="deadlines"
        title="رعایت مهلت‌ها در مناطق"
        note={`هر بار که پرونده در انتظار منطقه است مهلتی دارد: بررسی پس از ارسال (${toPersianDigits(round.reviewDays)} روز) و بررسی دوباره پس از اصلاح، پس از پایان مهلت اصلاح یا پس از اعتراض (${toPersianDigits(round.reReviewDays)} روز${round.dayKind === "WORKING" ? " کاری" : ""}). تصمیم منطقه (بازگرداندن برای اصلاح، تأیید یا رأی اعتراض) به‌موقع است اگر پیش از پایان همان مهلت گرفته شود. «به‌موقع»: همه تصمیم‌های منطقه درباره پرونده به‌موقع بوده است؛ «با تأخیر»: دست‌کم یکی دیر بوده است. «گذشته از مهلت اکنون»: پرونده اکنون در انتظار منطقه است و مهلتش گذشته است (تأخیر دارنده در اصلاح به حساب منطقه نیست). «در انتظار، در مهلت»: در انتظار منطقه و هنوز در مهلت.`}
      >
        <Chart
          horizontal
          labelWidth={90}
          data={compliance.map((c) => ({ label: c.name, inTime: c.inTime, late: c.late, overdueNow: c.overdueNow, waiting: c.waiting }))}
          series={[
            { key: "inTime", label: "بررسی به‌موقع", color: "#009E73" },
            { key: "late", label: "بررسی با تأخیر", color: "#E69F00" },
            { key: "overdueNow", label: "گذشته از مهلت اکنون", color: "#D55E00" },
            { key: "waiting", label: "در انتظار، در مهلت", color: "#0072B2" },
          ]}
        />
        <DataTable
          caption="رعایت مهلت‌های بررسی در هر منطقه (تعداد پرونده)"
          columns={["منطقه", "بررسی به‌موقع", "بررسی با تأخیر", "سهم به‌موقع", "گذشته از مهلت اکنون", "در انتظار، در مهلت"]}
          rows={compliance.map((c) => ({
            head: c.name,
            cells: [n(c.inTime), n(c.late), pct(c.inTime, c.inTime + c.late), n(c.overdueNow), n(c.waiting)],
          }))}
        />
      </Section>

      <Section
        id="ranks"
        title="رتبه‌ها"
        note="رتبه قطعی: رتبه‌ای که منطقه با تأیید پرونده یا رأی اعتراض ثبت کرده است (و پایین‌ترین رتبه برای دفتری که در مهلت ارسال نکرد). رتبه موقت: رتبه محاسبه‌شده از خوداظهاری، برای پرونده‌ای که هنوز تأیید نشده است."
      >
        <Chart
          data={counts.byRank.map((r) => ({ label: rankLabel(r.rank), fixed: r.fixed, provisional: r.provisional }))}
          series={[
            { key: "fixed", label: "قطعی", color: "#0072B2" },
            { key: "provisional", label: "موقت", color: "#56B4E9" },
          ]}
        />
        <DataTable
          caption="تعداد دفاتر در هر رتبه، قطعی و موقت"
          columns={["رتبه", "قطعی", "موقت", "جمع", "سهم از دفاتر دارای رتبه"]}
          rows={[
            ...counts.byRank.map((r) => ({
              head: rankLabel(r.rank),
              cells: [n(r.fixed), n(r.provisional), n(r.fixed + r.provisional), pct(r.fixed + r.provisional, ranked)],
            })),
            { head: "بدون رتبه (بدون پرونده یا پیش‌نویس)", cells: ["—", "—", n(counts.unranked), "—"] },
          ]}
        />
      </Section>

      <Section
        id="scores"
        title="توزیع امتیاز کل"
        note="امتیاز قطعی منطقه، یا برای پرونده‌ای که هنوز تأیید نشده امتیاز محاسبه‌شده از خوداظهاری. هر بازه ابتدای خود را دارد و انتهای خود را نه، جز بازه آخر."
      >
        <Chart
          data={counts.histogram.map((b) => ({ label: `${toPersianDigits(b.from)}–${toPersianDigits(b.to)}`, count: b.count }))}
          series={[{ key: "count", label: "تعداد دفاتر", color: "#0072B2" }]}
        />
        <DataTable
          caption="تعداد دفاتر در هر بازه امتیاز کل"
          columns={["بازه امتیاز", "تعداد دفاتر"]}
          rows={counts.histogram.map((b) => ({
            head: `از ${formatNumberFa(b.from)} تا ${b.closed ? "" : "کمتر از "}${formatNumberFa(b.to)}`,
            cells: [n(b.count)],
          }))}
        />
      </Section>

      <Section
        id="provinces"
        title="سهم رتبه‌ها در استان‌ها"
        note="سهم هر رتبه از دفاتر دارای رتبه (قطعی یا موقت) در هر استان؛ دفاتری که هنوز رتبه ندارند جدا شمرده شده‌اند."
      >
        {shownProvinces.length > 0 ? (
          <Chart
            horizontal
            percent
            labelWidth={140}
            data={shownProvinces.map((p) => ({
              label: p.name,
              ...Object.fromEntries(counts.ranks.map((r) => [`r${r}`, p.ranks[String(r)] ?? 0])),
            }))}
            series={counts.ranks.map((r, i) => ({ key: `r${r}`, label: rankLabel(r), color: RANK_COLORS[i % RANK_COLORS.length]! }))}
          />
        ) : null}
        <DataTable
          caption="تعداد و سهم هر رتبه در هر استان"
          columns={["استان", "دفاتر دارای رتبه", ...counts.ranks.map((r) => rankLabel(r)), "بدون رتبه"]}
          rows={shownProvinces.map((p) => {
            const withRank = counts.ranks.reduce((s, r) => s + (p.ranks[String(r)] ?? 0), 0);
            return {
              head: p.name,
              cells: [
                n(withRank),
                ...counts.ranks.map((r) => `${n(p.ranks[String(r)] ?? 0)} (${pct(p.ranks[String(r)] ?? 0, withRank)})`),
                n(p.unranked),
              ],
            };
          })}
        />
      </Section>

      <p className="text-sm text-slate-700">
        دفاتر دوره: در دوره باز همه دفاتر ثبت‌شده؛ در دوره بسته، پرونده‌های دوره (بستن دوره برای هر دفتری که ارسال نکرده بود پرونده
        «ارسال‌نشده» ساخت).{" "}
        <Link href="/" className="text-brand-700 underline">
          بازگشت به صفحه اصلی
        </Link>
      </p>
    </>
  );
}

function Stat({ label, value, alert = false }: { label: string; value: string; alert?: boolean }) {
  return (
    <li className="rounded-lg border border-slate-200 p-3">
      <span className="block text-sm text-slate-700">{label}</span>
      <strong className={`text-xl ${alert ? "text-red-800" : ""}`}>{value}</strong>
    </li>
  );
}

function Section({ id, title, note, children }: { id: string; title: string; note: string; children: React.ReactNode }) {
  return (
    <section className="card space-y-3" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-lg font-bold">
        {title}
      </h2>
      <p className="text-sm text-slate-700">{note}</p>
      {children}
    </section>
  );
}
