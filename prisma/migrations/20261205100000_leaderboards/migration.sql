-- CreateEnum
CREATE TYPE "LeaderboardSortOrder" AS ENUM ('DESC', 'ASC');

-- CreateEnum
CREATE TYPE "LeaderboardOperator" AS ENUM ('BEST', 'SET', 'INCREMENT', 'DECREMENT');

-- CreateTable
CREATE TABLE "leaderboards" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sort_order" "LeaderboardSortOrder" NOT NULL,
    "operator" "LeaderboardOperator" NOT NULL,
    "reset_schedule" TEXT,
    "follows" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leaderboards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leaderboard_periods" (
    "id" UUID NOT NULL,
    "leaderboard_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "leaderboard_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leaderboard_records" (
    "period_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "subscore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "seq" BIGSERIAL NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "submissions" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leaderboard_records_pkey" PRIMARY KEY ("period_id","user_id")
);

-- CreateTable
CREATE TABLE "leaderboard_submissions" (
    "leaderboard_id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leaderboard_submissions_pkey" PRIMARY KEY ("leaderboard_id","submission_id")
);

-- CreateTable
CREATE TABLE "leaderboard_guild_members" (
    "user_id" UUID NOT NULL,
    "guild_id" UUID NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leaderboard_guild_members_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "leaderboard_periods_leaderboard_id_number_key" ON "leaderboard_periods"("leaderboard_id", "number");

-- CreateIndex
CREATE INDEX "leaderboard_guild_members_guild_id_idx" ON "leaderboard_guild_members"("guild_id");

-- AddForeignKey
ALTER TABLE "leaderboard_periods" ADD CONSTRAINT "leaderboard_periods_leaderboard_id_fkey" FOREIGN KEY ("leaderboard_id") REFERENCES "leaderboards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leaderboard_records" ADD CONSTRAINT "leaderboard_records_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "leaderboard_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

