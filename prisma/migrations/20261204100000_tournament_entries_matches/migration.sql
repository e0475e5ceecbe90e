-- Tournaments (issue 17): registrations (one row per attempt: the entry fee's idempotency key) and
-- the bracket's matches, written when play starts.
-- CreateEnum
CREATE TYPE "TournamentEntryStatus" AS ENUM ('PENDING', 'ACTIVE', 'LEFT', 'DROPPED');

-- CreateTable
CREATE TABLE "tournament_entries" (
    "tournament_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" "TournamentEntryStatus" NOT NULL,
    "fee" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "seed" INTEGER,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tournament_entries_pkey" PRIMARY KEY ("tournament_id","user_id","attempt")
);

-- CreateTable
CREATE TABLE "tournament_matches" (
    "id" UUID NOT NULL,
    "tournament_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "source_a" JSONB NOT NULL,
    "source_b" JSONB NOT NULL,
    "player_a" UUID,
    "player_b" UUID,
    "conditional" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tournament_matches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tournament_entries_tournament_id_status_idx" ON "tournament_entries"("tournament_id", "status");

-- CreateIndex
CREATE INDEX "tournament_matches_tournament_id_side_round_position_idx" ON "tournament_matches"("tournament_id", "side", "round", "position");

-- CreateIndex
CREATE UNIQUE INDEX "tournament_matches_tournament_id_key_key" ON "tournament_matches"("tournament_id", "key");

