import { EventEmitter, on } from "node:events";
import type { DomainEventPayload } from "./types";

/**
 * This instance's event bus. Kept on globalThis so the launcher, the worker and Next's route bundles
 * share one. Fed after commit by publishCommitted (local writes) and by the fan-out (other instances).
 */
const g = globalThis as unknown as { __switchboardBus?: EventEmitter };
function emitter(): EventEmitter {
  if (!g.__switchboardBus) {
    g.__switchboardBus = new EventEmitter();
    g.__switchboardBus.setMaxListeners(0);
  }
  return g.__switchboardBus;
}

/** A committed event: id is the DomainEvent row id (monotonic), used by SSE to resume. */
export type BusEvent = DomainEventPayload & { id: string; workspaceId: string; at: string };

export function publishLocal(event: BusEvent): void {
  // presence is ephemeral and has its own listeners (server/realtime/presence.ts)
  emitter().emit(event.type === "presence.changed" ? "presence" : `ws:${event.workspaceId}`, event);
}

export function onPresence(listener: (event: BusEvent) => void): void {
  emitter().on("presence", listener);
}

/** Async iterator over a workspace's events, ended by the signal (client disconnect). */
export async function* subscribe(workspaceId: string, signal: AbortSignal | undefined): AsyncGenerator<BusEvent> {
  try {
    for await (const [event] of on(emitter(), `ws:${workspaceId}`, { signal })) {
      yield event as BusEvent;
    }
  } catch (err) {
    if (!(err instanceof Error && err.name === "AbortError")) throw err;
  }
}

export function subscriberCount(workspaceId: string): number {
  return emitter().listenerCount(`ws:${workspaceId}`);
}
