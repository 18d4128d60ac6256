#!/usr/bin/env node
/*
 * The build step before every `npm run` that needs compiled code (start, test, import, ...):
 * `tsc -b <project>`, which compiles only what changed since the last build and returns in
 * about half a second when nothing did.
 *
 * In a production install (`npm run build`, then `npm prune --omit=dev`) TypeScript is gone:
 * then it compiles nothing and the build made before is used, or, when there is none, it says
 * how to make one. Plain JavaScript, because it runs before anything is compiled.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const project = process.argv[2] || 'tsconfig.app.json';

function typescriptCompiler() {
  try {
    return require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    return null;
  }
}

const tsc = typescriptCompiler();
if (tsc) {
  const result = spawnSync(process.execPath, [tsc, '-b', project], { cwd: root, stdio: 'inherit' });
  process.exit(result.status === null ? 1 : result.status);
}
// tsc -b writes dist/<project name>.tsbuildinfo when a build of that project succeeds.
const buildInfo = path.join(root, 'dist', `${path.basename(project, '.json')}.tsbuildinfo`);
if (!existsSync(buildInfo)) {
  console.error(
    `TypeScript is not installed (a production install without dev dependencies) and there is no build of ${project} in dist/.\n` +
      'Build first, with the dev dependencies: npm ci && npm run build && npm prune --omit=dev',
  );
  process.exit(1);
}
