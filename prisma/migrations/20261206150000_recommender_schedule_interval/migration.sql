-- The recommender's schedule keeps the interval its last claim was made with, so a replica with a
-- shorter interval takes the run early by comparing intervals, not due times: two replicas with the
-- same interval could both win when the due times were compared (the shortest configured interval
-- still wins). Null for a row written before: any claim may take it.

-- AlterTable
ALTER TABLE "analytics_recommender_schedule" ADD COLUMN "interval_ms" INTEGER;
