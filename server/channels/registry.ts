import type { ChannelKind } from "../db/generated/enums";
import type { ChannelAdapter } from "./types";

/**
 * Channel adapters by kind. Code outside server/channels/<kind>/ never checks a provider: it asks the
 * registry. A kind without an adapter yet keeps its outbound messages QUEUED until one is registered.
 */
const g = globalThis as unknown as { __switchboardAdapters?: Map<ChannelKind, ChannelAdapter> };
function adapters(): Map<ChannelKind, ChannelAdapter> {
  g.__switchboardAdapters ??= new Map();
  return g.__switchboardAdapters;
}

export function registerAdapter<C>(adapter: ChannelAdapter<C>): () => void {
  const map = adapters();
  const previous = map.get(adapter.kind);
  map.set(adapter.kind, adapter);
  return () => {
    if (previous) map.set(adapter.kind, previous);
    else map.delete(adapter.kind);
  };
}

export function adapterFor(kind: ChannelKind): ChannelAdapter | undefined {
  return adapters().get(kind);
}
