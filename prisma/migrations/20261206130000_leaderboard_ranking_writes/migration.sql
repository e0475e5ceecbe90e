-- CreateTable
CREATE TABLE "leaderboard_ranking_writes" (
    "id" BIGSERIAL NOT NULL,
    "period_id" UUID NOT NULL,
    "user_ids" UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leaderboard_ranking_writes_pkey" PRIMARY KEY ("id")
);
