import { z } from "zod";

/** A user's scheduling settings, validated at every boundary (form, API, import). */
const step = z
  .string()
  .regex(/^\d+(\.\d+)?[mhd]$/, { message: 'expected a step like "1m", "10m", "1h" or "1d"' });

export const studySettingsSchema = z.object({
  desiredRetention: z
    .number()
    .min(0.7, "desired retention must be at least 0.70")
    .max(0.99, "desired retention must be at most 0.99"),
  maximumInterval: z.number().int().min(1).max(36500),
  newCardsPerDay: z.number().int().min(0).max(9999),
  reviewsPerDay: z.number().int().min(0).max(99999),
  learningSteps: z.array(step).max(10),
  relearningSteps: z.array(step).max(10),
  fuzz: z.boolean(),
  dayStartHour: z.number().int().min(0).max(23),
  timeZone: z.string().refine(isTimeZone, { message: "expected an IANA time zone such as Europe/Moscow" }),
  fsrsParams: z.array(z.number().finite()).min(17).max(21).nullable(),
});

export type StudySettings = z.infer<typeof studySettingsSchema>;

export const defaultStudySettings: StudySettings = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  newCardsPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  fuzz: true,
  dayStartHour: 4,
  timeZone: "UTC",
  fsrsParams: null,
};

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
