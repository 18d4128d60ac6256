/**
 * The container files agree with the production sequence that test/production runs: the
 * Dockerfile's build stage is the README's sequence and m365agents.yml's deploy, its CMD is
 * npm start's command, compose.yaml runs Redis with persistence, the bot and the notice worker.
 * (No Docker engine here: test/production runs the Dockerfile's steps themselves.)
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_PORT } from '../../bot/config';
import { DockerStage, parseDockerfile, readDockerfile } from '../support/dockerfile';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
const image = readDockerfile(path.join(ROOT, 'Dockerfile'));
const [build, runtime] = image.stages as [DockerStage, DockerStage];
const buildCommands = build.steps.flatMap((s) => (s.kind === 'run' ? [s.command] : []));

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { disable?: boolean; test?: string[] };
  ports?: string[];
}
const compose = parse(read('compose.yaml')) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };

describe('container: Dockerfile, compose.yaml and the production sequence', () => {
  it('builds in one stage and runs from a second on the same base image, as a non-root user', () => {
    assert.equal(image.stages.length, 2);
    assert.ok(build.name);
    // node_modules is copied across, native modules included: same base image.
    assert.equal(runtime.image, build.image);
    assert.match(build.image, /^node:20-/);
    assert.ok(runtime.user && !['root', '0'].includes(runtime.user), `USER ${runtime.user}`);
    assert.deepEqual(
      runtime.steps.map((s) => s.kind === 'copy' && s.from === build.name),
      runtime.steps.map(() => true),
      'the runtime stage copies from the build only',
    );
    assert.equal(runtime.env.NODE_ENV, 'production');
  });

  it('runs the production sequence in the build stage: npm ci, npm run build, npm prune --omit=dev', () => {
    assert.deepEqual(buildCommands, ['npm ci', 'npm run build', 'npm prune --omit=dev']);
    assert.equal(scripts.build, 'tsc -b tsconfig.app.json');
  });

  it('starts what npm start starts, with node as PID 1 (SIGTERM reaches the bot), and checks /healthz', () => {
    assert.deepEqual(image.cmd, scripts.start.split(' '));
    assert.ok(image.healthcheck);
    assert.equal(image.healthcheck.command[0], 'node');
    assert.match(image.healthcheck.command.join(' '), /\/healthz/);
    assert.deepEqual(image.exposedPorts, [String(DEFAULT_PORT)]);
    assert.equal(runtime.env.PORT, String(DEFAULT_PORT));
  });

  it('refuses a Dockerfile whose CMD is in shell form (a shell between the signals and node)', () => {
    assert.throws(() => parseDockerfile('FROM node:20-bookworm-slim\nCMD node dist/bot/index.js\n'), /exec form/);
  });

  it("is the sequence the README's Deploy section and m365agents.yml's deploy run", () => {
    const readme = read('README.md');
    const deploy = readme.slice(readme.indexOf('\n## Deploy'));
    assert.ok(deploy.length > 100, 'the README has a Deploy section');
    const block = /```sh\n([\s\S]*?)```/.exec(deploy)?.[1] ?? '';
    const lines = block
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    assert.deepEqual(lines.slice(0, buildCommands.length), buildCommands);
    assert.ok(lines.includes(image.cmd.join(' ')), block);
    const toolkit = parse(read('m365agents.yml')) as { deploy: { uses: string; with: { args?: string } }[] };
    const npmSteps = toolkit.deploy.filter((s) => s.uses === 'cli/runNpmCommand').map((s) => `npm ${s.with.args}`);
    assert.deepEqual(npmSteps.slice(0, buildCommands.length), buildCommands);
  });

  it('compose.yaml: Redis with its append-only file on a volume and no eviction, the bot, and the notice worker apart', () => {
    assert.deepEqual(Object.keys(compose.services).sort(), ['bot', 'redis', 'worker']);
    const redis = compose.services.redis;
    const args = (redis.command ?? []).join(' ');
    assert.match(args, /--appendonly yes/);
    assert.match(args, /--maxmemory-policy noeviction/);
    const dataVolume = (redis.volumes ?? []).find((v) => v.endsWith(':/data'));
    assert.ok(dataVolume && dataVolume.split(':')[0] in compose.volumes, 'Redis keeps /data on a named volume');

    const { bot, worker } = compose.services;
    for (const service of [bot, worker]) {
      assert.equal(service.build, '.', 'built from this Dockerfile');
      assert.equal(service.environment?.REDIS_URL, 'redis://redis:6379');
      assert.equal(service.depends_on?.redis?.condition, 'service_healthy');
    }
    assert.equal(bot.image, worker.image);
    assert.equal(bot.environment?.RUN_NOTICE_WORKERS, 'false');
    assert.equal(bot.command, undefined, "the bot runs the image's CMD");
    assert.deepEqual(worker.command, scripts.worker.split(' '));
    assert.equal(worker.healthcheck?.disable, true, 'the worker serves no /healthz');
    // Local mode has no channel authentication: never published beyond this machine.
    assert.deepEqual(bot.ports, [`127.0.0.1:${DEFAULT_PORT}:${DEFAULT_PORT}`]);
  });

  it('.dockerignore keeps every build input in the context; .webappignore keeps every runtime file in the zip deploy', () => {
    const firstSegment = (pattern: string) => pattern.replace(/^\//, '').split('/')[0];
    const patterns = (file: string) =>
      read(file)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'));
    const appProject = JSON.parse(read('tsconfig.app.json')) as { include: string[] };
    const buildInputs = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.app.json', ...appProject.include.map(firstSegment), 'data', 'tab'];
    assert.deepEqual(
      patterns('.dockerignore')
        .map(firstSegment)
        .filter((p) => buildInputs.includes(p)),
      [],
    );
    const runtimeFiles = runtime.steps.flatMap((s) => (s.kind === 'copy' ? s.sources.map((src) => path.posix.relative(build.workdir, src)) : []));
    // A pattern that is a runtime path itself would leave it out whole (dist/test/ leaves out only the tests).
    assert.deepEqual(
      patterns('.webappignore').filter((p) => runtimeFiles.includes(p.replace(/^\/|\/$/g, ''))),
      [],
    );
    assert.ok(runtimeFiles.includes('dist') && runtimeFiles.includes('node_modules'), runtimeFiles.join());
  });
});
