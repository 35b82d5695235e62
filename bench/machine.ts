import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  chromium: string;
  node: string;
  /** 1-minute load average when the bench started: other work on the machine inflates wall times. */
  load: string;
  date: string;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? process.platform} (kernel ${release()})`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

function chromiumVersion(path: string | undefined): string {
  if (!path || !existsSync(path)) return 'not found';
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** What the numbers were measured on: printed above every table. */
export function describeMachine(chromiumPath: string | undefined): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    os: osName(),
    chromium: chromiumVersion(chromiumPath),
    node: process.version,
    load: loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
