-- CreateIndex
CREATE INDEX "Conversation_customerId_createdAt_id_idx" ON "Conversation"("customerId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Customer_workspaceId_name_id_idx" ON "Customer"("workspaceId", "name", "id");

-- CreateIndex
CREATE INDEX "Order_workspaceId_fulfillmentStatus_idx" ON "Order"("workspaceId", "fulfillmentStatus");
