// A preload for the fault suite (audit/faults.test.ts): with NASSIJ_TEST_HOLD_MARKER set, writing a file whose
// bytes contain the marker never completes, and the process says so on stderr. An upload of such a file stops
// inside its handler, after its Idempotency-Key was claimed and before its answer was stored: the suite kills
// the server (SIGKILL) right there, with no timing to guess. Not part of the published package.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const marker = process.env.NASSIJ_TEST_HOLD_MARKER;
if (marker) {
  const require = createRequire(import.meta.url);
  const fsp = require('node:fs/promises') as typeof import('node:fs/promises');
  const writeFile = fsp.writeFile;
  fsp.writeFile = ((...args: Parameters<typeof writeFile>) => {
    const [path, data] = args;
    if (
      data instanceof Uint8Array &&
      Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(marker)
    ) {
      process.stderr.write(`nassij-test: holding the write of ${String(path)}\n`);
      return new Promise<void>(() => undefined);
    }
    return writeFile(...args);
  }) as typeof writeFile;
  // `import { writeFile } from 'node:fs/promises'` in the server sees the replacement too.
  syncBuiltinESMExports();
}
