// The holder's home: every file of the holder's office (this round's and earlier rounds',
// newest round first), each with the deadline that matters now, its result and the one
// action that fits. `nextActionOf` decides the deadline and the action and is pure; the
// loader only reads the rows (and the objection window of an approved file).
import type { Db } from "@/lib/db-client";
import type { DeclarationStatus, RoundStatus } from "@/lib/generated/prisma/enums";
import { isWindowOpen } from "@/lib/rounds/window";
import { findOpenRound } from "@/lib/rounds/find-open-round";
import { objectionDeadline } from "@/lib/workflow/objection-window";

/** What `nextActionOf` needs to know of a file. */
export type FileFacts = {
  id: string;
  status: DeclarationStatus;
  round: { status: RoundStatus; windowOpensAt: Date; windowClosesAt: Date };
  /** The correction deadline of a returned file (Declaration.dueAt). */
  dueAt: Date | null;
  /** The end of the objection window of an approved file (lib/workflow/objection-window.ts). */
  objectionClosesAt: Date | null;
};

export type FileDeadline = {
  kind: "window" | "correction" | "objection";
  /** «مهلت ثبت خوداظهاری», … */
  label: string;
  at: Date;
  /** A live countdown beside the date: only while it runs and the holder has something to do. */
  countdown: boolean;
};

export type NextActionKind = "continue" | "correct" | "object" | "view";

export type NextAction = { kind: NextActionKind; label: string; href: string };

export type FileState = {
  /** The primary button. */
  action: NextAction;
  deadline: FileDeadline | null;
  /** The region has the file: no deadline for the holder, a sentence instead. */
  underReview: boolean;
};

export const ACTION_LABEL: Record<NextActionKind, string> = {
  continue: "ادامه ثبت خوداظهاری",
  correct: "اصلاح و ارسال دوباره",
  object: "مشاهده نتیجه و ثبت اعتراض",
  view: "مشاهده پرونده",
};

const UNDER_REVIEW: ReadonlySet<DeclarationStatus> = new Set(["SUBMITTED", "IN_REVIEW", "RESUBMITTED", "OBJECTED"]);

/** The deadline that matters now and the one right action for a file at `now`. Pure. */
export function nextActionOf(file: FileFacts, now: Date): FileState {
  const href = `/declarations/${file.id}`;
  const action = (kind: NextActionKind): NextAction => ({ kind, label: ACTION_LABEL[kind], href });
  const running = (at: Date | null): at is Date => at !== null && now < at;
  switch (file.status) {
    case "DRAFT": {
      const open = file.round.status === "OPEN" && isWindowOpen(file.round, now);
      return {
        action: action(open ? "continue" : "view"),
        deadline: { kind: "window", label: "مهلت ثبت خوداظهاری", at: file.round.windowClosesAt, countdown: open },
        underReview: false,
      };
    }
    case "RETURNED": {
      // No recorded deadline: the correction stays open (lib/declaration/correction-access.ts).
      const open = file.dueAt === null || running(file.dueAt);
      return {
        action: action(open ? "correct" : "view"),
        deadline: file.dueAt ? { kind: "correction", label: "مهلت اصلاح", at: file.dueAt, countdown: open } : null,
        underReview: false,
      };
    }
    case "APPROVED": {
      const open = running(file.objectionClosesAt);
      return {
        action: action(open ? "object" : "view"),
        deadline: file.objectionClosesAt
          ? { kind: "objection", label: "مهلت ثبت اعتراض", at: file.objectionClosesAt, countdown: false }
          : null,
        underReview: false,
      };
    }
    default:
      return { action: action("view"), deadline: null, underReview: UNDER_REVIEW.has(file.status) };
  }
}

export type HolderFile = FileState & {
  id: string;
  status: DeclarationStatus;
  round: { id: string; title: string; windowOpensAt: Date; windowClosesAt: Date };
  regionName: string;
  trackingCode: string | null;
  submittedAt: Date | null;
  /** The region's (or, once final, the final) score and rank; null until there is one. */
  result: { score: number | null; rank: number; final: boolean } | null;
  /** The receipt, once submitted. */
  receiptHref: string | null;
  fileHref: string;
};

export type HolderFiles = {
  /** The round whose window is open now, if any. */
  openRound: { id: string; title: string; windowOpensAt: Date; windowClosesAt: Date } | null;
  /** An open round in which the office has no file yet: offer «شروع ثبت خوداظهاری». */
  canStart: boolean;
  files: HolderFile[];
};

/** Every file of the holder's office, newest round first. A user without an office has none. */
export async function loadHolderFiles(db: Db, user: { office: { id: string } | null }, now: Date): Promise<HolderFiles> {
  const round = await findOpenRound(db, now);
  const openRound = round
    ? { id: round.id, title: round.title, windowOpensAt: round.windowOpensAt, windowClosesAt: round.windowClosesAt }
    : null;
  if (!user.office) return { openRound, canStart: false, files: [] };
  const rows = await db.declaration.findMany({
    where: { officeId: user.office.id },
    orderBy: [{ round: { windowOpensAt: "desc" } }, { createdAt: "desc" }],
    select: {
      id: true,
      status: true,
      dueAt: true,
      trackingCode: true,
      submittedAt: true,
      approvedAt: true,
      finalScore: true,
      finalRank: true,
      region: { select: { name: true } },
      round: {
        select: {
          id: true,
          title: true,
          status: true,
          windowOpensAt: true,
          windowClosesAt: true,
          objectionDays: true,
          dayKind: true,
        },
      },
    },
  });
  const files = await Promise.all(
    rows.map(async (d): Promise<HolderFile> => {
      const objectionClosesAt = d.status === "APPROVED" ? await objectionDeadline(db, d) : null;
      const state = nextActionOf({ id: d.id, status: d.status, round: d.round, dueAt: d.dueAt, objectionClosesAt }, now);
      const submitted = d.trackingCode !== null && d.submittedAt !== null;
      return {
        ...state,
        id: d.id,
        status: d.status,
        round: { id: d.round.id, title: d.round.title, windowOpensAt: d.round.windowOpensAt, windowClosesAt: d.round.windowClosesAt },
        regionName: d.region.name,
        trackingCode: d.trackingCode,
        submittedAt: d.submittedAt,
        result:
          d.finalRank === null
            ? null
            : {
                score: d.finalScore === null ? null : d.finalScore.toNumber(),
                rank: d.finalRank,
                final: d.status === "FINAL" || d.status === "NOT_SUBMITTED",
              },
        receiptHref: submitted ? `/declarations/${d.id}/receipt` : null,
        fileHref: `/declarations/${d.id}`,
      };
    }),
  );
  return { openRound, canStart: openRound !== null && !rows.some((d) => d.round.id === openRound.id), files };
}
