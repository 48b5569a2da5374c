"use client";

import { useId, useState } from "react";
import { JALALI_MONTH_NAMES, parseJalaliDate, normalizeJalaliDate, toJalaliParts } from "@/lib/format/jalali";
import { toPersianDigits } from "@/lib/format/digits";

const WEEKDAYS = ["ش", "ی", "د", "س", "چ", "پ", "ج"]; // Saturday first, as on Iranian calendars

function monthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return parseJalaliDate(`${year}/12/30`) ? 30 : 29;
}

/** 0 = Saturday … 6 = Friday, for the first day of a Jalali month (Tehran calendar). */
function firstWeekday(year: number, month: number): number {
  const instant = parseJalaliDate(`${year}/${month}/1`);
  if (!instant) return 0;
  const name = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tehran", weekday: "short" }).format(instant);
  return ["Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"].indexOf(name);
}

/**
 * A Jalali date typed as yyyy/mm/dd (Persian or ASCII digits) or picked from a small
 * calendar. The value is the typed text; validation happens in the step's schema.
 */
export function JalaliDateInput(props: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string;
  label: string;
}) {
  const { id, value, onChange, onBlur, invalid, describedBy, label } = props;
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const today = toJalaliParts(new Date());
  const current = normalizeJalaliDate(value ?? "");
  const [y0, m0] = current ? current.split("/").map(Number) : [today.year, today.month];
  const [year, setYear] = useState(y0!);
  const [month, setMonth] = useState(m0!);
  const days = monthLength(year, month);
  const offset = firstWeekday(year, month);
  const years = Array.from({ length: 111 }, (_, i) => today.year + 5 - i);

  const pick = (day: number) => {
    onChange(`${year}/${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}`);
    setOpen(false);
    document.getElementById(id)?.focus();
  };

  return (
    <div>
      <div className="flex gap-2">
        <input
          id={id}
          className="input"
          dir="ltr"
          inputMode="numeric"
          placeholder="۱۴۰۵/۰۱/۱۵"
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
        />
        <button
          type="button"
          className="btn-secondary shrink-0"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          تقویم
          <span className="sr-only"> برای {label}</span>
        </button>
      </div>
      {open ? (
        <div
          id={panelId}
          role="group"
          aria-label={`انتخاب ${label} از تقویم`}
          className="mt-2 w-full max-w-xs rounded-lg border border-slate-300 bg-white p-3 shadow"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              setOpen(false);
              document.getElementById(id)?.focus();
            }
          }}
        >
          <div className="mb-2 flex gap-2">
            <label className="sr-only" htmlFor={`${panelId}-year`}>
              سال
            </label>
            <select id={`${panelId}-year`} className="input !py-1" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {toPersianDigits(y)}
                </option>
              ))}
            </select>
            <label className="sr-only" htmlFor={`${panelId}-month`}>
              ماه
            </label>
            <select id={`${panelId}-month`} className="input !py-1" value={month} onChange={(e) => setMonth(Number(e.target.value))}>
              {JALALI_MONTH_NAMES.map((name, i) => (
                <option key={name} value={i + 1}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-7 gap-1 text-center text-sm" role="presentation">
            {WEEKDAYS.map((w) => (
              <span key={w} aria-hidden="true" className="font-bold text-slate-700">
                {w}
              </span>
            ))}
            {Array.from({ length: offset }, (_, i) => (
              <span key={`blank-${i}`} aria-hidden="true" />
            ))}
            {Array.from({ length: days }, (_, i) => i + 1).map((day) => (
              <button
                key={day}
                type="button"
                className="rounded py-1 hover:bg-brand-100 focus:bg-brand-100"
                aria-label={`${toPersianDigits(day)} ${JALALI_MONTH_NAMES[month - 1]} ${toPersianDigits(year)}`}
                onClick={() => pick(day)}
              >
                {toPersianDigits(day)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
