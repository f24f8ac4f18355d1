-- AlterTable
ALTER TABLE "Card" ADD COLUMN "concepts" TEXT NOT NULL DEFAULT '[]';
