import { emailAdapter } from "./email/adapter";
import { adapterFor, registerAdapter } from "./registry";

/** Registers the adapters that ship with the app (the worker calls this at start). Idempotent. */
export function registerBuiltInAdapters(): void {
  if (!adapterFor(emailAdapter.kind)) registerAdapter(emailAdapter);
}
