/**
 * Every setting is read in one place (bot/config/) and documented in .env.sample: an operator
 * who copies .env.sample sees every variable the bot reads, and nothing it ignores. This reads
 * the sources themselves, so a new setting added without its line (or read outside the config
 * module) fails here.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const CONFIG_DIR = path.join('bot', 'config');

/** The names the config modules pass to their readers: str(env, 'NAME'), int(env, 'NAME', …) and the like. */
function namesReadByConfig(): Set<string> {
  const sources = sourceFiles(CONFIG_DIR).map(read).join('\n');
  return new Set([...sources.matchAll(/\b(?:str|int|bool|oneOf|file)\(env, '([A-Za-z_][A-Za-z0-9_]*)'/g)].map((m) => m[1]));
}

/** NAME=value lines of .env.sample, commented out or not. */
function namesInSample(): Set<string> {
  return new Set([...read('.env.sample').matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name));
}

describe('settings: one config module, all documented in .env.sample', () => {
  it('documents every variable the config modules read, and only those', () => {
    const readByConfig = namesReadByConfig();
    const documented = namesInSample();
    assert.ok(readByConfig.size >= 30, `found only ${readByConfig.size} settings in bot/config/: has its reader pattern changed?`);
    assert.deepEqual(
      [...readByConfig].filter((name) => !documented.has(name)),
      [],
      'read by bot/config/ but missing from .env.sample',
    );
    assert.deepEqual(
      [...documented].filter((name) => !readByConfig.has(name)),
      [],
      'in .env.sample but read by nothing',
    );
  });

  it('reads the environment nowhere else in bot/ and services/', () => {
    // bot/envFile.ts reads no setting: it fills the environment from .env before bot/config/ reads it.
    const allowed = [path.join('bot', 'envFile.ts')];
    const readers = [...sourceFiles('bot'), ...sourceFiles('services')].filter((file) => !file.startsWith(CONFIG_DIR + path.sep) && !allowed.includes(file) && /process\.env\b/.test(read(file)));
    assert.deepEqual(readers, []);
  });
});
