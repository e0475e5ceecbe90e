-- Each room remembers the position of its newest message, read and moved under the room's lock by
-- every send: a live messageAdded event carries the position before it (`previous`), so a
-- subscriber receiving two commits' publishes in either order sends them in order, and fills a
-- gap from storage. NULL for a room without messages.
ALTER TABLE "chat_rooms" ADD COLUMN "last_seq" BIGINT;

UPDATE "chat_rooms" r SET "last_seq" = m.last_seq
FROM (SELECT "room_id", max("seq") AS last_seq FROM "chat_messages" GROUP BY "room_id") m
WHERE m."room_id" = r."id";
