-- AlterTable
ALTER TABLE "analytics_players" ADD COLUMN     "country" TEXT,
ADD COLUMN     "platform" TEXT;

-- CreateTable
CREATE TABLE "analytics_experiments" (
    "key" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "variants" JSONB NOT NULL,
    "goals" TEXT[],
    "targeting" JSONB NOT NULL DEFAULT '{}',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "analytics_experiments_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "analytics_experiment_exposures" (
    "experiment_key" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "variant" TEXT NOT NULL,
    "exposed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_experiment_exposures_pkey" PRIMARY KEY ("experiment_key","user_id")
);

-- CreateTable
CREATE TABLE "analytics_experiment_conversions" (
    "experiment_key" TEXT NOT NULL,
    "goal" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "variant" TEXT NOT NULL,
    "converted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_experiment_conversions_pkey" PRIMARY KEY ("experiment_key","goal","user_id")
);

-- CreateTable
CREATE TABLE "analytics_player_levels" (
    "user_id" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "leveled_up_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "analytics_player_levels_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "analytics_viewer_roles" (
    "user_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "analytics_viewer_roles_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "analytics_custom_event_names" (
    "name" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_custom_event_names_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "analytics_custom_events" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "user_id" UUID,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "analytics_custom_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics_custom_event_hours" (
    "name" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "analytics_custom_event_hours_pkey" PRIMARY KEY ("name","hour")
);

