import os from "node:os";
import type { WorkerEvents } from "graphile-worker";
import type { Db } from "../db/client";

/**
 * Liveness of server-mode job workers. graphile-worker releases a job whose worker died (kill -9, OOM, a lost host)
 * only after a 4-hour lock expiry, because it cannot tell a dead worker from a slow one: a queued reply would wait
 * hours. So every worker process beats a `WorkerHeartbeat` row for each of its graphile worker ids, and every worker
 * process sweeps: a job locked by a worker id without a fresh beat is unlocked and runs again on a live worker (the
 * tasks are idempotent: e.g. the send task's QUEUED check and attempt claim, with the same Message-ID on a re-send).
 *
 * Thresholds (all measured on the database's clock, so hosts' clocks do not matter):
 * - HEARTBEAT_MS: each process beats every 10 s.
 * - STALE_AFTER_MS: a worker is dead after 45 s without a beat: four missed beats, so a GC pause, a slow database or a
 *   busy event loop does not make a live worker look dead (its job would run twice). A job must also have been locked
 *   for that long, so a worker whose first beat has not landed yet (or one that has no row at all) keeps a job it just
 *   took.
 * - SWEEP_MS: each process sweeps every 30 s (and once at start), so a dead worker's jobs are released about 45–80 s
 *   after its last beat instead of after 4 hours.
 */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 45_000;
export const SWEEP_MS = 30_000;

export type LivenessTimings = { heartbeatMs: number; staleAfterMs: number; sweepMs: number };

export type Liveness = { stop(): Promise<void> };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Unlocks the jobs (and job queues) held by worker ids that have no heartbeat newer than `staleAfterMs` and whose lock
 * is older than that; removes heartbeat rows that stopped beating. Returns the worker ids released.
 */
export async function releaseDeadWorkers(db: Db, staleAfterMs: number = STALE_AFTER_MS): Promise<string[]> {
  const rows = await db.$queryRaw<{ locked_by: string }[]>`
    SELECT DISTINCT l.locked_by FROM (
      SELECT locked_by, locked_at FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
      UNION ALL
      SELECT locked_by, locked_at FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL
    ) l
    WHERE l.locked_at < now() - ${staleAfterMs}::int * interval '1 millisecond'
      AND NOT EXISTS (
        SELECT 1 FROM "WorkerHeartbeat" h
        WHERE h."workerId" = l.locked_by AND h."beatAt" >= now() - ${staleAfterMs}::int * interval '1 millisecond'
      )`;
  const ids = rows.map((r) => r.locked_by);
  // graphile-worker's own release (WorkerUtils.forceUnlockWorkers runs the same function)
  if (ids.length) await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "beatAt" < now() - ${staleAfterMs}::int * interval '1 millisecond'`;
  return ids;
}

/** Runs `fn` now and then `ms` after each run ends (never overlapping itself) until stopped. */
function loop(fn: () => Promise<void>, ms: number) {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = fn().finally(() => {
      if (!stopped) timer = setTimeout(tick, ms).unref();
    });
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}

/**
 * Beats for the graphile worker ids this process runs (learnt from the runner's events: pass the emitter to `run()`
 * so no `worker:create` is missed) and sweeps dead workers' locks. stop() (after the runner stopped) removes the rows.
 */
export function startLiveness(db: Db, events: WorkerEvents, timings: Partial<LivenessTimings> = {}): Liveness {
  const t: LivenessTimings = { heartbeatMs: HEARTBEAT_MS, staleAfterMs: STALE_AFTER_MS, sweepMs: SWEEP_MS, ...timings };
  const host = os.hostname();
  const pid = process.pid;
  const live = new Set<string>();
  const seen = new Set<string>();
  const failing = { beat: false, sweep: false };
  const report = (what: "beat" | "sweep", err: unknown) => {
    // one line per failure streak: a database outage must not flood the log every few seconds
    if (!failing[what]) console.warn(`[worker] ${what === "beat" ? "heartbeat" : "dead-worker sweep"} failed: ${errorText(err)}`);
    failing[what] = true;
  };

  const beat = async () => {
    if (!live.size) return;
    try {
      await db.$executeRaw`
        INSERT INTO "WorkerHeartbeat" ("workerId", "host", "pid")
        SELECT unnest(${[...live]}::text[]), ${host}, ${pid}::int
        ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now()`;
      failing.beat = false;
    } catch (err) {
      report("beat", err);
    }
  };
  const sweep = async () => {
    try {
      const released = await releaseDeadWorkers(db, t.staleAfterMs);
      if (released.length) {
        console.warn(`[worker] released the jobs of ${released.length} worker(s) that stopped beating: ${released.join(", ")}`);
      }
      failing.sweep = false;
    } catch (err) {
      report("sweep", err);
    }
  };
  const forget = async (ids: string[]) => {
    if (!ids.length) return;
    try {
      await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "workerId" = ANY(${ids}::text[])`;
    } catch (err) {
      // the row goes stale and the next sweep anywhere removes it
      console.warn(`[worker] could not remove heartbeat rows: ${errorText(err)}`);
    }
  };

  // worker:create fires inside run() as the pool spawns its workers; one beat for all of them follows at once
  let beatSoon = false;
  const onCreate = ({ worker }: { worker: { workerId: string } }) => {
    live.add(worker.workerId);
    seen.add(worker.workerId);
    if (beatSoon) return;
    beatSoon = true;
    setImmediate(() => {
      beatSoon = false;
      void beat();
    });
  };
  const onStop = ({ worker }: { worker: { workerId: string } }) => {
    live.delete(worker.workerId);
    void forget([worker.workerId]);
  };
  events.on("worker:create", onCreate);
  events.on("worker:stop", onStop);
  const stopBeat = loop(beat, t.heartbeatMs);
  const stopSweep = loop(sweep, t.sweepMs);

  return {
    async stop() {
      events.off("worker:create", onCreate);
      events.off("worker:stop", onStop);
      await Promise.all([stopBeat(), stopSweep()]);
      live.clear();
      await forget([...seen]);
    },
  };
}
