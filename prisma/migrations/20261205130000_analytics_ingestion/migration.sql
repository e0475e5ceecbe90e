-- CreateTable
CREATE TABLE "analytics_sessions" (
    "user_id" UUID NOT NULL,
    "session_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "events" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_sessions_pkey" PRIMARY KEY ("user_id","session_id")
);

-- CreateTable
CREATE TABLE "analytics_players" (
    "user_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "analytics_players_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "analytics_player_event_counts" (
    "user_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "analytics_player_event_counts_pkey" PRIMARY KEY ("user_id","event_type")
);

-- CreateTable
CREATE TABLE "analytics_daily_rollups" (
    "day" DATE NOT NULL,
    "event_type" TEXT NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "analytics_daily_rollups_pkey" PRIMARY KEY ("day","event_type")
);

-- CreateTable
CREATE TABLE "analytics_daily_players" (
    "day" DATE NOT NULL,
    "user_id" UUID NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "analytics_daily_players_pkey" PRIMARY KEY ("day","user_id")
);

-- CreateTable
CREATE TABLE "analytics_window_slices" (
    "slice_start" TIMESTAMPTZ(3) NOT NULL,
    "event_type" TEXT NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "analytics_window_slices_pkey" PRIMARY KEY ("slice_start","event_type")
);

-- CreateIndex
CREATE INDEX "analytics_sessions_last_event_at_idx" ON "analytics_sessions"("last_event_at");

-- CreateIndex
CREATE INDEX "analytics_players_first_seen_at_idx" ON "analytics_players"("first_seen_at");

-- CreateIndex
CREATE INDEX "analytics_daily_players_user_id_day_idx" ON "analytics_daily_players"("user_id", "day");


-- AlterTable
ALTER TABLE "analytics_events" ADD COLUMN     "context" JSONB,
ADD COLUMN     "session_id" TEXT;
