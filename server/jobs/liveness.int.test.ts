// Server-mode worker liveness: real worker processes against the test database, one of them killed mid-job.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Runner, TaskList } from "graphile-worker";
import { afterEach, describe, expect, inject, it } from "vitest";
import { testDb } from "../../test/db";
import { releaseDeadWorkers, type LivenessTimings } from "./liveness";
import { startWorker } from "./worker";

const db = testDb();
const url = inject("databaseUrl");
// a death is noticed after 3 s instead of 45 s (production timings: ./liveness.ts); still 12 beats of margin, so a
// loaded test machine does not make the live worker look dead
const timings: LivenessTimings = { heartbeatMs: 250, staleAfterMs: 3000, sweepMs: 250 };

// a task identifier of this test alone, so no other test's jobs run here and no leftover job runs in this test
const uniqueTask = () => `liveness_probe_${randomBytes(6).toString("hex")}`;

const children: ChildProcess[] = [];
const peers: Runner[] = [];
const jobIds: string[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await Promise.all(peers.splice(0).map((p) => p.stop()));
  const ids = jobIds.splice(0);
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE id = ANY(${ids}::bigint[])`;
});

async function addJob(task: string): Promise<string> {
  const [row] = await db.$queryRaw<{ id: string }[]>`SELECT (graphile_worker.add_job(${task}::text, '{}'::json)).id::text AS id`;
  if (!row) throw new Error("no job");
  jobIds.push(row.id);
  return row.id;
}

async function jobRow(id: string) {
  const [row] = await db.$queryRaw<{ locked_by: string | null; attempts: number }[]>`
    SELECT locked_by, attempts FROM graphile_worker._private_jobs WHERE id = ${id}::bigint`;
  return row ?? null;
}

const heartbeat = async (workerId: string) =>
  (
    await db.$queryRaw<{ fresh: boolean }[]>`
    SELECT "beatAt" > now() - ${timings.staleAfterMs}::int * interval '1 millisecond' AS fresh FROM "WorkerHeartbeat" WHERE "workerId" = ${workerId}`
  )[0] ?? null;

const waitFor = async (ok: () => boolean | Promise<boolean>, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** A worker process that takes a `task` job and hangs in it; resolves with that job's id once it runs. */
function spawnHangingWorker(task: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "testing/liveness-worker-child.ts"), url, task, JSON.stringify(timings)],
    { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /started (\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`worker child exited (${code}) before taking the job: ${stderr}`)));
  });
  return { child, started, exited };
}

async function startPeer(tasks: TaskList) {
  const runner = await startWorker(db, { connectionString: url, embedded: false, concurrency: 1, liveness: timings, taskList: tasks });
  peers.push(runner);
  return runner;
}

// server mode only: the embedded database has one worker, which releases every lock at start (worker.ts)
describe.skipIf(inject("embedded"))("server-mode worker liveness", () => {
  it("a live worker keeps its job: a peer sweeping for dead workers does not take it", async () => {
    const task = uniqueTask();
    const id = await addJob(task);
    const worker = spawnHangingWorker(task);
    expect(await worker.started).toBe(id);
    const lockedBy = (await jobRow(id))?.locked_by;
    if (!lockedBy) throw new Error("the job is not locked");

    const ran: string[] = [];
    await startPeer({ [task]: (_payload, helpers) => void ran.push(helpers.job.id) });
    // twice the stale threshold, swept every 250 ms: the job stays with its (beating) worker
    await new Promise((r) => setTimeout(r, 2 * timings.staleAfterMs));
    expect(await jobRow(id)).toMatchObject({ locked_by: lockedBy, attempts: 1 });
    expect(ran).toEqual([]);
    expect(await heartbeat(lockedBy)).toEqual({ fresh: true });
  });

  it("a worker killed mid-job: a peer releases its lock within seconds and runs the job once", async () => {
    const task = uniqueTask();
    const id = await addJob(task);
    const worker = spawnHangingWorker(task);
    expect(await worker.started).toBe(id);
    const deadId = (await jobRow(id))?.locked_by;
    if (!deadId) throw new Error("the job is not locked");
    // the child may lock the job before its first beat lands (a loaded machine): wait for the beat
    await waitFor(async () => (await heartbeat(deadId)) !== null, 5_000);
    expect(await heartbeat(deadId)).toEqual({ fresh: true });

    worker.child.kill("SIGKILL");
    await worker.exited;
    const ran: { id: string; attempts: number }[] = [];
    const killedAt = Date.now();
    const peer = await startPeer({ [task]: (_payload, helpers) => void ran.push({ id: helpers.job.id, attempts: helpers.job.attempts }) });

    // stale after 3 s, swept every 0.25 s, then picked up at the peer's next poll (2 s): well within 15 s, not 4 h
    await waitFor(() => ran.length > 0, 15_000);
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(ran).toEqual([{ id, attempts: 2 }]);
    await waitFor(async () => (await jobRow(id)) === null, 5_000); // completed, so it never runs again
    expect(await heartbeat(deadId)).toBeNull(); // the dead worker's row is swept away

    // the peer's own row goes with a graceful stop
    const own = await db.$queryRaw<{ workerId: string }[]>`SELECT "workerId" FROM "WorkerHeartbeat" WHERE pid = ${process.pid}::int`;
    expect(own.length).toBeGreaterThan(0);
    await peer.stop();
    peers.splice(peers.indexOf(peer), 1);
    const ownIds = own.map((r) => r.workerId);
    expect(await db.$queryRaw`SELECT 1 FROM "WorkerHeartbeat" WHERE "workerId" = ANY(${ownIds}::text[])`).toEqual([]);
  });

  it("releases a lock only when its worker has no fresh heartbeat and it is older than the threshold", async () => {
    const task = uniqueTask(); // no worker runs it: the locks below are set by hand
    const [recentNoRow, oldNoRow, oldStaleRow, oldFreshRow] = [
      await addJob(task),
      await addJob(task),
      await addJob(task),
      await addJob(task),
    ];
    const w = (name: string) => `worker-test-${name}-${randomBytes(4).toString("hex")}`;
    const ids = { recentNoRow: w("recent"), oldNoRow: w("gone"), oldStaleRow: w("stale"), oldFreshRow: w("busy") };
    const lock = (jobId: string | undefined, workerId: string, ago: string) =>
      db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = ${workerId}, locked_at = now() - ${ago}::interval
        WHERE id = ${jobId}::bigint`;
    await lock(recentNoRow, ids.recentNoRow, "0 seconds"); // just taken, its first beat not written yet
    await lock(oldNoRow, ids.oldNoRow, "1 hour");
    await lock(oldStaleRow, ids.oldStaleRow, "1 hour");
    await lock(oldFreshRow, ids.oldFreshRow, "1 hour"); // a long job of a live worker
    await db.$executeRaw`INSERT INTO "WorkerHeartbeat" ("workerId", host, pid, "beatAt") VALUES
      (${ids.oldStaleRow}, 'test', 1, now() - interval '10 minutes'), (${ids.oldFreshRow}, 'test', 1, now())`;
    try {
      const released = await releaseDeadWorkers(db); // the production threshold
      expect(released).toEqual(expect.arrayContaining([ids.oldNoRow, ids.oldStaleRow]));
      expect(released).not.toContain(ids.recentNoRow);
      expect(released).not.toContain(ids.oldFreshRow);
      const lockedBy = async (jobId: string | undefined) => (await jobRow(jobId ?? ""))?.locked_by;
      expect(await lockedBy(recentNoRow)).toBe(ids.recentNoRow);
      expect(await lockedBy(oldNoRow)).toBeNull();
      expect(await lockedBy(oldStaleRow)).toBeNull();
      expect(await lockedBy(oldFreshRow)).toBe(ids.oldFreshRow);
      // the stale row is removed, the fresh one stays
      expect(await heartbeat(ids.oldStaleRow)).toBeNull();
      expect(await heartbeat(ids.oldFreshRow)).toEqual({ fresh: true });
    } finally {
      await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "workerId" = ANY(${Object.values(ids)}::text[])`;
    }
  });
});
