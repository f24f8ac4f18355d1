import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertSameOrigin, jsonRoute, readJson } from "@/lib/http/json-route";
import { cardActions } from "@/lib/repo/study";
import { applyCardAction } from "@/lib/review/card-action";
import { requireApiUser } from "@/lib/web/session";

const body = z
  .object({ action: z.enum(cardActions, { message: `action must be one of ${cardActions.join(", ")}` }) })
  .strict();

/** Suspend, unsuspend, bury until tomorrow, flag, unflag or reset one of the caller's cards. */
export const POST = jsonRoute(async (request, context: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const { session } = await requireApiUser();
  const { id } = await context.params;
  const { action } = await readJson(request, body);
  await applyCardAction({ db: db(), userId: session.userId, cardId: id, action, now: new Date() });
  return NextResponse.json({ cardId: id, action });
});
