/**
 * npm run test:production (and .ci/run): the production sequence from a clean clone, as the
 * Dockerfile runs it, without a Docker engine. The clone is the build context; the build stage's
 * RUN steps run in it (npm ci, npm run build, npm prune --omit=dev); the runtime stage's
 * COPY --from=build steps copy what they name into an empty directory, which is then all the bot
 * has: the image's CMD starts it there (as an unprivileged user when this runs as root), with the
 * settings compose.yaml gives the bot, then the notice worker with compose's command and settings.
 * The clone is of the last commit: uncommitted changes are not in it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import { parse } from 'yaml';
import { deleteKeysByPrefix } from '../../services/redis/redisConnection';
import { connectTestRedis, TEST_REDIS_URL } from '../support/testRedis';
import { BotProcess, LoggingProcess, ProcessCommand, startBotProcess, startLoggingProcess } from '../support/botProcess';
import { CONTOSO_TENANT, textOf } from '../support/conversationHarness';
import { DockerImage, DockerStage, readDockerfile } from '../support/dockerfile';
import { FakeConnector, startFakeConnector } from '../support/fakeConnector';
import { Member, sendMessage } from '../support/liveBot';

const ROOT = path.resolve(__dirname, '../../..');
const alice: Member = { id: '29:alice', aadObjectId: 'aad-alice', tenantId: CONTOSO_TENANT, email: 'alice@contoso.com', name: 'Alice Martin' };

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
}

/** The environment of the machine without what npm put there for this run (npm_*, INIT_CWD): the build gets none of it. */
function cleanEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([name, value]) => value !== undefined && !/^npm_/i.test(name) && name !== 'INIT_CWD')) as Record<string, string>;
}

/** A path of the image (absolute, or relative to the stage's WORKDIR) in the directory that stands for that stage. */
function inStage(stage: DockerStage, dir: string, imagePath: string): string {
  return path.join(dir, path.posix.relative(stage.workdir, path.posix.resolve(stage.workdir, imagePath)));
}

/** The compose service's settings for a process here: Redis is the test server, under a key prefix of this run. */
function composeEnv(service: ComposeService, redisPrefix: string): Record<string, string> {
  const env = { ...(service.environment ?? {}) };
  assert.match(env.REDIS_URL ?? '', /^redis:\/\/redis:6379$/, 'compose gives the process the redis service');
  return { ...env, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redisPrefix };
}

