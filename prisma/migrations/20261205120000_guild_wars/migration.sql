-- CreateEnum
CREATE TYPE "GuildWarStatus" AS ENUM ('DECLARED', 'ACTIVE', 'ENDED');

-- CreateTable
CREATE TABLE "guild_wars" (
    "id" UUID NOT NULL,
    "attacker_id" UUID NOT NULL,
    "defender_id" UUID NOT NULL,
    "declared_by" UUID NOT NULL,
    "status" "GuildWarStatus" NOT NULL DEFAULT 'DECLARED',
    "declared_at" TIMESTAMPTZ(3) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "attacker_points" INTEGER NOT NULL DEFAULT 0,
    "defender_points" INTEGER NOT NULL DEFAULT 0,
    "winner_id" UUID,
    "rewarded_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "guild_wars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guild_war_scores" (
    "war_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "guild_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guild_war_scores_pkey" PRIMARY KEY ("war_id","event_id")
);

-- CreateIndex
CREATE INDEX "guild_wars_attacker_id_declared_at_id_idx" ON "guild_wars"("attacker_id", "declared_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "guild_wars_defender_id_declared_at_id_idx" ON "guild_wars"("defender_id", "declared_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "guild_wars_status_idx" ON "guild_wars"("status");

-- CreateIndex
CREATE INDEX "guild_war_scores_war_id_user_id_idx" ON "guild_war_scores"("war_id", "user_id");

-- AddForeignKey
ALTER TABLE "guild_war_scores" ADD CONSTRAINT "guild_war_scores_war_id_fkey" FOREIGN KEY ("war_id") REFERENCES "guild_wars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

