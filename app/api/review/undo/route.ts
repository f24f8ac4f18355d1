import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, jsonRoute } from "@/lib/http/json-route";
import { undoReview } from "@/lib/review/undo-review";
import { requireApiUser } from "@/lib/web/session";

/** Undoes the caller's latest grade. */
export const POST = jsonRoute(async (request) => {
  assertSameOrigin(request);
  const { session } = await requireApiUser();
  const undone = await undoReview({ db: db(), userId: session.userId });
  if (!undone) throw new AppError("NOT_FOUND", "there is no review to undo");
  return NextResponse.json(undone);
});
