#!/usr/bin/env bash
# Builds the browser app into <repo>/dist: the JS and the wasm modules (the main one and
# each lazy page's, split by wasm-split) in dist/assets/<content hash>/, index.html filled
# in from app/index.html, public/ copied, dist/chunks.json (which files each role loads,
# app/chunks.mjs), dist/sw.js with its precache list, and a Brotli and a gzip copy of
# every text and wasm file (app/compress.mjs) for the web component to send.
# Callable from any directory (also by `spin build`); honours CARGO_TARGET_DIR.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in
  /*) ;;
  *) target_dir="$PWD/$target_dir" ;;
esac
dist="$root/dist"

wasm_bindgen="${WASM_BINDGEN:-$(command -v wasm-bindgen || echo "$HOME/.cargo/bin/wasm-bindgen")}"
if [[ ! -x "$wasm_bindgen" ]]; then
  echo "build.sh: wasm-bindgen not found; install it with: cargo install wasm-bindgen-cli --version 0.2.130" >&2
  exit 1
fi
wasm_split="${WASM_SPLIT:-$(command -v wasm-split-cli || echo "$HOME/.cargo/bin/wasm-split-cli")}"
if [[ ! -x "$wasm_split" ]]; then
  echo "build.sh: wasm-split-cli not found; install it with: cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked" >&2
  exit 1
fi

cd "$root"
# binaryen's wasm-opt from npm, pinned in app/package-lock.json (Debian's breaks the app).
binaryen_wanted="$(node -p "require('./app/package-lock.json').packages['node_modules/binaryen'].version")"
binaryen_have="$(node -p "try { require('./app/node_modules/binaryen/package.json').version } catch { '' }")"
if [[ "$binaryen_have" != "$binaryen_wanted" ]]; then
  npm ci --prefix app --no-audit --no-fund --loglevel=error
fi
wasm_opt="$root/app/node_modules/.bin/wasm-opt"

# Relocations let wasm-split move each group of lazy pages (and the code only they share)
# out of the main module; only the app's own link needs them. `erase_components` gives
# every component one view type instead of a nested generic one: 8 % less gzip, same app.
# The standard library is built for the app from the pinned toolchain's rust-src, sized for
# download: a panic traps at once (as `panic = "abort"` did, without formatting a message
# nobody reads: the app installs no panic hook) and carries no file and line. The caregiver's
# first screen: 456.4 -> 422.6 KB gzip. `{:?}` formats nothing (the app prints no Debug text;
# only its tests, built without these flags, do): 4.2 KB gzip off every role's main module.
# These are unstable flags, which RUSTC_BOOTSTRAP allows on the pinned stable compiler; they
# are tied to that version (rust-toolchain.toml).
RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$target_dir" \
  RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
  cargo rustc -p app --lib --target wasm32-unknown-unknown --profile app-release --features split \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
  -- -C link-arg=--emit-relocs

work="$(mktemp -d)"
staging="$root/dist.tmp.$$"
trap 'rm -rf "$work" "$staging"' EXIT

"$wasm_split" "$target_dir/wasm32-unknown-unknown/app-release/app.wasm" "$work/split" \
  --target web --out-name app
mkdir "$work/out"
"$wasm_bindgen" --target web --no-typescript --remove-name-section --keep-lld-exports \
  --out-dir "$work/out" --out-name app "$work/split/app.wasm"
mv "$work/out/app.js" "$work/out/app_bg.wasm" "$work/split/"
rm "$work/split/app.wasm"
# wasm-split keeps the names in the modules it writes; wasm-opt strips them. Its -Oz makes
# the modules smaller but their gzip 5-15 % larger, so it runs only the passes that each
# made the main module's gzip smaller, tried one at a time (each one of -Oz's): together
# 5.1 KB off the caregiver's first screen.
optimise=(--duplicate-function-elimination --remove-unused-brs --code-folding
  --optimize-instructions --reorder-locals)
for module in "$work/split"/*.wasm; do
  "$wasm_opt" "${optimise[@]}" --strip-debug --strip-producers "$module" -o "$module"
done

mkdir -p "$staging/assets"
cp -R "$root/public/." "$staging/"

# The boot script starts the modules from beside them, with the main module's size (for
# the splash's progress) filled in.
wasm_bytes="$(stat -c %s "$work/split/app_bg.wasm")"
sed -e "s|__APP_WASM_BYTES__|$wasm_bytes|g" "$root/app/boot.js" >"$work/split/boot.js"

# The modules load each other by relative names: they stay together in one folder named
# after their content.
version_dir="$(cd "$work/split" && sha256sum * | sha256sum | cut -c1-10)"
assets="assets/$version_dir"
cp -R "$work/split" "$staging/$assets"
node "$root/app/chunks.mjs" manifest "$staging" "$assets" >"$staging/chunks.json"

sed -e "s|__APP_ASSETS__|$assets|g" "$root/app/index.html" >"$staging/index.html"
if grep -q "__APP_" "$staging/index.html" "$staging/$assets/boot.js"; then
  echo "build.sh: index.html or boot.js still has a placeholder" >&2
  exit 1
fi

# The app shell the service worker keeps: every file of the caregiver's app, so that it
# opens offline; other roles' pages are kept when first opened.
shell=(/index.html /app.css /manifest.webmanifest)
while IFS= read -r file; do
  shell+=("/$assets/$file")
done < <(node -e "for (const f of require(process.argv[1]).roles.caregiver.all) console.log(f)" "$staging/chunks.json")
while IFS= read -r icon; do
  shell+=("/${icon#"$staging"/}")
done < <(find "$staging/icons" -type f -name '*.png' | sort)

precache="["
version_input=""
for url in "${shell[@]}"; do
  file="$staging$url"
  if [[ ! -f "$file" ]]; then
    echo "build.sh: precached file missing: $url" >&2
    exit 1
  fi
  precache+="'$url', "
  version_input+="$url $(sha256sum "$file" | cut -d' ' -f1)"$'\n'
done
precache="${precache%, }]"
version_input+="sw $(sha256sum "$root/public/sw.js" | cut -d' ' -f1)"
version="$(printf '%s' "$version_input" | sha256sum | cut -c1-10)"

sed -e "s|__CACHE_VERSION__|$version|g" -e "s|__PRECACHE_LIST__|$precache|g" \
  "$root/public/sw.js" >"$staging/sw.js"
if grep -q "__CACHE_VERSION__\|__PRECACHE_LIST__" "$staging/sw.js"; then
  echo "build.sh: sw.js still has a placeholder" >&2
  exit 1
fi

node "$root/app/compress.mjs" "$staging"

rm -rf "$dist"
mv "$staging" "$dist"
echo "build.sh: dist/ ready: $assets/, cache version $version"
