"use client";

import { useState, useTransition, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/form-field";
import { toPersianDigits } from "@/lib/format/digits";
import type { ActionResult } from "@/lib/actions/result";
import { claimAction } from "@/lib/actions/review/claim-declaration";
import { releaseAction } from "@/lib/actions/review/release-declaration";
import { assignAction } from "@/lib/actions/review/assign-declarations";

// The queue's table with its buttons: claim / release per row, and "assign to a colleague"
// for the ticked rows. The server page hands over the rows already formatted (Persian
// digits, Jalali dates, labels): plain data is cheaper to send and render than a server-
// rendered tree, and the selection is client state anyway. Every outcome of an action is
// shown in one message box above the table; after a change the page is re-rendered on the
// server (router.refresh), which brings the new rows.

export type QueueTableRow = {
  id: string;
  officeName: string;
  /** Persian digits. */
  officeCode: string;
  province: string;
  type: string;
  status: string;
  due: string;
  badge: "overdue" | "soon" | null;
  submitted: string;
  assignee: string | null;
  action: "claim" | "release" | null;
  /** May be ticked for "assign to a colleague". */
  selectable: boolean;
};

export type AssignableExpert = { id: string; name: string; group: string | null };

type Message = { text: string; tone: "error" | "success" };

export function QueueTable(props: { rows: QueueTableRow[]; caption: string; experts: AssignableExpert[]; canAssign: boolean }) {
  const { rows, experts, canAssign } = props;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Message | null>(null);
  const [assigneeId, setAssigneeId] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const selectable = rows.filter((r) => r.selectable).map((r) => r.id);
  // Only rows still on the page and still selectable count (the list changes after each action).
  const chosen = selectable.filter((id) => selected.has(id));
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;

  const run = (call: () => Promise<ActionResult<unknown>>, success: string, after?: () => void) =>
    startTransition(async () => {
      setMessage(null);
      try {
        const result = await call();
        if (result.ok) {
          after?.();
          setMessage({ text: success, tone: "success" });
          router.refresh();
        } else {
          setMessage({ text: result.formError ?? "درخواست انجام نشد.", tone: "error" });
          if (result.code === "STALE" || result.code === "NOT_FOUND") router.refresh();
        }
      } catch {
        setMessage({ text: "ارتباط با سامانه برقرار نشد. دوباره تلاش کنید.", tone: "error" });
      }
    });

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onAssign = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (chosen.length === 0) return setMessage({ text: "ابتدا پرونده‌هایی را که می‌خواهید واگذار کنید تیک بزنید.", tone: "error" });
    const expert = experts.find((x) => x.id === assigneeId);
    if (!expert) return setMessage({ text: "همکاری را که پرونده‌ها به او واگذار می‌شود انتخاب کنید.", tone: "error" });
    const ids = [...chosen];
    run(
      () => assignAction({ declarationIds: ids, assigneeId: expert.id }),
      `${toPersianDigits(ids.length)} پرونده به ${expert.name} واگذار شد.`,
      () => setSelected(new Set()),
    );
  };

  const groups = [...new Set(experts.map((x) => x.group))];
  const options = (group: string | null) =>
    experts
      .filter((x) => x.group === group)
      .map((x) => (
        <option key={x.id} value={x.id}>
          {x.name}
        </option>
      ));

  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      {canAssign && rows.length > 0 ? (
        <form onSubmit={onAssign} className="flex flex-wrap items-end gap-2" aria-label="واگذاری پرونده‌های انتخاب‌شده">
          <div className="min-w-0 grow sm:grow-0">
            <label htmlFor="queue-assignee" className="mb-1 block text-sm font-medium">
              واگذاری پرونده‌های تیک‌خورده ({toPersianDigits(chosen.length)}) به همکار
            </label>
            <select id="queue-assignee" className="input sm:w-72" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">— انتخاب همکار —</option>
              {groups.length === 1 && groups[0] === null
                ? options(null)
                : groups.map((g) => (
                    <optgroup key={g ?? ""} label={g ?? "بدون منطقه"}>
                      {options(g)}
                    </optgroup>
                  ))}
            </select>
          </div>
          <button type="submit" className="btn" disabled={pending}>
            واگذاری
          </button>
        </form>
      ) : null}
      {/* relative: the sr-only (absolutely positioned) caption and headers stay inside the
          scrolling box instead of widening the page on a narrow screen. */}
      {rows.length > 0 ? (
        <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[56rem] text-start text-sm [&_td]:p-2 [&_th]:p-2 [&_th]:text-start">
            <caption className="sr-only">{props.caption}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col">
                  {canAssign && selectable.length > 0 ? (
                    <input
                      type="checkbox"
                      className="size-5"
                      aria-label="انتخاب همه پرونده‌های این صفحه"
                      checked={allChosen}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(selectable) : new Set())}
                    />
                  ) : (
                    <span className="sr-only">انتخاب</span>
                  )}
                </th>
                <th scope="col">دفتر</th>
                <th scope="col">کد دفتر</th>
                <th scope="col">استان</th>
                <th scope="col">نوع</th>
                <th scope="col">وضعیت</th>
                <th scope="col">سررسید</th>
                <th scope="col">ارسال</th>
                <th scope="col">کارشناس</th>
                <th scope="col">
                  <span className="sr-only">کارها</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const office = `دفتر ${r.officeCode}`;
                return (
                  <tr
                    key={r.id}
                    className={`border-t border-slate-200 ${r.badge === "overdue" ? "bg-red-50" : r.badge === "soon" ? "bg-amber-50" : ""}`}
                  >
                    <td>
                      {canAssign && r.selectable ? (
                        <input
                          type="checkbox"
                          className="size-5"
                          aria-label={`انتخاب پرونده ${office}`}
                          checked={selected.has(r.id)}
                          onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                        />
                      ) : null}
                    </td>
                    <th scope="row" className="font-normal">
                      <Link href={`/review/${r.id}`} className="font-medium text-brand-700 underline">
                        {r.officeName}
                      </Link>
                    </th>
                    <td>{r.officeCode}</td>
                    <td>{r.province}</td>
                    <td>{r.type}</td>
                    <td>{r.status}</td>
                    <td className="whitespace-nowrap">
                      {r.due}
                      {r.badge === "overdue" ? (
                        <span className="mt-1 block w-fit rounded-full bg-red-100 px-2 py-0.5 text-xs font-bold text-red-900">
                          گذشته از مهلت
                        </span>
                      ) : r.badge === "soon" ? (
                        <span className="mt-1 block w-fit rounded-full bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-950">
                          سررسید نزدیک
                        </span>
                      ) : null}
                    </td>
                    <td className="whitespace-nowrap">{r.submitted}</td>
                    <td>{r.assignee ?? "بدون کارشناس"}</td>
                    <td>
                      {r.action === "claim" ? (
                        <button
                          type="button"
                          className="btn-secondary !px-3 !py-1.5 text-sm"
                          disabled={pending}
                          aria-label={`برداشتن پرونده ${office}`}
                          onClick={() => run(() => claimAction({ declarationId: r.id }), `پرونده ${office} را برداشتید.`)}
                        >
                          برداشتن
                        </button>
                      ) : r.action === "release" ? (
                        <button
                          type="button"
                          className="btn-secondary !px-3 !py-1.5 text-sm"
                          disabled={pending}
                          aria-label={`رها کردن پرونده ${office}`}
                          onClick={() => run(() => releaseAction({ declarationId: r.id }), `پرونده ${office} به صف منطقه برگشت.`)}
                        >
                          رها کردن
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
