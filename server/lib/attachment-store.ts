import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { S3AttachmentStore, s3StoreConfigFromEnv } from "./s3-attachment-store";

/**
 * Where attachment bytes live. Content-addressed (sha256), so the same file mailed twice is stored once and a key never
 * changes meaning. Local disk by default; an S3-compatible store implements the same interface.
 */
export interface AttachmentStore {
  /** idempotent: storing bytes that are already there writes nothing */
  put(content: Buffer): Promise<{ key: string; sha256: string; size: number }>;
  /** null when there is no such object */
  get(key: string): Promise<Buffer | null>;
  /** only the upload purge deletes, and only bytes no row references (keys are shared by identical files) */
  delete(key: string): Promise<void>;
}

export function contentKey(content: Buffer): { key: string; sha256: string } {
  const sha256 = createHash("sha256").update(content).digest("hex");
  return { key: `sha256/${sha256.slice(0, 2)}/${sha256}`, sha256 };
}

export function dataDir(): string {
  return process.env.SWITCHBOARD_DATA_DIR ?? path.resolve(".data");
}

export const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export class LocalAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string = path.join(dataDir(), "attachments")) {}

  async put(content: Buffer): Promise<{ key: string; sha256: string; size: number }> {
    const { key, sha256 } = contentKey(content);
    const file = path.join(this.root, key);
    const exists = await stat(file).then(
      (s) => s.size === content.length,
      () => false,
    );
    if (!exists) {
      await mkdir(path.dirname(file), { recursive: true });
      // write then rename: a crash never leaves a half file under the final name
      const tmp = `${file}.${randomUUID()}.tmp`;
      await writeFile(tmp, content);
      await rename(tmp, file);
    }
    return { key, sha256, size: content.length };
  }

  async get(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    return readFile(path.join(this.root, key)).catch(() => null);
  }

  async delete(key: string): Promise<void> {
    if (KEY.test(key)) await rm(path.join(this.root, key), { force: true });
  }
}

const g = globalThis as unknown as { __switchboardAttachmentStore?: AttachmentStore };
/**
 * The configured store: S3-compatible when ATTACHMENTS_S3_BUCKET is set, else local disk. The worker calls this at
 * start, so a half-configured S3 store fails the start with the variable named instead of the first upload.
 */
export function attachmentStore(): AttachmentStore {
  if (!g.__switchboardAttachmentStore) {
    const s3 = s3StoreConfigFromEnv(process.env);
    g.__switchboardAttachmentStore = s3 ? new S3AttachmentStore(s3) : new LocalAttachmentStore();
  }
  return g.__switchboardAttachmentStore;
}

/** Forget the chosen store (tests switch ATTACHMENTS_S3_* between cases). */
export function resetAttachmentStore(): void {
  g.__switchboardAttachmentStore = undefined;
}

export function attachmentMaxBytes(): number {
  const n = Number(process.env.ATTACHMENT_MAX_BYTES);
  return Number.isFinite(n) && n > 0 ? n : 25 * 1024 * 1024;
}
/** All attachments of one message together. */
export function attachmentMessageMaxBytes(): number {
  const n = Number(process.env.ATTACHMENT_MESSAGE_MAX_BYTES);
  return Number.isFinite(n) && n > 0 ? n : 2 * attachmentMaxBytes();
}

const MAGIC: [string, (b: Buffer) => boolean][] = [
  ["image/png", (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/gif", (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString("latin1"))],
  ["image/webp", (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP"],
  ["application/pdf", (b) => b.subarray(0, 5).toString("latin1") === "%PDF-"],
  ["application/zip", (b) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)],
  ["application/gzip", (b) => b[0] === 0x1f && b[1] === 0x8b],
];

/** Types a browser would run or render as a page: never served as such, whatever the sender declared. */
const ACTIVE = /^(text\/html|application\/xhtml|image\/svg|text\/xml|application\/xml|text\/javascript|application\/javascript)/i;

/** The content type we store and serve: magic bytes first, else the declared type, never an active type. */
export function sniffContentType(content: Buffer, declared: string | null | undefined): string {
  for (const [type, test] of MAGIC) if (test(content)) return type;
  const d = (declared ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(d) || ACTIVE.test(d)) return "application/octet-stream";
  // a declared image that is none of the images we recognise is not shown inline
  if (d.startsWith("image/")) return "application/octet-stream";
  return d;
}

export const INLINE_SAFE = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
