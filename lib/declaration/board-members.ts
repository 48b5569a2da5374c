import type { z } from "zod";
import type { boardMember } from "@/lib/declaration/forms/step-4-legal";
import { rowList } from "@/lib/declaration/row-list";

/** Step 4's board of directors (legal persons only). */
const boardList = rowList<z.output<typeof boardMember>>({
  step: 4,
  table: (tx) => tx.boardMember,
  targetType: "BoardMember",
  audit: {
    added: "declaration.board_member_added",
    updated: "declaration.board_member_updated",
    removed: "declaration.board_member_removed",
  },
  duplicateMessage: "این کد ملی قبلاً در فهرست اعضای هیئت مدیره ثبت شده است.",
  notHereMessage: "این عضو در فهرست هیئت مدیره پرونده شما نیست.",
  columns: (m) => ({ ...m, mobile: m.mobile ?? null }),
});

export const addBoardMember = boardList.add;
export const updateBoardMember = boardList.update;
export const removeBoardMember = boardList.remove;
