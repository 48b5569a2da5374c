// Warnings about a rule set that is valid (RULESET.md) but that this system cannot fully
// feed: a criterion whose fact the wizard does not produce counts 0 for every office; a
// region-entered criterion other than the two the review page asks for can never be
// entered; choice values or checklist items that no form offers can never be chosen. Not
// errors — the tables are the regulator's, and the admin may approve them knowingly — but
// shown beside the validation report and on the approval page.
import type { RuleSet } from "@/lib/ranking";
import { declarationFacts } from "@/lib/declaration/facts";
import { EDUCATION_OPTIONS } from "@/lib/declaration/forms/step-2-responsible";
import { FACILITY_OPTIONS } from "@/lib/declaration/forms/step-3-office";

export type CoverageWarning = { path: string; message: string };

/** The facts the wizard and the review produce (the keys declarationFacts always returns). */
const KNOWN_FACTS = new Set(Object.keys(declarationFacts({ data: {}, staff: [] })));
const REGION_ENTERED_FACTS = new Set(["satisfactionScore", "associationScore"]);
/** Values a form offers, by fact name. */
const OFFERED: Record<string, ReadonlySet<string>> = {
  holderEducation: new Set(EDUCATION_OPTIONS.map((o) => o.value)),
  facilities: new Set(FACILITY_OPTIONS.map((o) => o.value)),
};

export function ruleSetCoverageWarnings(rs: RuleSet): CoverageWarning[] {
  const warnings: CoverageWarning[] = [];
  rs.criteria.forEach((c, i) => {
    const at = `criteria[${i}]`;
    if (c.kind === "regionEntered") {
      if (!REGION_ENTERED_FACTS.has(c.fact)) {
        warnings.push({
          path: `${at}.fact`,
          message: `صفحه بررسی منطقه فقط «satisfactionScore» و «associationScore» را وارد می‌کند؛ معیار «${c.title}» (fact: ${c.fact}) همیشه صفر می‌ماند.`,
        });
      }
      return;
    }
    if (!KNOWN_FACTS.has(c.fact) || c.fact === "violations" || REGION_ENTERED_FACTS.has(c.fact)) {
      warnings.push({
        path: `${at}.fact`,
        message: `سامانه مقدار «${c.fact}» را از خوداظهاری به دست نمی‌آورد؛ معیار «${c.title}» برای همه دفاتر صفر می‌شود.`,
      });
      return;
    }
    const offered = OFFERED[c.fact];
    const keys = c.kind === "choice" ? Object.keys(c.choices) : c.kind === "checklist" ? Object.keys(c.items) : [];
    if (offered) {
      for (const k of keys) {
        if (!offered.has(k)) {
          warnings.push({
            path: `${at}.${c.kind === "choice" ? "choices" : "items"}.${k}`,
            message: `فرم خوداظهاری گزینه «${k}» را ندارد؛ امتیاز آن در معیار «${c.title}» هرگز داده نمی‌شود.`,
          });
        }
      }
    }
  });
  return warnings;
}
