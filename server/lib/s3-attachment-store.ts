import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { z } from "zod";
import { contentKey, KEY, type AttachmentStore } from "./attachment-store";

/**
 * Attachment bytes in any S3-compatible object store (AWS S3, MinIO, R2, Ceph…), under the same content-addressed
 * keys as the local store, so moving a deployment between stores is a plain copy of the objects.
 */
export type S3StoreConfig = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

const VARS = [
  "ATTACHMENTS_S3_BUCKET",
  "ATTACHMENTS_S3_ENDPOINT",
  "ATTACHMENTS_S3_REGION",
  "ATTACHMENTS_S3_ACCESS_KEY_ID",
  "ATTACHMENTS_S3_SECRET_ACCESS_KEY",
  "ATTACHMENTS_S3_FORCE_PATH_STYLE",
] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ZS3Env = z
  .object({
    ATTACHMENTS_S3_BUCKET: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a valid S3 bucket name")
        .optional(),
    ),
    ATTACHMENTS_S3_ENDPOINT: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
    ATTACHMENTS_S3_REGION: z.preprocess(blankToUndefined, z.string().trim().min(1).default("us-east-1")),
    ATTACHMENTS_S3_ACCESS_KEY_ID: z.preprocess(blankToUndefined, z.string().optional()),
    ATTACHMENTS_S3_SECRET_ACCESS_KEY: z.preprocess(blankToUndefined, z.string().optional()),
    ATTACHMENTS_S3_FORCE_PATH_STYLE: z.preprocess(
      blankToUndefined,
      z.enum(["true", "false", "1", "0"], { error: "must be true or false" }).optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.ATTACHMENTS_S3_BUCKET) {
      const stray = VARS.filter((k) => k !== "ATTACHMENTS_S3_BUCKET" && k !== "ATTACHMENTS_S3_REGION" && v[k] !== undefined);
      if (stray.length)
        ctx.addIssue({ code: "custom", path: ["ATTACHMENTS_S3_BUCKET"], message: `is required when ${stray.join(", ")} is set` });
    }
    if (Boolean(v.ATTACHMENTS_S3_ACCESS_KEY_ID) !== Boolean(v.ATTACHMENTS_S3_SECRET_ACCESS_KEY))
      ctx.addIssue({
        code: "custom",
        path: ["ATTACHMENTS_S3_SECRET_ACCESS_KEY"],
        message:
          "ATTACHMENTS_S3_ACCESS_KEY_ID and ATTACHMENTS_S3_SECRET_ACCESS_KEY go together (or leave both unset for the AWS default credentials)",
      });
  });

/** The S3 settings from the environment; null when no bucket is configured (local disk). Throws naming the variable. */
export function s3StoreConfigFromEnv(env: Record<string, string | undefined>): S3StoreConfig | null {
  const parsed = ZS3Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`Invalid S3 attachment store configuration: ${issues}`);
  }
  const v = parsed.data;
  if (!v.ATTACHMENTS_S3_BUCKET) return null;
  const flag = v.ATTACHMENTS_S3_FORCE_PATH_STYLE;
  return {
    bucket: v.ATTACHMENTS_S3_BUCKET,
    region: v.ATTACHMENTS_S3_REGION,
    endpoint: v.ATTACHMENTS_S3_ENDPOINT,
    forcePathStyle: flag === "true" || flag === "1",
    credentials:
      v.ATTACHMENTS_S3_ACCESS_KEY_ID && v.ATTACHMENTS_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: v.ATTACHMENTS_S3_ACCESS_KEY_ID, secretAccessKey: v.ATTACHMENTS_S3_SECRET_ACCESS_KEY }
        : undefined,
  };
}

const notFound = (err: unknown) =>
  err instanceof S3ServiceException && (err.name === "NoSuchKey" || err.name === "NotFound" || err.$metadata.httpStatusCode === 404);

export class S3AttachmentStore implements AttachmentStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3StoreConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // S3-compatible servers (MinIO, Ceph, R2…) do not all speak the newer flexible checksums; SigV4 already signs
      // the payload's SHA-256, so integrity is checked either way
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(content: Buffer): Promise<{ key: string; sha256: string; size: number }> {
    const { key, sha256 } = contentKey(content);
    // the key is the content's hash: an object of the right size under it already holds these bytes
    const existing = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })).then(
      (head) => head.ContentLength ?? -1,
      (err: unknown) => {
        if (notFound(err)) return -1;
        throw err;
      },
    );
    if (existing !== content.length) {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: content,
          ContentLength: content.length,
          // never served from the bucket directly: the app serves it with its own (sniffed, safe) type
          ContentType: "application/octet-stream",
        }),
      );
    }
    return { key, sha256, size: content.length };
  }

  async get(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return null;
      return Buffer.from(await out.Body.transformToByteArray());
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    if (!KEY.test(key)) return;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Closes the HTTP agent's sockets (tests; a long-running process keeps them). */
  destroy(): void {
    this.client.destroy();
  }
}
