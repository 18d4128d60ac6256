/** `npm start`: read the config, start CertLink, stop cleanly on SIGTERM/SIGINT. */
import { startCertLink } from './app';
import { loadSettingsOrExit, logEnvFile } from './envFile';
import { createLogger } from './logging';
import { applyRuntimeTuning } from './runtimeTuning';

async function main(): Promise<void> {
  const { config, envFile } = loadSettingsOrExit('CertLink');
  const v8Flags = applyRuntimeTuning(config);
  const log = createLogger(config.logLevel);
  logEnvFile(log, envFile);
  log.info({ v8Flags }, 'runtime tuning');
  const app = await startCertLink(config, log).catch((err: unknown) => {
    log.fatal({ err: String(err) }, 'CertLink could not start');
    process.exit(1);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing turns in flight');
    // close() refuses new requests, waits for the turns in flight, then closes Redis.
    app.close().then(
      () => {
        log.info({ signal }, 'stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err: String(err) }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
