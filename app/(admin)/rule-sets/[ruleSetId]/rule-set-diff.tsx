import type { FieldChange, RuleSetDiff } from "@/lib/ranking";
import { toPersianDigits } from "@/lib/format/digits";

// The comparison of two rule set versions (lib/ranking/compare.ts), section by section:
// what was added, removed, and each changed field as «before → after».

const value = (v: FieldChange["before"]) =>
  v === undefined
    ? "—"
    : v === null
      ? "null"
      : typeof v === "boolean"
        ? v
          ? "true"
          : "false"
        : typeof v === "number"
          ? toPersianDigits(v)
          : v;

function Changes({ changes }: { changes: readonly FieldChange[] }) {
  return (
    <ul className="ms-4 list-inside list-disc">
      {changes.map((c) => (
        <li key={c.field}>
          <span dir="ltr" className="font-mono text-xs">
            {c.field}
          </span>
          : {value(c.before)} ← {value(c.after)}
        </li>
      ))}
    </ul>
  );
}

export function RuleSetDiffView({ diff, baseLabel }: { diff: RuleSetDiff; baseLabel: string }) {
  if (diff.identical) return <p>این جدول با «{baseLabel}» تفاوتی ندارد.</p>;
  const section = (title: string, body: React.ReactNode, empty: boolean) =>
    empty ? null : (
      <div className="space-y-1">
        <h3 className="font-bold">{title}</h3>
        {body}
      </div>
    );
  const c = diff.criteria;
  const v = diff.violations;
  return (
    <div className="space-y-3 text-sm" aria-label={`تفاوت‌ها نسبت به ${baseLabel}`}>
      <p>تفاوت‌های این جدول نسبت به «{baseLabel}» (مقدار قبلی ← مقدار این جدول):</p>
      {section("مشخصات", <Changes changes={diff.meta} />, diff.meta.length === 0)}
      {section(
        "معیارها",
        <ul className="space-y-1">
          {c.added.map((x) => (
            <li key={`a-${x.key}`}>
              افزوده: «{x.title}» (
              <span dir="ltr" className="font-mono text-xs">
                {x.key}
              </span>
              )
            </li>
          ))}
          {c.removed.map((x) => (
            <li key={`r-${x.key}`}>
              حذف‌شده: «{x.title}» (
              <span dir="ltr" className="font-mono text-xs">
                {x.key}
              </span>
              )
            </li>
          ))}
          {c.changed.map((x) => (
            <li key={`c-${x.after.key}`}>
              تغییر در «{x.after.title}»:
              <Changes changes={x.changes} />
            </li>
          ))}
        </ul>,
        c.added.length + c.removed.length + c.changed.length === 0,
      )}
      {section(
        "تخلف‌ها",
        <ul className="space-y-1">
          {v.added.map((x) => (
            <li key={`a-${x.code}`}>
              افزوده: {x.code} «{x.title}»، {toPersianDigits(x.points)} امتیاز
            </li>
          ))}
          {v.removed.map((x) => (
            <li key={`r-${x.code}`}>
              حذف‌شده: {x.code} «{x.title}»
            </li>
          ))}
          {v.changed.map((x) => (
            <li key={`c-${x.after.code}`}>
              تغییر در {x.after.code}:
              <Changes changes={x.changes} />
            </li>
          ))}
        </ul>,
        v.added.length + v.removed.length + v.changed.length === 0,
      )}
      {section(
        "آستانه رتبه‌ها",
        <ul className="ms-4 list-inside list-disc">
          {diff.ranks.map((r) => (
            <li key={r.rank}>
              رتبه {toPersianDigits(r.rank)}: {value(r.before)} ← {value(r.after)}
            </li>
          ))}
        </ul>,
        diff.ranks.length === 0,
      )}
      {section(
        "سهم خدمات (درصد)",
        <ul className="ms-4 list-inside list-disc">
          {diff.serviceSharePercent.map((r) => (
            <li key={r.rank}>
              رتبه {toPersianDigits(r.rank)}: {value(r.before)} ← {value(r.after)}
            </li>
          ))}
        </ul>,
        diff.serviceSharePercent.length === 0,
      )}
    </div>
  );
}
