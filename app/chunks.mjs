// Which of the app's files each role loads, read from wasm-split's loader (app/build.sh).
//
//   node app/chunks.mjs manifest <dist> <assets>   prints chunks.json: the folder of the
//                                                  modules (under <dist>), the files of the
//                                                  main module, of each group of lazy pages
//                                                  and of each role (app/build.sh)
//   node app/chunks.mjs sizes <dist>               prints what each role downloads before
//                                                  its first screen and for its whole app,
//                                                  raw and gzip -9 (.ci/run's release sizes)
//
// Every page but sign-in is a lazy route (`app/src/routes.rs`), in one of a few groups
// (`today`, `office`, …): each group is a wasm module of its own, loaded with the chunks of
// code it shares with other groups. The roles below name the groups each role opens; a
// group missing here, or named here but not built, fails the build, so this table and the
// router agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The page groups each role opens, its first screen (after sign-in) first. */
const ROLES = {
  caregiver: ['today', 'account', 'training'],
  office: ['today', 'office', 'account', 'training', 'reports'],
  family: ['family', 'account'],
  lecturer: ['lecturing', 'account'],
  region: ['reports', 'account'],
};
/** Pages anyone opens from a link in an e-mail, before signing in. */
const PUBLIC = ['public'];

/** The main module: what every role loads first (it shows the sign-in form). */
const MAIN = ['boot.js', 'app.js', 'app_bg.wasm', '__wasm_split.js'];

/** The groups in wasm-split's loader, each with the files it needs beyond the main module. */
function readGroups(assets) {
  const loader = readFileSync(join(assets, '__wasm_split.js'), 'utf8');
  // `/* split_a, split_b */ const __chunk_3 = makeLoad(... "./chunk_3.wasm" ...`: code shared by
  // the named splits; `export const __wasm_split_load_<split> = ... "./split_<split>.wasm" ...,
  // [__chunk_3, ...]));`: a split and the shared chunks it needs.
  const chunkFiles = new Map();
  for (const [, variable, file] of loader.matchAll(/const (__chunk_\d+) = makeLoad\([^]*?"\.\/([^"]+\.wasm)"/g)) {
    chunkFiles.set(variable, file);
  }
  const groups = {};
  const loads = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([^]*?)\[([^\]]*)\]\)\);/g;
  for (const [, split, fetcher, deps] of loader.matchAll(loads)) {
    const own = /"\.\/([^"]+\.wasm)"/.exec(fetcher)?.[1];
    const shared = deps
      .split(',')
      .map((dep) => dep.trim())
      .filter(Boolean)
      .map((dep) => {
        const file = chunkFiles.get(dep);
        if (!file) throw new Error(`chunks.mjs: ${split} needs ${dep}, which the loader does not define`);
        return file;
      });
    groups[split] = [...(own ? [own] : []), ...shared];
  }
  return groups;
}

function manifest(dist, assets) {
  const groups = readGroups(join(dist, assets));
  const known = new Set([...Object.values(ROLES).flat(), ...PUBLIC]);
  const unassigned = Object.keys(groups).filter((group) => !known.has(group));
  const missing = [...known].filter((group) => !(group in groups));
  if (unassigned.length || missing.length) {
    throw new Error(
      `chunks.mjs: the role table and the router disagree; built but in no role: [${unassigned}], in a role but not built: [${missing}]`,
    );
  }
  const filesOf = (names) => [...new Set([...MAIN, ...names.flatMap((group) => groups[group])])].sort();
  const roles = Object.fromEntries(
    Object.entries(ROLES).map(([role, names]) => [role, { first: filesOf(names.slice(0, 1)), all: filesOf(names) }]),
  );
  return { assets, main: MAIN, groups, roles };
}

/** One line per role: its first screen's download and its whole app's, raw and gzip -9. */
function sizes(dist) {
  const { assets, roles } = JSON.parse(readFileSync(join(dist, 'chunks.json'), 'utf8'));
  const folder = join(dist, assets);
  const measure = (files) =>
    files.reduce(
      ([raw, gzip], file) => {
        const bytes = readFileSync(join(folder, file));
        return [raw + bytes.length, gzip + gzipSync(bytes, { level: 9 }).length];
      },
      [0, 0],
    );
  const kb = (bytes) => `${(bytes / 1000).toFixed(1).padStart(7)} KB`;
  for (const [role, { first, all }] of Object.entries(roles)) {
    const [firstRaw, firstGzip] = measure(first);
    const [allRaw, allGzip] = measure(all);
    console.log(
      `app ${role.padEnd(10)} first screen ${String(first.length).padStart(3)} files raw ${kb(firstRaw)} gzip -9 ${kb(firstGzip)}` +
        ` | whole app ${String(all.length).padStart(3)} files raw ${kb(allRaw)} gzip -9 ${kb(allGzip)}`,
    );
  }
}

const [command, dist, assets] = process.argv.slice(2);
if (command === 'manifest' && dist && assets) {
  process.stdout.write(`${JSON.stringify(manifest(dist, assets), null, 2)}\n`);
} else if (command === 'sizes' && dist) {
  sizes(dist);
} else {
  console.error('usage: node app/chunks.mjs manifest <dist> <assets> | sizes <dist>');
  process.exit(2);
}
