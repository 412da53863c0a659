import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createConversation, createCustomer, createWorkspaceWithRoles, type MemberFixture } from "../../../prisma/seed/factories";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../db/client";
import { findActor } from "../../workspaces/workspaces.repository";
import { handleUploadRequest } from "../upload-request";

/** Each test file stores attachment bytes in its own temporary directory (call before the store is first used). */
export function tempAttachmentDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sb-attachments-"));
  process.env.SWITCHBOARD_DATA_DIR = dir;
  return dir;
}

export async function actorOf(db: Db, m: MemberFixture): Promise<Actor> {
  const actor = await findActor(db, m.user.id, m.membership.workspaceId);
  if (!actor) throw new Error("no actor for member");
  return actor;
}

/** POST /api/attachments as the route handler receives it. */
export function uploadRequest(
  content: Buffer | string | ReadableStream<Uint8Array>,
  opts: { filename?: string | null; type?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { "content-type": opts.type ?? "application/octet-stream", ...opts.headers };
  if (opts.filename !== null) headers["x-filename"] ??= encodeURIComponent(opts.filename ?? "file.bin");
  const body =
    typeof content === "string" ? new TextEncoder().encode(content) : Buffer.isBuffer(content) ? new Uint8Array(content) : content;
  return new Request("http://local/api/attachments", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

export type UploadBody = { id: string; filename: string; contentType: string; size: number; error?: string };

/** Uploads through the real handler; returns the status and the JSON answer. */
export async function upload(
  db: Db,
  actor: Actor | null,
  content: Buffer | string | ReadableStream<Uint8Array>,
  opts: Parameters<typeof uploadRequest>[1] = {},
): Promise<{ status: number; body: UploadBody }> {
  const res = await handleUploadRequest(db, actor, uploadRequest(content, opts));
  return { status: res.status, body: (await res.json()) as UploadBody };
}

/** A workspace with every role and a Support email conversation (the volunteer is in Returns only). */
export async function supportConversation(db: Db) {
  const f = await createWorkspaceWithRoles(db);
  const customer = await createCustomer(db, { workspaceId: f.workspace.id });
  const conversation = await createConversation(db, {
    workspaceId: f.workspace.id,
    channelId: f.channel.id,
    customerId: customer.id,
    subject: "Where is my order?",
    messages: 1,
  });
  return { f, customer, conversation };
}
