// @ts-check
/**
 * Child processes of `npm run bench`: the reference server (its CLI, from source under tsx or built) and
 * the bare node:http ceiling, each started on a free loopback port and known by the URL it prints.
 */
import { spawn, spawnSync } from 'node:child_process';

/**
 * A started child process and the URL it listens on.
 *
 * @typedef {{ url: string, child: import('node:child_process').ChildProcess, ms: number }} Started
 */

/**
 * Starts `node <args>` and resolves once its stdout prints `listening on http://…`, with the time that
 * took. Rejects when the process exits first or after `timeoutMs`, with the end of its stderr.
 *
 * @example
 * const { url, child } = await startProcess(['scripts/lib/bench-ceiling.mjs']);
 * await stopProcess(child);
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 * @returns {Promise<Started>}
 */
export function startProcess(args, options = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [...args], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let out = '';
  let err = '';
  let done = false;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk) => {
    // Only the end is kept: it explains a failed start; a running server's warnings go to our stderr.
    err = (err + chunk).slice(-4000);
    if (done) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not listen within ${options.timeoutMs} ms\n${err}`));
    }, options.timeoutMs ?? 600_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk) => {
      if (done) return;
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        done = true;
        clearTimeout(timer);
        resolve({ url: match[1], child, ms: performance.now() - started });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!done) reject(new Error(`${args.join(' ')} exited (${code ?? signal}) before listening\n${err}`));
    });
  });
}

/**
 * Stops a child with SIGTERM (SIGKILL after `graceMs`) and resolves once it exited.
 *
 * @example
 * await stopProcess(child);
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 * @returns {Promise<void>}
 */
export function stopProcess(child, graceMs = 10_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The long options a CLI documents in its `--help` (e.g. `--database`, `--no-rate-limit`), so that the
 * bench uses a flag only once the server has it.
 *
 * @example
 * cliOptions(['--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts']).has('--seed'); // true
 * @param {readonly string[]} args how to run the CLI with node
 * @param {string} [cwd]
 * @returns {Set<string>}
 */
export function cliOptions(args, cwd) {
  const help = spawnSync(process.execPath, [...args, '--help'], { cwd, encoding: 'utf8' });
  return new Set(help.stdout.match(/--[a-z][a-z-]*/g) ?? []);
}
