// The declaration's state machine: every status change of a file, who may cause it, and
// from which statuses. The one table; services in lib/review and lib/declaration ask it
// before they write, and their compare-and-set update (`WHERE status = from`) makes a
// concurrent second attempt fail instead of applying twice. Pure.
//
//   DRAFT ──submit──▶ SUBMITTED ──start_review──▶ IN_REVIEW ──approve──▶ APPROVED ──object──▶ OBJECTED
//     │                                  ▲            │                     │                   │
//  expire_window          start_review   │   return_for_correction     finalize (window    decide_objection
//     ▼                                  │            ▼                  over, no objection)     ▼
//  NOT_SUBMITTED        RESUBMITTED ◀─resubmit── RETURNED                   ▼            OBJECTION_DECIDED
//                                                 │ expire_correction      FINAL ◀──finalize──┘
//                                                 └──────▶ IN_REVIEW (marked overdue)
import { AppError } from "@/lib/errors/app-error";
import type { DeclarationStatus, Role } from "@/lib/generated/prisma/enums";

export type WorkflowActor = Role | "SYSTEM";

export type TransitionName =
  | "submit"
  | "expire_window"
  | "start_review"
  | "return_for_correction"
  | "resubmit"
  | "expire_correction"
  | "approve"
  | "object"
  | "decide_objection"
  | "finalize";

export type Transition = { from: readonly DeclarationStatus[]; to: DeclarationStatus; actors: readonly WorkflowActor[]; title: string };

export const TRANSITIONS: Readonly<Record<TransitionName, Transition>> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", actors: ["HOLDER"], title: "ارسال خوداظهاری" },
  expire_window: { from: ["DRAFT"], to: "NOT_SUBMITTED", actors: ["SYSTEM", "ADMIN"], title: "پایان مهلت بدون ارسال" },
  start_review: { from: ["SUBMITTED", "RESUBMITTED"], to: "IN_REVIEW", actors: ["EXPERT"], title: "شروع بررسی" },
  return_for_correction: { from: ["IN_REVIEW"], to: "RETURNED", actors: ["EXPERT"], title: "بازگشت برای اصلاح" },
  resubmit: { from: ["RETURNED"], to: "RESUBMITTED", actors: ["HOLDER"], title: "ارسال پس از اصلاح" },
  expire_correction: { from: ["RETURNED"], to: "IN_REVIEW", actors: ["SYSTEM"], title: "پایان مهلت اصلاح" },
  approve: { from: ["IN_REVIEW"], to: "APPROVED", actors: ["EXPERT"], title: "تأیید و ثبت امتیاز نهایی" },
  object: { from: ["APPROVED"], to: "OBJECTED", actors: ["HOLDER"], title: "ثبت اعتراض" },
  decide_objection: { from: ["OBJECTED"], to: "OBJECTION_DECIDED", actors: ["EXPERT"], title: "رسیدگی به اعتراض" },
  finalize: { from: ["APPROVED", "OBJECTION_DECIDED"], to: "FINAL", actors: ["SYSTEM"], title: "قطعی شدن رتبه" },
};

/** The table does not allow this move from the file's status: the page is out of date. */
export class IllegalTransitionError extends AppError {
  constructor(
    readonly transition: TransitionName,
    readonly from: DeclarationStatus,
    readonly actor: WorkflowActor,
  ) {
    super("STALE", "این کار در وضعیت کنونی پرونده ممکن نیست. صفحه را دوباره بارگذاری کنید.");
    this.message = `illegal transition ${transition} from ${from} by ${actor}`;
  }
}

export function canTransition(name: TransitionName, from: DeclarationStatus, actor: WorkflowActor): boolean {
  const t = TRANSITIONS[name];
  return t.from.includes(from) && t.actors.includes(actor);
}

/** The status a transition leads to; throws IllegalTransitionError when it is not allowed. */
export function transitionTarget(name: TransitionName, from: DeclarationStatus, actor: WorkflowActor): DeclarationStatus {
  if (!canTransition(name, from, actor)) throw new IllegalTransitionError(name, from, actor);
  return TRANSITIONS[name].to;
}

/** The transitions `actor` may take from `from` (for showing the right buttons). */
export function availableTransitions(from: DeclarationStatus, actor: WorkflowActor): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((n) => canTransition(n, from, actor));
}
