/**
 * @jest-environment jsdom
 */
// The review panel offers exactly the decisions the state machine allows an expert from the
// file's status (availableTransitions), only to the assignee.
import { render, screen } from "@testing-library/react";
import { ReviewPanel } from "@/components/review/review-panel";
import { availableTransitions, type TransitionName } from "@/lib/workflow/transitions";
import type { DeclarationStatus } from "@/lib/generated/prisma/enums";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn(), push: jest.fn() }) }));
jest.mock("@/lib/actions/review/claim-declaration", () => ({ claimAction: jest.fn() }));
jest.mock("@/lib/actions/review/release-declaration", () => ({ releaseAction: jest.fn() }));
jest.mock("@/lib/actions/review/return-declaration", () => ({ returnAction: jest.fn() }));
jest.mock("@/lib/actions/review/save-region-scores", () => ({ regionScoresAction: jest.fn() }));
jest.mock("@/lib/actions/review/approve-declaration", () => ({ approveAction: jest.fn() }));
jest.mock("@/lib/actions/review/decide-objection", () => ({ decideObjectionAction: jest.fn() }));

function panel(status: DeclarationStatus, opts: { mine?: boolean; moves?: readonly TransitionName[] } = {}) {
  return render(
    <ReviewPanel
      declarationId="d1"
      status={status}
      moves={opts.moves ?? availableTransitions(status, "EXPERT")}
      claimable={["SUBMITTED", "IN_REVIEW", "RESUBMITTED", "RETURNED", "OBJECTED"].includes(status)}
      mine={opts.mine ?? true}
      takenBy={null}
      isApprover={false}
      sections={[{ value: "3", label: "مشخصات دفتر", fields: [] }]}
      caps={{ satisfactionScore: { title: "رضایت", max: 10 } }}
      regionScores={{ satisfactionScore: null, associationScore: null }}
    />,
  );
}

const buttons = () => screen.queryAllByRole("button").map((b) => b.textContent?.trim());

test("in review, the assignee may score, approve and return", () => {
  panel("IN_REVIEW");
  expect(buttons()).toEqual(expect.arrayContaining(["تأیید پرونده و ثبت امتیاز نهایی", "ثبت امتیازهای منطقه و محاسبه دوباره"]));
  expect(screen.getByRole("heading", { name: /بازگرداندن/ })).toBeInTheDocument();
});

test("a decision the state machine does not offer is not shown, whatever the status", () => {
  panel("IN_REVIEW", { moves: ["return_for_correction"] });
  expect(buttons()).not.toContain("تأیید پرونده و ثبت امتیاز نهایی");
  expect(screen.getByRole("heading", { name: /بازگرداندن/ })).toBeInTheDocument();
});

test("submitted: only the start of the review; objected: only the objection decision", () => {
  const { unmount } = panel("SUBMITTED");
  expect(buttons()).toContain("شروع بررسی");
  expect(buttons()).not.toContain("تأیید پرونده و ثبت امتیاز نهایی");
  unmount();
  panel("OBJECTED");
  expect(screen.getByRole("heading", { name: "تصمیم درباره اعتراض" })).toBeInTheDocument();
  expect(buttons()).not.toContain("تأیید پرونده و ثبت امتیاز نهایی");
});

test("not the assignee: no decision at all, only taking the file", () => {
  panel("IN_REVIEW", { mine: false });
  expect(buttons()).toEqual(["برداشتن پرونده برای رسیدگی"]);
});

test("a final file needs nothing from the region", () => {
  panel("FINAL", { moves: availableTransitions("FINAL", "EXPERT") });
  expect(buttons()).toEqual([]);
  expect(screen.getByText("این پرونده اکنون کاری از سوی منطقه لازم ندارد.")).toBeInTheDocument();
});
