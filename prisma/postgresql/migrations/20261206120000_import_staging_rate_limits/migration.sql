-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "key" TEXT NOT NULL,
    "windowIndex" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AccountImport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "activeKey" TEXT,
    "status" TEXT NOT NULL,
    "reviewLogs" INTEGER NOT NULL DEFAULT 0,
    "commitAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StagedReviewLog" (
    "importId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "previous" TEXT,

    CONSTRAINT "StagedReviewLog_pkey" PRIMARY KEY ("importId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountImport_activeKey_key" ON "AccountImport"("activeKey");

-- CreateIndex
CREATE INDEX "AccountImport_userId_idx" ON "AccountImport"("userId");

-- AddForeignKey
ALTER TABLE "AccountImport" ADD CONSTRAINT "AccountImport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
