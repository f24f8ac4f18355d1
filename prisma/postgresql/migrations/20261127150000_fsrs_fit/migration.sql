-- CreateTable
CREATE TABLE "FitJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "activeKey" TEXT,
    "status" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "paramsBefore" TEXT,
    "paramsAfter" TEXT,
    "metrics" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FitJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FitJob_activeKey_key" ON "FitJob"("activeKey");

-- CreateIndex
CREATE INDEX "FitJob_userId_createdAt_idx" ON "FitJob"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "FitJob" ADD CONSTRAINT "FitJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
