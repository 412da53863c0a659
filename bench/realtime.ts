// realtime.deliver: N subscribers on inbox.events (tRPC callers in this process, fed by this process's
// LISTEN connection) and a writer in a forked process (another app instance) creating inbound messages.
// Latency = receipt at each subscriber − the writer's commit, on the machine's shared wall clock.
import { fork, type ChildProcess } from "node:child_process";
import { setMaxListeners } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createCaller } from "../server/trpc/router";
import { fanout } from "../server/events/fanout";
import { subscriberCount, type BusEvent } from "../server/events/bus";
import type { Db } from "../server/db/client";
import type { WriterReply, WriterRequest } from "./realtime-writer";
import { log, percentile, round, wallMs } from "./stats";

export type RealtimeResult = {
  subscribers: number;
  writes: number;
  samples: number;
  lost: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  write_p50_ms: number;
  write_p95_ms: number;
};

const here = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const eventOf = (v: unknown): BusEvent => (Array.isArray(v) ? v[1] : v) as BusEvent;

export async function benchRealtime(opts: {
  db: Db;
  url: string;
  workspaceId: string;
  subscriberUserId: string;
  writerUserId: string;
  conversationIds: string[];
  texts: string[];
  subscribers: number;
  messages: number;
  warmup: number;
  gapMs: number;
}): Promise<RealtimeResult> {
  // receipts per messageId: one wall-clock time per subscriber
  const receipts = new Map<string, number[]>();
  const ac = new AbortController();
  setMaxListeners(0, ac.signal); // one abort listener per subscription
  const identity = { userId: opts.subscriberUserId, workspaceId: opts.workspaceId };
  const loops: Promise<void>[] = [];
  for (let i = 0; i < opts.subscribers; i++) {
    const caller = createCaller({ db: opts.db, identity }, { signal: ac.signal });
    const iterable = await caller.inbox.events();
    loops.push(
      (async () => {
        try {
          for await (const v of iterable) {
            const t = wallMs();
            const e = eventOf(v);
            if (e.type !== "message.created") continue;
            const list = receipts.get(e.messageId);
            if (list) list.push(t);
            else receipts.set(e.messageId, [t]);
          }
        } catch (err) {
          if (!ac.signal.aborted) log(`subscriber ended: ${(err as Error).message}`);
        }
      })(),
    );
  }
  // the procedures register their bus listeners once the iterators are pulled
  const deadline = Date.now() + 30_000;
  while (subscriberCount(opts.workspaceId) < opts.subscribers && Date.now() < deadline) await sleep(20);
  await fanout().listen();
  log(`realtime: ${subscriberCount(opts.workspaceId)} subscribers listening`);

  const writer: ChildProcess = fork(path.join(here, "realtime-writer.ts"), [opts.workspaceId, opts.writerUserId], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: process.env,
  });
  const replies: WriterReply[] = [];
  let wake: (() => void) | null = null;
  writer.on("message", (m: WriterReply) => {
    replies.push(m);
    wake?.();
  });
  const nextReply = async (): Promise<WriterReply> => {
    const end = Date.now() + 30_000;
    while (!replies.length) {
      if (Date.now() > end) throw new Error("realtime writer did not answer");
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 100);
      });
      wake = null;
    }
    return replies.shift() as WriterReply;
  };
  const first = await nextReply();
  if ("error" in first) throw new Error(`realtime writer: ${first.error}`);

  const latencies: number[] = [];
  const writes: number[] = [];
  let lost = 0;
  try {
    const total = opts.warmup + opts.messages;
    for (let seq = 0; seq < total; seq++) {
      const req: WriterRequest = {
        cmd: "write",
        seq,
        conversationId: opts.conversationIds[seq % opts.conversationIds.length] ?? "",
        text: opts.texts[seq % opts.texts.length] ?? "Hi, any update on my order?",
      };
      writer.send(req);
      const reply = await nextReply();
      if ("error" in reply) throw new Error(`realtime writer: ${reply.error}`);
      if (!("messageId" in reply)) continue;
      // wait (bounded) until every subscriber got it
      const until = Date.now() + 5_000;
      while ((receipts.get(reply.messageId)?.length ?? 0) < opts.subscribers && Date.now() < until) await sleep(2);
      const got = receipts.get(reply.messageId) ?? [];
      if (seq >= opts.warmup) {
        for (const t of got) latencies.push(t - reply.committedAt);
        lost += opts.subscribers - got.length;
        writes.push(reply.writeMs);
      }
      receipts.delete(reply.messageId);
      await sleep(opts.gapMs);
    }
  } finally {
    writer.send({ cmd: "stop" } satisfies WriterRequest);
    ac.abort();
    await Promise.race([Promise.all(loops), sleep(2_000)]);
    await Promise.race([new Promise((r) => writer.once("exit", r)), sleep(5_000)]);
    if (writer.exitCode === null) writer.kill();
  }
  return {
    subscribers: opts.subscribers,
    writes: opts.messages,
    samples: latencies.length,
    lost,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
    max_ms: round(Math.max(...latencies)),
    write_p50_ms: percentile(writes, 50),
    write_p95_ms: percentile(writes, 95),
  };
}
