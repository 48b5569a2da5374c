"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/actions/define-action";
import { assertPermission } from "@/lib/authz/permissions";
import { startDeclaration } from "@/lib/declaration/start-declaration";

/** «شروع ثبت خوداظهاری»: opens (or returns) the holder's file of the open round and goes to it. */
export const startDeclarationAction = defineAction(
  z.void(),
  async (_input, who) => {
    assertPermission(who.caller, "declaration:edit:own");
    const { id } = await startDeclaration(db, who.actor);
    redirect(`/declarations/${id}`);
  },
  { name: "declaration.start-declaration" },
);
