// Uploaded import files on local disk under <data dir>/imports/<workspace>/<uuid>.csv: streamed in with a size limit,
// read back by the preview and by the job, deleted once the import has ended.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "../lib/attachment-store";
import { AppError } from "../lib/errors";

export function importMaxBytes(): number {
  const n = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isFinite(n) && n > 0 ? n : 100 * 1024 * 1024;
}

const root = () => path.join(dataDir(), "imports");
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.csv$/;

/** The absolute path of a stored key; keys are generated here, but never trust one to stay inside the folder. */
export function importFilePath(key: string): string {
  if (!KEY.test(key)) throw new AppError("INTERNAL", "Invalid import file key");
  return path.join(root(), key);
}

/** Streams the body to disk, counting bytes: over the limit → the partial file is removed and PAYLOAD_TOO_LARGE. */
export async function saveImportFile(workspaceId: string, body: ReadableStream<Uint8Array>, maxBytes = importMaxBytes()) {
  const key = `${workspaceId}/${randomUUID()}.csv`;
  const file = importFilePath(key);
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, { flags: "wx" });
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new AppError(
          "PAYLOAD_TOO_LARGE",
          `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Split it into smaller files.`,
        );
      }
      // respect back-pressure: a 100 MB upload must not sit in memory
      if (!out.write(value)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    out.end();
    await done;
  } catch (err) {
    // wait for the stream to close: it opens the file asynchronously, and removing it before the open lands would
    // leave the file behind
    if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()).destroy());
    await rm(file, { force: true });
    throw err;
  }
  return { key, file, size };
}

export async function deleteImportFile(key: string): Promise<void> {
  await rm(importFilePath(key), { force: true });
}
