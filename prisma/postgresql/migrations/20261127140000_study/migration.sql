-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN "maximumInterval" INTEGER NOT NULL DEFAULT 36500,
ADD COLUMN "learningSteps" TEXT NOT NULL DEFAULT '["1m","10m"]',
ADD COLUMN "relearningSteps" TEXT NOT NULL DEFAULT '["10m"]',
ADD COLUMN "fuzz" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "CardState" ADD COLUMN "buriedUntil" TIMESTAMP(3),
ADD COLUMN "flagged" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "previous" TEXT;

-- CreateTable
CREATE TABLE "UserTopic" (
    "userId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "UserTopic_pkey" PRIMARY KEY ("userId","topicId")
);

-- AddForeignKey
ALTER TABLE "UserTopic" ADD CONSTRAINT "UserTopic_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserTopic" ADD CONSTRAINT "UserTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