describe('production sequence from a clean clone (Dockerfile steps, no Docker engine)', function () {
  this.timeout(15 * 60 * 1000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'certlink-production-'));
  const context = path.join(work, 'context');
  const runtime = path.join(work, 'runtime');
  const redisPrefix = `test:production:${randomBytes(4).toString('hex')}:`;
  // Root can run the bot as nobody, as the image runs it as node: it must need no write access to its files.
  const user: Pick<ProcessCommand, 'uid' | 'gid'> = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  let image: DockerImage;
  let compose: { services: Record<string, ComposeService> };
  let redis: Redis;
  let connector: FakeConnector;
  const started: LoggingProcess[] = [];

  before(async () => {
    redis = await connectTestRedis();
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, context], { stdio: 'inherit' });
    console.log(`      clone of ${execFileSync('git', ['-C', context, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim().slice(0, 100)}`);
    image = readDockerfile(path.join(context, 'Dockerfile'));
    compose = parse(readFileSync(path.join(context, 'compose.yaml'), 'utf8')) as typeof compose;
    connector = await startFakeConnector();
    connector.setMember({ id: alice.id, aadObjectId: alice.aadObjectId, email: alice.email, userPrincipalName: alice.email, name: alice.name, tenantId: alice.tenantId } as never);
  });

  after(async () => {
    for (const p of started) await p.stop();
    await connector?.close();
    if (redis) {
      await deleteKeysByPrefix(redis, redisPrefix);
      redis.disconnect();
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('runs the build stage: every RUN step succeeds in the clone, which the build-context COPY steps stand for', () => {
    const [build] = image.stages;
    assert.ok(image.stages.length === 2 && build.name, 'a named build stage, then the runtime stage');
    const runs = build.steps.filter((s) => s.kind === 'run');
    assert.ok(runs.length > 0);
    for (const step of build.steps) {
      if (step.kind === 'copy') {
        // From the build context into WORKDIR: the clone is both.
        assert.equal(step.from, null);
        continue;
      }
      const started = Date.now();
      const result = spawnSync('sh', ['-c', step.command], { cwd: context, env: { ...cleanEnv(), ...build.env }, stdio: 'inherit' });
      console.log(`      RUN ${step.command}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      assert.equal(result.status, 0, `RUN ${step.command}`);
    }
  });

  it('makes the runtime stage from its COPY --from steps alone, with no dev dependency in it', () => {
    const [build, run] = image.stages;
    for (const step of run.steps) {
      assert.equal(step.kind, 'copy', 'the runtime stage only copies from the build');
      if (step.kind !== 'copy') continue;
      assert.equal(step.from, build.name);
      assert.equal(step.sources.length, 1);
      cpSync(inStage(build, context, step.sources[0]), inStage(run, runtime, step.destination), { recursive: true, verbatimSymlinks: true });
    }
    chmodSync(work, 0o755);
    // package-lock.json marks what only the dev dependencies need; optional packages are for other platforms too.
    const lock = JSON.parse(readFileSync(path.join(context, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean; devOptional?: boolean }> };
    const installed = Object.entries(lock.packages).filter(([where]) => where.startsWith('node_modules/'));
    const devLeft = installed.filter(([where, entry]) => entry.dev && existsSync(path.join(runtime, where))).map(([where]) => where);
    assert.deepEqual(devLeft, [], 'dev dependencies left after the build stage');
    const prodMissing = installed.filter(([where, entry]) => !entry.dev && !entry.optional && !entry.devOptional && !existsSync(path.join(runtime, where))).map(([where]) => where);
    assert.deepEqual(prodMissing, [], 'production dependencies missing');
    assert.ok(installed.filter(([, entry]) => entry.dev).length > 100, 'the lockfile marks the dev packages');
    assert.ok(run.user && run.user !== 'root', `the runtime runs as ${run.user}`);
  });

  let bot: BotProcess;

  it("starts with the image's CMD and compose's settings for the bot; /healthz and /readyz answer 200, the HEALTHCHECK passes", async () => {
    const [, run] = image.stages;
    const env = { ...run.env, ...composeEnv(compose.services.bot, redisPrefix), PORT: '0' };
    bot = await startBotProcess(env, 30000, { command: image.cmd, cwd: runtime, ...user });
    started.push(bot);
    for (const route of ['/healthz', '/readyz']) {
      const res = await fetch(`${bot.url}${route}`);
      assert.equal(res.status, 200, `${route}: ${await res.text()}`);
    }
    assert.ok(image.healthcheck, 'the image has a HEALTHCHECK');
    const [file, ...args] = image.healthcheck.command;
    const check = spawnSync(file, args, { cwd: runtime, env: { PATH: process.env.PATH ?? '', ...run.env, PORT: String(bot.port) }, encoding: 'utf8' });
    assert.equal(check.status, 0, `HEALTHCHECK: ${check.stderr}`);
    // It fails where nothing answers, so it can tell a dead container.
    const dead = spawnSync(file, args, { cwd: runtime, env: { PATH: process.env.PATH ?? '', ...run.env, PORT: '1' }, encoding: 'utf8' });
    assert.equal(dead.status, 1);
  });

  it('answers a Teams message: the link card for Alice reaches the connector stand-in', async () => {
    const { status, replies } = await sendMessage(bot.url, connector, alice, 'link my certification');
    assert.equal(status, 200);
    assert.equal(replies.length, 1);
    const text = textOf(replies);
    assert.match(text, /alice@contoso\.com/);
    assert.match(text, /Contoso/);
  });

  it("runs the notice worker with compose's command and settings from the same files", async () => {
    const [, run] = image.stages;
    const service = compose.services.worker;
    assert.ok(service.command, "compose names the worker's command");
    const worker = await startLoggingProcess({ ...run.env, ...composeEnv(service, redisPrefix) }, (line) => (line.msg === 'notice worker running' ? true : undefined), 30000, {
      command: service.command,
      cwd: runtime,
      ...user,
    });
    started.push(worker);
    await worker.stop();
    assert.deepEqual(await worker.exited, { code: 0, signal: null });
  });

  it("npm start in the pruned clone starts from the build without TypeScript (README's sequence without Docker)", async () => {
    assert.equal(existsSync(path.join(context, 'node_modules', 'typescript')), false);
    const npmStart = await startBotProcess({ ...cleanEnv(), LOG_LEVEL: 'info', PORT: '0' }, 30000, { command: ['npm', 'start'], cwd: context, processGroup: true });
    started.push(npmStart);
    assert.equal((await fetch(`${npmStart.url}/healthz`)).status, 200);
  });
});
