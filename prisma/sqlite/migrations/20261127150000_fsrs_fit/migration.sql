-- CreateTable
CREATE TABLE "FitJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "activeKey" TEXT,
    "status" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "paramsBefore" TEXT,
    "paramsAfter" TEXT,
    "metrics" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL,
    CONSTRAINT "FitJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FitJob_activeKey_key" ON "FitJob"("activeKey");

-- CreateIndex
CREATE INDEX "FitJob_userId_createdAt_idx" ON "FitJob"("userId", "createdAt");
