import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { assertSameOrigin, jsonRoute } from "@/lib/http/json-route";
import { withRetryAfter } from "@/lib/http/retry-after";
import { fitStatus } from "@/lib/optimizer/fit-status";
import { runFit } from "@/lib/optimizer/run-fit";
import { startFit } from "@/lib/optimizer/start-fit";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { requireApiUser } from "@/lib/web/session";

export const dynamic = "force-dynamic";

/** The signed-in user's review count, parameters and latest fit job (from any instance). */
export const GET = jsonRoute(async () => {
  const { session } = await requireApiUser();
  return NextResponse.json(await fitStatus({ db: db(), userId: session.userId, now: new Date() }));
});

/**
 * Starts fitting in the background on this instance (202 with the job to poll), or
 * returns the job already queued or running (200). Below the minimum history: 409; too
 * many starts: 429 with Retry-After.
 */
export const POST = jsonRoute(
  withRetryAfter(async (request) => {
    assertSameOrigin(request);
    const { session } = await requireApiUser();
    const now = new Date();
    await enforceRateLimit({ db: db(), action: "optimizerRun", subject: session.userId, now });
    const { job, created } = await startFit({ db: db(), userId: session.userId, now });
    if (created) {
      // Runs after the response on this long-lived server process (waiting "queued" for a
      // worker slot when MAX_CONCURRENT_FITS are busy); runFit records its own failures.
      void runFit({ db: db(), userId: session.userId, jobId: job.id });
    }
    return NextResponse.json({ job }, { status: created ? 202 : 200 });
  }),
);
