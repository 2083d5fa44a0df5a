// One writer per PGlite directory. PGlite is PostgreSQL in this process with no postmaster to
// say "in use": two processes on one directory both started, both numbered LR-2026-0001, and one
// report vanished. A lock file next to the directory (`<dir>.lock`: pid, host, since) is taken
// with O_EXCL before PGlite opens; a second process is refused naming the directory and the
// holder. A holder that died (kill -9, power loss) left a file whose pid no longer runs on this
// host: that file is taken over. Next to, not inside: initdb wants an empty directory.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";

export class DirectoryInUseError extends Error {
  readonly code = "directory_in_use";
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

function read(file: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(file, "utf8")) as Holder;
    return typeof h.pid === "number" ? h : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

/** Takes `<dir>.lock` for this process; returns its release. Throws DirectoryInUseError when held. */
export function lockDirectory(dir: string): () => void {
  const file = `${dir}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, "wx", 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = read(file);
      // Another host (a shared volume) cannot be probed: its lock stands until removed by hand.
      if (holder && (holder.host !== me.host || alive(holder.pid))) {
        const who =
          holder.pid === process.pid && holder.host === me.host
            ? "this process (opened twice)"
            : `process ${holder.pid} on ${holder.host}`;
        throw new DirectoryInUseError(
          `the database directory ${dir} is in use by ${who} since ${holder.since}: stop that process first, or give this one another DATABASE_URL (several processes need PostgreSQL)` +
            (holder.host !== me.host ? `; if that host is gone, delete ${file}` : ""),
        );
      }
      unlinkSync(file); // its holder is gone
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off("exit", release);
      // Only our own file: never remove a lock another process took over after a stale check.
      if (read(file)?.pid === me.pid) unlinkSync(file);
    };
    process.once("exit", release); // process.exit() after a failed start-up leaves no file behind
    return release;
  }
  throw new DirectoryInUseError(
    `the database directory ${dir} is being opened by another process at the same moment: try again`,
  );
}
