#!/usr/bin/env bash
# Builds the browser app into <repo>/dist: hashed JS and wasm in dist/assets/, index.html
# filled in from app/index.html, public/ copied, dist/sw.js with its precache list.
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

cd "$root"
CARGO_TARGET_DIR="$target_dir" cargo build -p app --target wasm32-unknown-unknown --profile app-release

work="$(mktemp -d)"
staging="$root/dist.tmp.$$"
trap 'rm -rf "$work" "$staging"' EXIT

# No wasm-opt: Debian's binaryen breaks the app at start-up (see shared/TOOLCHAIN.md).
"$wasm_bindgen" --target web --no-typescript --remove-name-section \
  --out-dir "$work" --out-name app \
  "$target_dir/wasm32-unknown-unknown/app-release/app.wasm"

hash10() { sha256sum "$1" | cut -c1-10; }

mkdir -p "$staging/assets"
cp -R "$root/public/." "$staging/"

js="app-$(hash10 "$work/app.js").js"
wasm="app-$(hash10 "$work/app_bg.wasm")_bg.wasm"
cp "$work/app.js" "$staging/assets/$js"
cp "$work/app_bg.wasm" "$staging/assets/$wasm"

sed -e "s|__APP_JS__|$js|g" -e "s|__APP_WASM__|$wasm|g" "$root/app/index.html" >"$staging/index.html"
if grep -q "__APP_" "$staging/index.html"; then
  echo "build.sh: index.html still has a placeholder" >&2
  exit 1
fi

# The app shell the service worker keeps: every file the first screen needs.
shell=(/index.html "/assets/$js" "/assets/$wasm" /app.css /manifest.webmanifest)
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

rm -rf "$dist"
mv "$staging" "$dist"
echo "build.sh: dist/ ready: assets/$js, assets/$wasm, cache version $version"
