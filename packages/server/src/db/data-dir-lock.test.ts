import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

/** A real, live process other than this one, to hold the lock. */
const startProcess = () => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
const stopProcess = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });

describe('lockDataDir', () => {
  let dir: string;
  let lockFile: string;
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'guanxi-lock-')), 'data');
    lockFile = path.join(dir, 'guanxi.lock');
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('creates the directory and holds a lock file with this process id', () => {
    expect(existsSync(dir)).toBe(false);
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('refuses a second lock while a live process holds it, and leaves its lock alone', async () => {
    const holder = startProcess();
    mkdirSync(dir, { recursive: true });
    writeFileSync(lockFile, String(holder.pid));
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(
        new RegExp(`in use by another Guanxi process \\(pid ${holder.pid}\\)`),
      );
      expect(readFileSync(lockFile, 'utf8')).toBe(String(holder.pid));
    } finally {
      await stopProcess(holder);
    }
  });

  it('takes over a stale lock left by a process that has died', async () => {
    const gone = startProcess();
    await stopProcess(gone);
    mkdirSync(dir, { recursive: true });
    writeFileSync(lockFile, String(gone.pid));

    const release = lockDataDir(dir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a lock file whose content is not a pid', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(lockFile, 'garbage');
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('releases on call, once, so the directory can be locked again', () => {
    const release = lockDataDir(dir);
    expect(existsSync(lockFile)).toBe(true);
    release();
    expect(existsSync(lockFile)).toBe(false);

    const again = lockDataDir(dir);
    expect(existsSync(lockFile)).toBe(true);
    // A second call of the first release must not remove the new holder's lock.
    release();
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    again();
    expect(existsSync(lockFile)).toBe(false);
  });
});
