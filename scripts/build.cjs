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
const { existsSync, readdirSync, rmSync } = require('node:fs');
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

/** The source a compiled file came from: dist/bot/app.js -> bot/app.ts, dist/cards/x.json -> cards/x.json. */
function sourceOf(compiled) {
  const relative = path.relative(path.join(root, 'dist'), compiled);
  if (relative.endsWith('.json')) return path.join(root, relative);
  return path.join(root, relative.replace(/(\.d)?\.(js|ts)(\.map)?$/, '.ts'));
}

/**
 * tsc -b never deletes what it compiled from a file since moved or deleted; mocha would still run
 * a moved test's old copy. Compiled files whose source is gone are removed after each build.
 */
function removeOrphans(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) removeOrphans(file);
    else if (/\.(js|js\.map|d\.ts|d\.ts\.map|json)$/.test(entry.name) && !existsSync(sourceOf(file))) rmSync(file);
  }
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}

const tsc = typescriptCompiler();
if (tsc) {
  const result = spawnSync(process.execPath, [tsc, '-b', project], { cwd: root, stdio: 'inherit' });
  if (result.status === 0) for (const folder of ['bot', 'cards', 'services', 'scripts', 'test', 'bench']) removeOrphans(path.join(root, 'dist', folder));
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
