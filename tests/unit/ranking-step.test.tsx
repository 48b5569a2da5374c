/**
 * @jest-environment jsdom
 */
// Step 8 on a phone: twenty-odd violations answered «خیر» in one tap (each still its own answer,
// changeable and autosaved), big tap targets, and a count of what is left with a jump to it.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { RankingStep } from "@/components/wizard/ranking-step";
import { answerField } from "@/lib/declaration/forms/step-8-ranking";
import { DeclarationVersionProvider } from "@/components/wizard/version-context";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn(), push: jest.fn() }) }));
const mockSave = jest.fn(async (input: { version: number }) => ({
  ok: true,
  data: { version: input.version + 1, stepStatus: {}, values: {} },
}));
jest.mock("@/lib/actions/declaration/save-ranking-step", () => ({ saveRankingAction: (i: { version: number }) => mockSave(i) }));
jest.mock("@/lib/actions/declaration/save-step", () => ({ saveStepAction: jest.fn() }));

const violations = Array.from({ length: 23 }, (_, k) => ({ code: `v${k + 1}`, title: `تخلف نمونه ${k + 1}`, points: 2 }));

function renderStep() {
  return render(
    <DeclarationVersionProvider version={3}>
      <RankingStep
        declarationId="d1"
        readOnly={false}
        violations={violations}
        positive={{ rows: [], points: 40, max: 100 }}
        defaultValues={{ positiveConfirmed: false, negativeConfirmed: false }}
        positiveChanged={false}
      />
    </DeclarationVersionProvider>,
  );
}

const noRadios = () => screen.getAllByRole("radio", { name: "خیر" }) as HTMLInputElement[];

beforeEach(() => {
  jest.useFakeTimers();
  mockSave.mockClear();
});
afterEach(() => jest.useRealTimers());

test("one tap answers every item «خیر»; each stays changeable, and the change autosaves", async () => {
  renderStep();
  expect(screen.getByText(/۲۳ مورد از ۲۳ مورد هنوز پاسخ داده نشده است/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "هیچ‌یک از این موارد را نداشته‌ام" }));
  expect(noRadios().every((r) => r.checked)).toBe(true);
  expect(screen.queryByText(/هنوز پاسخ داده نشده است/)).toBeNull();
  fireEvent.click(screen.getAllByRole("radio", { name: "بله" })[4]!);
  expect(noRadios()[4]!.checked).toBe(false);
  expect(screen.getAllByLabelText("شرح تخلف")).toHaveLength(1);
  await act(async () => {
    jest.advanceTimersByTime(3000);
  });
  expect(mockSave).toHaveBeenCalled();
  const sent = mockSave.mock.calls.at(-1)![0] as unknown as { values: Record<string, string> };
  expect(sent.values[answerField(1)]).toBe("no");
  expect(sent.values[answerField(5)]).toBe("yes");
});

test("what is left is counted and the first unanswered item is one tap away", () => {
  renderStep();
  fireEvent.click(noRadios()[0]!);
  fireEvent.click(noRadios()[1]!);
  fireEvent.click(screen.getByRole("button", { name: /رفتن به نخستین مورد بی‌پاسخ \(مورد ۳\)/ }));
  const focused = document.activeElement as HTMLInputElement;
  expect([focused.type, focused.name]).toEqual(["radio", answerField(3)]);
  expect(screen.getByText(/۲۱ مورد از ۲۳ مورد/)).toBeInTheDocument();
});

test("every answer is a label of at least 44 px to tap", () => {
  renderStep();
  for (const radio of screen.getAllByRole("radio")) expect(radio.closest("label")!.className).toMatch(/min-h-11/);
});
