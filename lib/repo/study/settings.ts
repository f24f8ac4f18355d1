import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { studySettingsSchema, type StudySettings } from "@/lib/srs/study-settings";
import { listTags } from "../deck";

const pausedTagList = z.array(z.string());

export type QueueContext = { settings: StudySettings; pausedTags: string[]; studyEpoch: number };

/** A user's scheduling settings and what they took out of study (topics, tags). */
export function settingsRoom(db: Db, userId: string) {
  async function queueContext(): Promise<QueueContext> {
    const row = await db.userSettings.findUnique({ where: { userId } });
    if (!row) throw new AppError("NOT_FOUND", "no settings for this user");
    const settings = studySettingsSchema.parse({
      desiredRetention: row.desiredRetention,
      maximumInterval: row.maximumInterval,
      newCardsPerDay: row.newCardsPerDay,
      reviewsPerDay: row.reviewsPerDay,
      learningSteps: JSON.parse(row.learningSteps),
      relearningSteps: JSON.parse(row.relearningSteps),
      fuzz: row.fuzz,
      dayStartHour: row.dayStartHour,
      timeZone: row.timeZone,
      fsrsParams: row.fsrsParams ? JSON.parse(row.fsrsParams) : null,
    });
    return {
      settings,
      pausedTags: pausedTagList.parse(JSON.parse(row.pausedTags)),
      studyEpoch: row.studyEpoch,
    };
  }

  return {
    async settings(): Promise<StudySettings> {
      return (await queueContext()).settings;
    },

    /** Settings, paused tags and the study epoch (lib/repo/fresh-cards.ts) in one read. */
    queueContext,

    async updateSettings(settings: StudySettings): Promise<void> {
      const data = {
        desiredRetention: settings.desiredRetention,
        maximumInterval: settings.maximumInterval,
        newCardsPerDay: settings.newCardsPerDay,
        reviewsPerDay: settings.reviewsPerDay,
        learningSteps: JSON.stringify(settings.learningSteps),
        relearningSteps: JSON.stringify(settings.relearningSteps),
        fuzz: settings.fuzz,
        dayStartHour: settings.dayStartHour,
        timeZone: settings.timeZone,
        fsrsParams: settings.fsrsParams ? JSON.stringify(settings.fsrsParams) : null,
      };
      await db.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    },

    async pausedTopics(): Promise<Set<string>> {
      const rows = await db.userTopic.findMany({
        where: { userId, paused: true },
        select: { topicId: true },
      });
      return new Set(rows.map((r) => r.topicId));
    },

    /** Takes a topic out of study (or back in); its cards keep their schedules. */
    async setTopicPaused(topicId: string, paused: boolean): Promise<void> {
      if ((await db.topic.count({ where: { id: topicId, retiredAt: null } })) === 0) {
        throw new AppError("NOT_FOUND", `topic "${topicId}" not found`);
      }
      await db.$transaction([
        db.userTopic.upsert({
          where: { userId_topicId: { userId, topicId } },
          create: { userId, topicId, paused },
          update: { paused },
        }),
        db.userSettings.update({ where: { userId }, data: { studyEpoch: { increment: 1 } } }),
      ]);
    },

    /** Tags whose cards this user took out of study. */
    async pausedTags(): Promise<string[]> {
      const row = await db.userSettings.findUnique({ where: { userId }, select: { pausedTags: true } });
      return row ? pausedTagList.parse(JSON.parse(row.pausedTags)) : [];
    },

    /** Replaces the set of tags whose cards are out of study; every tag must exist in the live deck. */
    async setPausedTags(tags: readonly string[]): Promise<void> {
      const known = new Set((await listTags(db)).map((t) => t.tag));
      const unknown = tags.filter((tag) => !known.has(tag));
      if (unknown.length > 0) {
        throw new AppError("NOT_FOUND", `no card is tagged ${unknown.map((t) => `"${t}"`).join(", ")}`);
      }
      await db.userSettings.update({
        where: { userId },
        data: { pausedTags: JSON.stringify([...new Set(tags)].sort()), studyEpoch: { increment: 1 } },
      });
    },
  };
}
