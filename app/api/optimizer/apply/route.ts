import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertSameOrigin, jsonRoute, readJson } from "@/lib/http/json-route";
import { withRetryAfter } from "@/lib/http/retry-after";
import { applyFit } from "@/lib/optimizer/apply-fit";
import { resetParameters } from "@/lib/optimizer/reset-parameters";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { requireApiUser } from "@/lib/web/session";

const body = z.union(
  [
    z.object({ jobId: z.string().uuid({ message: "jobId must be the id of a fit job" }) }).strict(),
    z.object({ defaults: z.literal(true) }).strict(),
  ],
  { message: 'expected {"jobId": "<uuid>"} or {"defaults": true}' },
);

/** Adopts a finished fit ({jobId}) or the default parameters ({defaults: true}) and reschedules every studied card. */
export const POST = jsonRoute(
  withRetryAfter(async (request) => {
    assertSameOrigin(request);
    const { session } = await requireApiUser();
    const input = await readJson(request, body);
    const common = { db: db(), userId: session.userId, now: new Date() };
    await enforceRateLimit({ ...common, action: "optimizerApply", subject: session.userId });
    if ("jobId" in input) return NextResponse.json(await applyFit({ ...common, jobId: input.jobId }));
    return NextResponse.json({ ...(await resetParameters(common)), params: null });
  }),
);
