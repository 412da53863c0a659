-- CreateIndex
CREATE INDEX "Notification_userId_workspaceId_createdAt_id_idx" ON "Notification"("userId", "workspaceId", "createdAt" DESC, "id" DESC);
