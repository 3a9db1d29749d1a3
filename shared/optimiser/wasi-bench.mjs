// Runs a bench binary built for wasm32-wasip1 under Node's WASI, so the optimiser can be
// timed on the instruction set the Spin components run on (Node's V8, not Spin's Wasmtime).
// Usage: node shared/optimiser/wasi-bench.mjs BENCH.wasm [bench arguments…]
// File paths in the arguments must lie under the current directory.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, cwd } from 'node:process';

const [wasmPath, ...args] = argv.slice(2);
if (!wasmPath) {
  console.error('usage: node shared/optimiser/wasi-bench.mjs BENCH.wasm [arguments…]');
  process.exit(2);
}
const wasi = new WASI({ version: 'preview1', args: [wasmPath, ...args], preopens: { '.': cwd() } });
const module = await WebAssembly.compile(await readFile(wasmPath));
process.exitCode = wasi.start(await WebAssembly.instantiate(module, wasi.getImportObject()));
