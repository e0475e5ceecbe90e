-- AlterTable
ALTER TABLE "guilds" ADD COLUMN     "search_vector" tsvector;

-- CreateIndex
CREATE INDEX "guilds_search_vector_idx" ON "guilds" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "guilds_xp_id_idx" ON "guilds"("xp" DESC, "id");


-- The search vector follows the name, tag and description (Prisma does not model triggers).
CREATE FUNCTION guilds_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('simple', coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(NEW.tag, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(NEW.description, '')), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER guilds_search_vector BEFORE INSERT OR UPDATE OF name, tag, description ON "guilds"
  FOR EACH ROW EXECUTE FUNCTION guilds_search_vector();

UPDATE "guilds" SET "name" = "name";
