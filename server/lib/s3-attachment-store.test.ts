import { describe, expect, it } from "vitest";
import { s3StoreConfigFromEnv } from "./s3-attachment-store";

describe("s3StoreConfigFromEnv", () => {
  it("is off (local disk) without a bucket, and reads a full configuration", () => {
    expect(s3StoreConfigFromEnv({})).toBeNull();
    expect(s3StoreConfigFromEnv({ ATTACHMENTS_S3_BUCKET: " ", ATTACHMENTS_S3_REGION: "eu-west-1" })).toBeNull();
    expect(
      s3StoreConfigFromEnv({
        ATTACHMENTS_S3_BUCKET: "acme-attachments",
        ATTACHMENTS_S3_ENDPOINT: "http://minio:9000",
        ATTACHMENTS_S3_ACCESS_KEY_ID: "key",
        ATTACHMENTS_S3_SECRET_ACCESS_KEY: "secret",
        ATTACHMENTS_S3_FORCE_PATH_STYLE: "true",
      }),
    ).toEqual({
      bucket: "acme-attachments",
      region: "us-east-1",
      endpoint: "http://minio:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "key", secretAccessKey: "secret" },
    });
    // AWS proper: default credential chain, virtual-hosted style
    expect(s3StoreConfigFromEnv({ ATTACHMENTS_S3_BUCKET: "acme", ATTACHMENTS_S3_REGION: "eu-central-1" })).toEqual({
      bucket: "acme",
      region: "eu-central-1",
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it("fails with the variable named when half-configured", () => {
    expect(() => s3StoreConfigFromEnv({ ATTACHMENTS_S3_ENDPOINT: "http://minio:9000" })).toThrow(
      /ATTACHMENTS_S3_BUCKET is required when ATTACHMENTS_S3_ENDPOINT is set/,
    );
    expect(() => s3StoreConfigFromEnv({ ATTACHMENTS_S3_BUCKET: "acme", ATTACHMENTS_S3_ACCESS_KEY_ID: "key" })).toThrow(
      /ATTACHMENTS_S3_SECRET_ACCESS_KEY/,
    );
    expect(() => s3StoreConfigFromEnv({ ATTACHMENTS_S3_BUCKET: "acme", ATTACHMENTS_S3_ENDPOINT: "minio:9000" })).toThrow(
      /ATTACHMENTS_S3_ENDPOINT must be an http\(s\) URL/,
    );
    expect(() => s3StoreConfigFromEnv({ ATTACHMENTS_S3_BUCKET: "Bad_Bucket" })).toThrow(
      /ATTACHMENTS_S3_BUCKET must be a valid S3 bucket name/,
    );
    expect(() => s3StoreConfigFromEnv({ ATTACHMENTS_S3_BUCKET: "acme", ATTACHMENTS_S3_FORCE_PATH_STYLE: "yes" })).toThrow(
      /ATTACHMENTS_S3_FORCE_PATH_STYLE must be true or false/,
    );
  });
});
