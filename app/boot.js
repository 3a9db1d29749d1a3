// Starts the app and shows the splash's progress. A file, not an inline script: the app's
// content security policy allows no inline script. build.sh puts it beside the modules it
// loads (so its folder's content hash covers it) with the main module's size filled in.
import init, { start } from './app.js';

const WASM = new URL('./app_bg.wasm', import.meta.url);
/** The module's size before compression (build.sh): what the decoded stream adds up to. */
const WASM_BYTES = __APP_WASM_BYTES__;
const bar = document.getElementById('boot-progress');
const label = document.getElementById('boot-text');
const shownPercent = document.getElementById('boot-percent');

// The bar speaks for itself to a screen reader; the figure beside it is for the eye.
function showProgress(loaded) {
  const percent = Math.min(100, Math.floor((loaded / WASM_BYTES) * 100));
  bar.value = percent;
  shownPercent.textContent = `${percent} %`;
}

/** The app's module as a response whose body reports how much has arrived. */
async function wasmWithProgress() {
  const response = await fetch(WASM);
  if (!response.ok || !response.body) {
    return response;
  }
  let loaded = 0;
  const counting = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      showProgress(loaded);
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counting), {
    headers: { 'content-type': 'application/wasm' },
  });
}

try {
  await init({ module_or_path: wasmWithProgress() });
  document.getElementById('boot')?.remove();
  start();
  // Registered once the app runs: the worker's precache then reads the files this
  // visit has just loaded from the HTTP cache instead of downloading them again.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch((error) => {
      console.warn('Service worker se nepodařilo zaregistrovat:', error);
    });
  }
} catch (error) {
  console.error(error);
  const boot = document.getElementById('boot');
  if (boot) {
    bar.remove();
    shownPercent.remove();
    label.textContent = 'Aplikaci se nepodařilo spustit. Obnovte prosím stránku.';
    boot.setAttribute('role', 'alert');
  }
}
