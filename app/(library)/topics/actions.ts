"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { studyScope } from "@/lib/repo/study";
import { requireUser } from "@/lib/web/session";

const input = z.object({ topicId: z.string().min(1).max(80), paused: z.enum(["true", "false"]) });

/** Pauses or resumes a topic for the signed-in user's reviews. */
export async function setTopicPausedAction(formData: FormData): Promise<void> {
  const { session } = await requireUser();
  const parsed = input.safeParse({ topicId: formData.get("topicId"), paused: formData.get("paused") });
  if (!parsed.success) return;
  await studyScope(db(), session.userId).setTopicPaused(parsed.data.topicId, parsed.data.paused === "true");
  revalidatePath("/topics");
}
