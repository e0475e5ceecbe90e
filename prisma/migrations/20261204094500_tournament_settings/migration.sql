-- Tournaments (issue 17): format options, end time, prize pool, minimum level, rules, and the
-- organizer's idempotency key for createTournament.
-- AlterTable
ALTER TABLE "tournaments" ADD COLUMN     "best_of" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "ends_at" TIMESTAMPTZ(3),
ADD COLUMN     "grand_final_reset" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ladder_range" INTEGER,
ADD COLUMN     "minimum_level" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "prize_fee_share" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "prize_fixed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "prize_split" INTEGER[] DEFAULT ARRAY[100]::INTEGER[],
ADD COLUMN     "request_key" TEXT,
ADD COLUMN     "rules" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "swiss_rounds" INTEGER,
ADD COLUMN     "third_place_match" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "tournaments_created_by_request_key_key" ON "tournaments"("created_by", "request_key");

