// What the licence registry already knows, offered as the starting values of a step the
// holder has not touched yet (the holder checks and corrects them).
import type { Licence, Office, User } from "@/lib/generated/prisma/client";
import { formatJalaliDate } from "@/lib/format/jalali";
import { toAsciiDigits } from "@/lib/validation/normalize";
import { emptyValues, type StepValues } from "@/lib/declaration/forms/field-spec";
import { formStep } from "@/lib/declaration/forms";

const jalali = (d: Date) => toAsciiDigits(formatJalaliDate(d));

export function registryPrefill(step: number, office: Office, holder: User, licence: Licence | null): StepValues {
  switch (step) {
    case 2:
      return office.personType === "REAL"
        ? {
            firstName: holder.firstName,
            lastName: holder.lastName,
            nationalId: holder.nationalId,
            mobile: holder.mobile ?? "",
            email: holder.email ?? "",
          }
        : {};
    case 3:
      return {
        personType: office.personType,
        officeType: office.type,
        ...(licence
          ? { licenceNumber: licence.number, licenceIssuedAt: jalali(licence.issuedAt), licenceExpiresAt: jalali(licence.expiresAt) }
          : {}),
      };
    case 5:
      return {
        provinceId: String(office.provinceId),
        city: office.city,
        address: office.address,
        postalCode: office.postalCode ?? "",
        mobile: holder.mobile ?? "",
      };
    default:
      return {};
  }
}

/** The form's values: what was saved, or else the registry's, over an empty form. */
export function initialStepValues(
  step: number,
  saved: StepValues | undefined,
  prefill: StepValues,
): { values: StepValues; prefilled: boolean } {
  const form = formStep(step);
  const empty = form ? emptyValues(form.fields) : {};
  if (saved) return { values: { ...empty, ...saved }, prefilled: false };
  return { values: { ...empty, ...prefill }, prefilled: Object.keys(prefill).length > 0 };
}
