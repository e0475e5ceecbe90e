-- Tournaments (issue 17): match results — status, winner, score, the players' reports and who decided.
-- CreateEnum
CREATE TYPE "TournamentMatchStatus" AS ENUM ('PENDING', 'READY', 'DISPUTED', 'COMPLETED', 'SKIPPED');

-- AlterTable
ALTER TABLE "tournament_matches" ADD COLUMN     "claim_a" JSONB,
ADD COLUMN     "claim_b" JSONB,
ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "decided_by" TEXT,
ADD COLUMN     "score" TEXT,
ADD COLUMN     "status" "TournamentMatchStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "winner_id" UUID;

