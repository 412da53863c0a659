import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type MxMode = { kind: "accept" } | { kind: "reject"; code: number; text: string } | { kind: "hang" };
export type Received = { raw: Buffer; from: string | null; to: string[] };

/**
 * A real SMTP server on loopback standing in for the customer's MX / our relay in tests: it speaks the protocol,
 * records what it accepted (only after answering 250, like a real MTA), and can be told to defer, refuse or stall.
 */
export class LocalMx {
  readonly received: Received[] = [];
  /** every message fully transmitted in DATA, whether or not it was then accepted */
  readonly transmitted: Buffer[] = [];
  mode: MxMode = { kind: "accept" };
  private server: SMTPServer | null = null;
  private portNumber = 0;

  get port(): number {
    return this.portNumber;
  }

  /** Starts (or restarts on the same port) the server. */
  async start(port = this.portNumber): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // stop() drops open (pooled) connections quickly, so "down" really is down
      closeTimeout: 50,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          this.transmitted.push(Buffer.concat(chunks));
          const mode = this.mode;
          if (mode.kind === "hang") return; // never answers: the client is left waiting (or dies)
          if (mode.kind === "reject") {
            const err = Object.assign(new Error(mode.text), { responseCode: mode.code });
            callback(err);
            return;
          }
          this.received.push({
            raw: Buffer.concat(chunks),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          callback(null);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    server.on("error", () => undefined);
    this.server = server;
    this.portNumber = (server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
