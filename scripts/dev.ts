/**
 * npm run dev: CertLink in local mode (no MicrosoftAppId, embedded store, sample data) and
 * Microsoft 365 Agents Playground pointed at it. Open the printed URL and chat as Alice Martin
 * of Contoso ("link my certification" works at once). Ctrl+C stops both.
 */
import { startCertLink } from '../bot/app';
import { ConfigError, loadConfig } from '../bot/config';
import { loadEnvFileOrExit } from '../bot/envFile';
import { createLogger } from '../bot/logging';
import { startPlayground } from './playground';

async function main(): Promise<void> {
  loadEnvFileOrExit('npm run dev');
  let config;
  try {
    // The dev loop is always local: no channel authentication, nothing kept after exit.
    config = loadConfig({ ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '', REDIS_URL: '' });
  } catch (err) {
    console.error(err instanceof ConfigError ? `npm run dev: ${err.message}` : err);
    process.exit(1);
  }
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const app = await startCertLink(config, log);
  const botEndpoint = `http://127.0.0.1:${app.port}/api/messages`;
  const playground = await startPlayground({ appEndpoint: botEndpoint, onOutput: (line) => console.log(`[playground] ${line}`) });
  const tenant = '6c1f3c4e-2a5b-4c8d-9e0f-1a2b3c4d5e6f';
  console.log(`
CertLink (local mode, in-memory store, sample data) is on ${botEndpoint}

  Chat with it in Microsoft 365 Agents Playground:  ${playground.url}
    You are Alice Martin of Contoso (.m365agentsplayground.yml). Try "link my certification", "status", "help".

  The tabs, as Alice and as Contoso's admin (local mode uses ?devUser=<aadObjectId>;<tenantId>):
    ${config.publicBaseUrl}/tab/my-certification.html?devUser=aad-alice;${tenant}
    ${config.publicBaseUrl}/tab/skills-report.html?devUser=00000000-0000-4000-8000-0000000000a1;${tenant}

Ctrl+C stops both.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await playground.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  playground.child.once('exit', () => {
    if (!stopping) {
      console.error('The playground stopped; stopping CertLink too.');
      void stop();
    }
  });
}

void main();
