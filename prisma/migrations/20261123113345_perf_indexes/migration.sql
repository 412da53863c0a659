-- DropIndex
DROP INDEX "Conversation_workspaceId_status_priority_lastMessageAt_id_idx";

-- CreateIndex
CREATE INDEX "Conversation_workspaceId_status_priority_lastMessageAt_id_idx" ON "Conversation"("workspaceId", "status", "priority" DESC, "lastMessageAt" DESC, "id" DESC);
