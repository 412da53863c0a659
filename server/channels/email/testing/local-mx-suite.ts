import { afterAll, beforeAll } from "vitest";
import { registerAdapter } from "../../registry";
import { emailAdapter } from "../adapter";
import { closeSmtpTransports } from "../smtp-transport";
import { LocalMx } from "./local-mx";

/**
 * A LocalMx for a test file: started before its tests with the email adapter registered, stopped after (and the
 * pooled SMTP transports closed).
 */
export function localMxForSuite(): LocalMx {
  const mx = new LocalMx();
  let unregister: () => void = () => undefined;
  beforeAll(async () => {
    await mx.start();
    unregister = registerAdapter(emailAdapter);
  });
  afterAll(async () => {
    unregister();
    closeSmtpTransports();
    await mx.stop();
  });
  return mx;
}
