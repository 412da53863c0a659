import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// s3rver ships no types: the little of its API the tests use
type S3rverInstance = {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: { on(event: "request", fn: (req: { method?: string; url?: string }) => void): void };
};
type S3rverClass = new (opts: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: string[] }[];
}) => S3rverInstance;

/**
 * A real HTTP server speaking the S3 protocol (s3rver) on a loopback port, with one empty bucket, for the S3
 * attachment store's tests. It knows one access key (S3RVER / S3RVER) and refuses others; SigV4 signatures themselves
 * are not recomputed by s3rver.
 */
export class LocalS3 {
  readonly bucket = "switchboard-attachments";
  readonly accessKeyId = "S3RVER";
  readonly secretAccessKey = "S3RVER";
  readonly directory = mkdtempSync(path.join(tmpdir(), "sb-s3rver-"));
  /** "METHOD /path" of every request the server received */
  readonly requests: string[] = [];
  private server: S3rverInstance | null = null;
  private port = 0;

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;
    this.server = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory: this.directory,
      configureBuckets: [{ name: this.bucket, configs: [] }],
    });
    this.port = (await this.server.run()).port;
    this.server.httpServer?.on("request", (req) => this.requests.push(`${req.method} ${req.url}`));
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
    rmSync(this.directory, { recursive: true, force: true });
  }

  /** The ATTACHMENTS_S3_* variables that point the app at this server. */
  env(): Record<string, string> {
    return {
      ATTACHMENTS_S3_BUCKET: this.bucket,
      ATTACHMENTS_S3_ENDPOINT: this.endpoint,
      ATTACHMENTS_S3_REGION: "us-east-1",
      ATTACHMENTS_S3_ACCESS_KEY_ID: this.accessKeyId,
      ATTACHMENTS_S3_SECRET_ACCESS_KEY: this.secretAccessKey,
      ATTACHMENTS_S3_FORCE_PATH_STYLE: "true",
    };
  }
}
