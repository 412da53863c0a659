/** A request body over the endpoint's limit (answer 413). */
export class TooLarge extends Error {}

/**
 * The raw body of a public endpoint's request, refused as soon as it passes `max` bytes: the declared length is
 * checked before anything is read, and a body that streams past the limit is cancelled, never buffered whole.
 */
export async function readBody(req: Request, max: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) throw new TooLarge();
  if (!req.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
