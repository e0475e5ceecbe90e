-- Tournaments (issue 17): completion (final places and prizes), match durations, search.
-- AlterTable
ALTER TABLE "tournament_entries" ADD COLUMN     "placement" INTEGER,
ADD COLUMN     "prize" INTEGER;

-- AlterTable
ALTER TABLE "tournament_matches" ADD COLUMN     "ready_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "tournaments" ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "search_vector" tsvector;

-- CreateIndex
CREATE INDEX "tournaments_search_vector_idx" ON "tournaments" USING GIN ("search_vector");

-- Matches already open started when they were written.
UPDATE "tournament_matches" SET "ready_at" = "created_at" WHERE "status" <> 'PENDING';

-- The search vector follows the name and description (Prisma does not model triggers).
CREATE FUNCTION tournaments_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('simple', coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(NEW.description, '')), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER tournaments_search_vector BEFORE INSERT OR UPDATE OF name, description ON "tournaments"
  FOR EACH ROW EXECUTE FUNCTION tournaments_search_vector();

UPDATE "tournaments" SET "name" = "name";
