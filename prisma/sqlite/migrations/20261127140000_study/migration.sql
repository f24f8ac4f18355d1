-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN "maximumInterval" INTEGER NOT NULL DEFAULT 36500;
ALTER TABLE "UserSettings" ADD COLUMN "learningSteps" TEXT NOT NULL DEFAULT '["1m","10m"]';
ALTER TABLE "UserSettings" ADD COLUMN "relearningSteps" TEXT NOT NULL DEFAULT '["10m"]';
ALTER TABLE "UserSettings" ADD COLUMN "fuzz" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "CardState" ADD COLUMN "buriedUntil" DATETIME;
ALTER TABLE "CardState" ADD COLUMN "flagged" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "previous" TEXT;

-- CreateTable
CREATE TABLE "UserTopic" (
    "userId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("userId", "topicId"),
    CONSTRAINT "UserTopic_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
