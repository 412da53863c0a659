import type { Actor } from "../auth/actor";
import type { Prisma } from "../db/generated/client";
import { attachmentMessageMaxBytes } from "../lib/attachment-store";
import { AppError } from "../lib/errors";
import { formatLimit } from "./limits";

type Tx = Prisma.TransactionClient;

/**
 * Claims the actor's own pending uploads for the message being written in `tx` and returns them as the message's
 * nested Attachment rows. It runs in the message's transaction: if anything later fails (a soft-lock CONFLICT, a
 * rollback), the claim rolls back too and the composer can send the same files again. The conditional UPDATE is the
 * claim-once guarantee: two concurrent sends of one upload serialise on its row and the second finds it claimed.
 */
export async function claimUploads(
  tx: Tx,
  actor: Actor,
  uploadIds: readonly string[],
): Promise<Prisma.AttachmentUncheckedCreateWithoutMessageInput[]> {
  if (uploadIds.length === 0) return [];
  const ids = [...new Set(uploadIds)];
  const now = new Date();
  const claimed = await tx.upload.updateManyAndReturn({
    where: { id: { in: ids }, workspaceId: actor.workspaceId, userId: actor.userId, claimedAt: null },
    data: { claimedAt: now },
    select: { id: true, filename: true, contentType: true, size: true, storageKey: true, sha256: true },
  });
  if (claimed.length !== ids.length) {
    // only on the error path: say why, without telling anyone about uploads that are not theirs
    const mine = await tx.upload.count({
      where: { id: { in: ids }, workspaceId: actor.workspaceId, userId: actor.userId, claimedAt: { not: null } },
    });
    if (mine > 0) throw new AppError("BAD_REQUEST", "A file was already sent with another message. Attach it again.");
    throw new AppError("NOT_FOUND", "An attached file was not found (it may have expired). Attach it again.");
  }
  const total = claimed.reduce((sum, u) => sum + u.size, 0);
  const max = attachmentMessageMaxBytes();
  if (total > max) throw new AppError("PAYLOAD_TOO_LARGE", `The attachments together are too large (at most ${formatLimit(max)})`);
  const byId = new Map(claimed.map((u) => [u.id, u]));
  return ids.flatMap((id, i) => {
    const u = byId.get(id);
    if (!u) return [];
    return [
      {
        workspaceId: actor.workspaceId,
        filename: u.filename,
        contentType: u.contentType,
        size: u.size,
        storageKey: u.storageKey,
        sha256: u.sha256,
        // the send job and the thread list attachments by createdAt: keep the order the agent attached them in
        createdAt: new Date(now.getTime() + i),
      },
    ];
  });
}
