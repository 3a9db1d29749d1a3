// Which of the app's code files is whose, from the build's dist/chunks.json (app/chunks.mjs),
// and a record of the code files a browser context fetches.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { repoRoot } from './host.js';

export const chunks = JSON.parse(readFileSync(resolve(repoRoot, 'dist', 'chunks.json'), 'utf8'));
/** Every file of the caregiver's whole app. */
export const caregiverFiles = new Set(chunks.roles.caregiver.all);
/** The office's pages and what they share, without what a caregiver loads too. */
export const officeOnlyFiles = chunks.groups.office.filter((file) => !caregiverFiles.has(file));

/** Names of the app's code files (JS and wasm under /assets/) the context requests. */
export function recordCodeRequests(context) {
  const files = new Set();
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(`/${chunks.assets}/`)) {
      files.add(basename(path));
    }
  });
  return files;
}
