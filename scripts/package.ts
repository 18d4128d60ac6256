/**
 * npm run package: builds appPackage.zip (upload it in Teams: Apps → Manage your apps →
 * Upload an app) from manifest/, the template Microsoft 365 Agents Toolkit uses too, with
 * MicrosoftAppId, TEAMS_APP_ID, PUBLIC_BASE_URL and DEVELOPER_MPN_ID from the environment,
 * then validates it offline and prints every problem. Exit code 1 when the package is not valid.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadPackageConfig } from '../bot/config';
import { loadEnvFileOrExit } from '../bot/envFile';
import { buildAppPackage, validateAppPackage } from './appPackage';

async function main(): Promise<number> {
  loadEnvFileOrExit('npm run package');
  const cfg = loadPackageConfig();
  if (cfg.placeholderIds) {
    console.warn(`MicrosoftAppId is not set: the package uses the placeholder id ${cfg.botId}. It validates, but Teams cannot run it.`);
  }
  const { zip, manifest } = await buildAppPackage(cfg);
  const out = path.resolve(process.argv[2] ?? 'appPackage.zip');
  writeFileSync(out, zip);
  console.log(`wrote ${out} (${zip.length} bytes): manifest ${String(manifest.manifestVersion)}, app version ${String(manifest.version)}, domain ${cfg.domain}`);
  const errors = await validateAppPackage(zip);
  if (errors.length > 0) {
    console.error(`The package is NOT valid (${errors.length} problem${errors.length === 1 ? '' : 's'}):`);
    for (const e of errors) console.error(`  - ${e}`);
    return 1;
  }
  console.log('The package is valid (checked offline against the schemas bundled with @microsoft/app-manifest).');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
