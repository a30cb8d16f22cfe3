// An SSH host for the tests: Debian's sshd on a loopback port (scripts/fleet-up.sh installs openssh-server) whose
// sessions reach the dev fleet's alpha engine (`docker system dial-stdio` with DOCKER_HOST set by sshd), plus an
// ssh-agent holding the authorised key. Everything lives in one temporary folder (its own host key, its own
// authorized_keys, known_hosts files): nothing of the machine's own SSH setup is read or changed.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { runDir, waitFor } from "./fleet";

const run = promisify(execFile);

export type TestSshd = {
  port: number;
  dir: string;
  /** known_hosts listing this sshd's real host key. */
  knownHosts: string;
  /** known_hosts listing another key under this sshd's name: a changed host key. */
  changedKnownHosts: string;
  /** known_hosts listing only some other host. */
  otherKnownHosts: string;
  /** The authorised private key (also in the agent) and one the server does not accept. */
  goodKey: string;
  wrongKey: string;
  agentSocket: string;
  stop: () => Promise<void>;
};

async function keygen(file: string, comment: string): Promise<string> {
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file]);
  // "ssh-ed25519 AAAA… comment": known_hosts wants the type and the key.
  return readFileSync(`${file}.pub`, "utf8").trim().split(/\s+/).slice(0, 2).join(" ");
}

export async function startSshd(port: number, engine = "alpha"): Promise<TestSshd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wharf-sshd-"));
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const hostKey = await keygen(path.join(dir, "host_ed25519"), "wharf-test-host");
    const otherHostKey = await keygen(path.join(dir, "other_host_ed25519"), "another-host");
    const goodPublic = await keygen(path.join(dir, "id_good"), "wharf-test-good");
    await keygen(path.join(dir, "id_wrong"), "wharf-test-wrong");
    writeFileSync(path.join(dir, "authorized_keys"), `${goodPublic}\n`, { mode: 0o600 });
    const name = `[127.0.0.1]:${port}`;
    writeFileSync(path.join(dir, "known_hosts"), `${name} ${hostKey}\n`);
    writeFileSync(path.join(dir, "known_hosts_changed"), `${name} ${otherHostKey}\n`);
    writeFileSync(path.join(dir, "known_hosts_other"), `[127.0.0.1]:1 ${hostKey}\n`);
    const config = [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${path.join(dir, "host_ed25519")}`,
      `PidFile ${path.join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`,
      // The temporary folder is not the user's home: sshd's ownership checks of home folders do not apply.
      "StrictModes no",
      "PermitRootLogin prohibit-password",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "UsePAM no",
      // Every ssh:// host of the test's fleet is this one sshd, and each opens its own connections at Wharf's start
      // (one per HTTP connection: events, info, the list, inspects), so it sees several hosts' handshakes at once.
      // Past 10 pending, sshd's default (MaxStartups 10:30:100) resets 30% of new ones at random, which a real host
      // of its own never sees from Wharf and which made a log request fail with ECONNRESET on a loaded machine.
      "MaxStartups 100",
      // sshd keeps only the first SetEnv line: both variables on it.
      `SetEnv PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin DOCKER_HOST=unix://${runDir}/${engine}.sock`,
    ];
    writeFileSync(path.join(dir, "sshd_config"), `${config.join("\n")}\n`);
    // Privilege separation needs this folder; a machine where sshd never ran has none.
    mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
    const sshd = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", path.join(dir, "sshd_config")], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    children.push(sshd);
    let sshdLog = "";
    sshd.stderr!.on("data", (chunk) => (sshdLog += chunk));
    const agentSocket = path.join(dir, "agent.sock");
    const agent = spawn("ssh-agent", ["-D", "-a", agentSocket], { stdio: "ignore" });
    children.push(agent);
    await waitFor(
      `sshd on 127.0.0.1:${port}`,
      async () => {
        if (sshd.exitCode !== null) throw new Error(`sshd exited: ${sshdLog}`);
        return connects(port);
      },
      30_000,
    );
    await waitFor("ssh-agent", async () => {
      const added = await run("ssh-add", [path.join(dir, "id_good")], {
        env: { ...process.env, SSH_AUTH_SOCK: agentSocket },
      }).then(
        () => true,
        () => false,
      );
      return added;
    });
    return {
      port,
      dir,
      knownHosts: path.join(dir, "known_hosts"),
      changedKnownHosts: path.join(dir, "known_hosts_changed"),
      otherKnownHosts: path.join(dir, "known_hosts_other"),
      goodKey: path.join(dir, "id_good"),
      wrongKey: path.join(dir, "id_wrong"),
      agentSocket,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
