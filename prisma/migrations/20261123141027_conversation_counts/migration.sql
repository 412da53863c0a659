-- CreateTable
CREATE TABLE "ConversationCount" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,
    "status" "ConversationStatus" NOT NULL,
    "teamId" UUID,
    "assigneeId" UUID,
    "channelId" UUID NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ConversationCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationCount_workspaceId_idx" ON "ConversationCount"("workspaceId");

-- AddForeignKey
ALTER TABLE "ConversationCount" ADD CONSTRAINT "ConversationCount_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Delta rows, one per bucket a statement changed: statement-level triggers with transition tables add +n/−n rows
-- (no row of "ConversationCount" is ever updated by a write, so concurrent writers never wait on each other).
-- Updates that leave every bucket column alone (lastMessageAt, preview…) add nothing.
CREATE FUNCTION conversation_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ConversationCount" ("workspaceId", "status", "teamId", "assigneeId", "channelId", "n")
  SELECT "workspaceId", "status", "teamId", "assigneeId", "channelId", count(*)::int
  FROM new_rows GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END $$;

CREATE FUNCTION conversation_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a workspace being deleted takes its counts with it (the cascade already removed them)
  INSERT INTO "ConversationCount" ("workspaceId", "status", "teamId", "assigneeId", "channelId", "n")
  SELECT o."workspaceId", o."status", o."teamId", o."assigneeId", o."channelId", -count(*)::int
  FROM old_rows o
  WHERE EXISTS (SELECT 1 FROM "Workspace" w WHERE w."id" = o."workspaceId")
  GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END $$;

CREATE FUNCTION conversation_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ConversationCount" ("workspaceId", "status", "teamId", "assigneeId", "channelId", "n")
  SELECT ws, st, team, assignee, channel, sum(d)::int
  FROM (
    SELECT o."workspaceId" AS ws, o."status" AS st, o."teamId" AS team, o."assigneeId" AS assignee, o."channelId" AS channel, -1 AS d
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE (o."workspaceId", o."status", o."teamId", o."assigneeId", o."channelId")
      IS DISTINCT FROM (n."workspaceId", n."status", n."teamId", n."assigneeId", n."channelId")
    UNION ALL
    SELECT n."workspaceId", n."status", n."teamId", n."assigneeId", n."channelId", 1
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE (o."workspaceId", o."status", o."teamId", o."assigneeId", o."channelId")
      IS DISTINCT FROM (n."workspaceId", n."status", n."teamId", n."assigneeId", n."channelId")
  ) x
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d) <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER conversation_counts_insert AFTER INSERT ON "Conversation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_counts_insert();
CREATE TRIGGER conversation_counts_delete AFTER DELETE ON "Conversation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_counts_delete();
CREATE TRIGGER conversation_counts_update AFTER UPDATE ON "Conversation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_counts_update();

-- what exists already
INSERT INTO "ConversationCount" ("workspaceId", "status", "teamId", "assigneeId", "channelId", "n")
SELECT "workspaceId", "status", "teamId", "assigneeId", "channelId", count(*)::int
FROM "Conversation" GROUP BY 1, 2, 3, 4, 5;
