-- AlterTable
ALTER TABLE "Fulfillment" ADD COLUMN     "sourceUpdatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "InboundEvent" ADD COLUMN     "integrationId" UUID,
ADD COLUMN     "topic" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "sourceUpdatedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "InboundEvent_integrationId_receivedAt_id_idx" ON "InboundEvent"("integrationId", "receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "OrderItem_workspaceId_sku_idx" ON "OrderItem"("workspaceId", "sku");

-- AddForeignKey
ALTER TABLE "InboundEvent" ADD CONSTRAINT "InboundEvent_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "CommerceIntegration"("id") ON DELETE SET NULL ON UPDATE CASCADE;
