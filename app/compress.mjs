// Writes <file>.br (Brotli, quality 11) and <file>.gz (gzip -9) beside every compressible
// file of a built app, once, at build time; the web component sends the copy a client
// accepts (functions/web). A copy that would not be smaller is not written.
//
// Usage: node app/compress.mjs <dist folder>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text and wasm; images are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      yield* files(path);
    } else {
      yield path;
    }
  }
}

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node app/compress.mjs <dist folder>');
  process.exit(2);
}

let original = 0;
let brotli = 0;
for (const path of [...files(dist)].filter((file) => COMPRESSIBLE.has(extname(file)))) {
  const body = readFileSync(path);
  const copies = {
    '.br': brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    '.gz': gzipSync(body, { level: constants.Z_BEST_COMPRESSION }),
  };
  for (const [suffix, copy] of Object.entries(copies)) {
    if (copy.length < body.length) {
      writeFileSync(path + suffix, copy);
    }
  }
  original += body.length;
  brotli += Math.min(copies['.br'].length, body.length);
}
console.log(`compress.mjs: ${original} B of text and wasm, ${brotli} B with Brotli`);
