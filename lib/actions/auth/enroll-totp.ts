"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { confirmEnrolment } from "@/lib/auth/totp";
import { InvalidInputError } from "@/lib/errors/app-error";
import { toAsciiDigits } from "@/lib/validation/normalize";

export const enrollTotpSchema = z.object({
  token: z
    .string({ error: "کد ۶ رقمی برنامه را وارد کنید." })
    .max(32, { error: "کد ۶ رقمی برنامه را وارد کنید." })
    .transform((s) => toAsciiDigits(s).replace(/\s/g, ""))
    .refine((s) => /^\d{6}$/.test(s), { error: "کد ۶ رقمی برنامه را وارد کنید." }),
});

/** Turns the second factor on with a first code from the app; the recovery codes come back once. */
export const enrollTotpAction = defineAction(
  enrollTotpSchema,
  async (i, who) => {
    const result = await confirmEnrolment(db, who.actor, i.token);
    if (!result) throw new InvalidInputError({ token: "این کد درست نیست یا زمانش گذشته است. کد تازه برنامه را وارد کنید." });
    return result;
  },
  { allowMustEnrollTotp: true },
);
