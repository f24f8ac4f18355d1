import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { checkDatabase } from "@/lib/repo/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the e2e harness. */
export async function GET() {
  const ok = await checkDatabase(db());
  return NextResponse.json({ status: ok ? "ok" : "degraded", database: ok }, { status: ok ? 200 : 503 });
}
