-- ─── Written by hand: message search with English stemming ───
-- The init trigger used the 'simple' config, so "shipping" never found "shipped". Queries
-- (server/search/search.repository.ts) use the same 'english' config for websearch_to_tsquery and ts_headline.
CREATE OR REPLACE FUNCTION message_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := to_tsvector('english', left(coalesce(NEW."text", ''), 200000));
  RETURN NEW;
END $$;

UPDATE "Message" SET "search" = to_tsvector('english', left(coalesce("text", ''), 200000));

-- Search results are newest first, keyset on (createdAt, id): for a common term the planner can walk this
-- index and stop after one page instead of fetching and sorting every match from the GIN index.
-- CreateIndex
CREATE INDEX "Message_workspaceId_createdAt_id_idx" ON "Message"("workspaceId", "createdAt" DESC, "id" DESC);
