-- A prize pool's fixed part is paid by the tournament's creator (docs/decisions.md, "A prize pool's
-- fixed part is paid by its creator"). Tournaments created before keep 0: the platform funded them.

-- CreateEnum
CREATE TYPE "TournamentFundingStatus" AS ENUM ('PENDING', 'FAILED', 'DONE');

-- AlterTable
ALTER TABLE "tournaments" ADD COLUMN "prize_funded" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "tournament_fundings" (
    "id" UUID NOT NULL,
    "created_by" UUID NOT NULL,
    "request_key" TEXT,
    "settings" JSONB NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "TournamentFundingStatus" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tournament_fundings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tournament_fundings_created_by_request_key_key" ON "tournament_fundings"("created_by", "request_key");
