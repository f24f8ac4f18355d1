import { z } from "zod";
import { retentionPeriods, type RetentionPeriod } from "@/lib/stats";

export const DEFAULT_PERIOD: RetentionPeriod = "week";

const periodParam = z.enum(retentionPeriods).catch(DEFAULT_PERIOD);

/** The retention view asked for in `?period=`; anything else (missing, repeated, unknown) is the default. */
export function parsePeriod(params: Record<string, string | string[] | undefined>): RetentionPeriod {
  return periodParam.parse(params.period);
}
