// A real IMAP server for tests: Debian's dovecot-imapd, started by the test with its own config in a temp dir on a
// free loopback port (plaintext auth on loopback, one passwd-file user, maildir in the temp dir). It never touches the
// system's dovecot config or service.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const DOVECOT_BIN = process.env.DOVECOT_BIN ?? "/usr/sbin/dovecot";

export type Dovecot = { host: string; port: number; user: string; password: string; dir: string; stop(): Promise<void> };

export function dovecotAvailable(): boolean {
  return fs.existsSync(DOVECOT_BIN);
}

/** Missing dovecot: a loud skip on a developer machine, a failure on CI. */
export function dovecotMissingMessage(): string {
  return `dovecot not found at ${DOVECOT_BIN} (apt-get install -y dovecot-imapd, or set DOVECOT_BIN)`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function accountFor(): { user: string; uid: number; gid: number } {
  // as root, mail runs as the unprivileged `dovecot` user (dovecot refuses root for mail); else as ourselves
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(spawnSync("id", [flag, "dovecot"], { encoding: "utf8" }).stdout.trim());
    return { user: "dovecot", uid: id("-u"), gid: id("-g") };
  }
  return { user: os.userInfo().username, uid: os.userInfo().uid, gid: os.userInfo().gid };
}

export async function startDovecot(opts: { user?: string; password?: string } = {}): Promise<Dovecot> {
  const user = opts.user ?? "agent";
  const password = opts.password ?? "imap-test-password";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-dovecot-"));
  const account = accountFor();
  for (const sub of ["run", "state", "mail"]) fs.mkdirSync(path.join(dir, sub));
  fs.chmodSync(dir, 0o755);
  fs.chownSync(path.join(dir, "mail"), account.uid, account.gid);
  fs.writeFileSync(path.join(dir, "users"), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const port = await freePort();
  const conf = path.join(dir, "dovecot.conf");
  fs.writeFileSync(
    conf,
    `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${account.user}
default_internal_group = ${account.user === "dovecot" ? "dovecot" : String(account.gid)}
default_login_user = ${account.user}
first_valid_uid = ${account.uid}
mail_location = maildir:${dir}/mail/%u
mailbox_idle_check_interval = 1 secs
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${account.uid} gid=${account.gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  const proc: ChildProcess = spawn(DOVECOT_BIN, ["-F", "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));

  const log = () => {
    const file = path.join(dir, "dovecot.log");
    return `${output}\n${fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""}`.trim();
  };
  // ready when the port answers with a greeting
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`dovecot exited (${proc.exitCode}):\n${log()}`);
    const greeting = await new Promise<string | null>((resolve) => {
      const sock = net.connect(port, "127.0.0.1");
      sock.once("data", (d: Buffer) => {
        sock.destroy();
        resolve(d.toString());
      });
      sock.once("error", () => resolve(null));
    });
    if (greeting?.startsWith("* OK")) break;
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`dovecot did not answer on 127.0.0.1:${port}:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    dir,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (proc.exitCode === null) proc.kill("SIGKILL");
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
