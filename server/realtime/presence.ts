import { EventEmitter, on } from "node:events";
import { fanout } from "../events/fanout";
import { onPresence, type BusEvent } from "../events/bus";

/**
 * Who is viewing / typing in a conversation: ephemeral, in memory with a TTL, never stored.
 * Each instance keeps a map; updates travel between instances on the events fan-out.
 */
export type Viewer = { userId: string; name: string; typing: boolean };
type Entry = Viewer & { expiresAt: number };

const TTL_MS = 15_000;

type State = { byConversation: Map<string, Map<string, Entry>>; emitter: EventEmitter; sweeper?: NodeJS.Timeout };
const g = globalThis as unknown as { __switchboardPresence?: State };
function state(): State {
  if (!g.__switchboardPresence) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    g.__switchboardPresence = { byConversation: new Map(), emitter };
    // updates relayed from other instances
    onPresence((e) => {
      if (e.type === "presence.changed") applyPresence(e.workspaceId, e.conversationId, e.presence, e.presence.leave);
    });
  }
  return g.__switchboardPresence;
}

function key(workspaceId: string, conversationId: string) {
  return `${workspaceId}:${conversationId}`;
}

export function viewers(workspaceId: string, conversationId: string, now = Date.now()): Viewer[] {
  const map = state().byConversation.get(key(workspaceId, conversationId));
  if (!map) return [];
  return [...map.values()].filter((e) => e.expiresAt > now).map(({ userId, name, typing }) => ({ userId, name, typing }));
}

function sweep() {
  const now = Date.now();
  for (const [k, map] of state().byConversation) {
    let changed = false;
    for (const [userId, e] of map) {
      if (e.expiresAt <= now) {
        map.delete(userId);
        changed = true;
      }
    }
    if (map.size === 0) state().byConversation.delete(k);
    if (changed) state().emitter.emit(k);
  }
}

/** Applies an update locally (from this instance or another one). leave = remove now. */
export function applyPresence(workspaceId: string, conversationId: string, viewer: Viewer, leave: boolean): void {
  const s = state();
  s.sweeper ??= setInterval(sweep, 5_000).unref();
  const k = key(workspaceId, conversationId);
  const map = s.byConversation.get(k) ?? new Map<string, Entry>();
  const before = map.get(viewer.userId);
  if (leave) map.delete(viewer.userId);
  else map.set(viewer.userId, { ...viewer, expiresAt: Date.now() + TTL_MS });
  s.byConversation.set(k, map);
  if (leave || !before || before.typing !== viewer.typing) s.emitter.emit(k);
}

/** This instance's heartbeat: apply locally and tell the other instances. */
export function updatePresence(workspaceId: string, conversationId: string, viewer: Viewer, leave = false): Viewer[] {
  applyPresence(workspaceId, conversationId, viewer, leave);
  const event: BusEvent = {
    type: "presence.changed",
    conversationId,
    teamId: null,
    id: "presence",
    workspaceId,
    at: new Date().toISOString(),
    presence: { ...viewer, leave },
  };
  fanout().send([event]);
  return viewers(workspaceId, conversationId);
}

/** Yields the viewer list now and on every change, until the signal aborts. */
export async function* watchPresence(
  workspaceId: string,
  conversationId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<Viewer[]> {
  // listen before the first yield, so a change right after it is not lost
  const changes = on(state().emitter, key(workspaceId, conversationId), { signal });
  yield viewers(workspaceId, conversationId);
  try {
    for await (const _ of changes) {
      yield viewers(workspaceId, conversationId);
    }
  } catch (err) {
    if (!(err instanceof Error && err.name === "AbortError")) throw err;
  }
}
