-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN "pausedTags" TEXT NOT NULL DEFAULT '[]';
