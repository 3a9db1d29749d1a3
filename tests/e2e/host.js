// Starts the native E-péče test host (tests/src, `epece-host`) on a free port and waits
// for its readiness line; no sleeping.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const READY = /^listening on http:\/\/127\.0\.0\.1:(\d+)\/?\s*$/;

export async function startHost({ timeoutMs = 60_000 } = {}) {
  const bin = process.env.EPECE_HOST_BIN ?? resolve(repoRoot, 'target', 'debug', 'epece-host');
  const staticDir = resolve(repoRoot, 'dist');
  if (!existsSync(bin)) {
    throw new Error(`${bin} not found: build it with \`cargo build -p epece-tests --bin epece-host\` or set EPECE_HOST_BIN`);
  }
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    throw new Error(`${staticDir}/index.html not found: build the app with app/build.sh`);
  }
  const child = spawn(bin, ['--listen', '127.0.0.1:0', '--static-dir', staticDir, '--demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });

  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`epece-host did not report readiness in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = READY.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`epece-host exited (${code ?? signal}) before it was ready\n${stderr}`));
    });
  });

  return {
    // `localhost`, not 127.0.0.1: the session cookie is Secure, and Chromium treats only
    // localhost as a secure context over plain HTTP.
    url: `http://localhost:${port}/`,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const exited = new Promise((done) => child.once('exit', done));
      // SIGINT: the host removes its temporary database on Ctrl-C.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
