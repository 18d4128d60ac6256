/**
 * npm run import -- --org <mpnId> [--dates mdy|dmy] <file.csv>
 *
 * Loads or refreshes certification profiles from a Partner Center
 * "Trainings, exams and certifications" export into the store named by
 * REDIS_URL / REDIS_KEY_PREFIX, then recounts that org's report card.
 * Exit code: 0 all rows imported, 2 some rows rejected, 1 nothing imported.
 */
import { readFileSync } from 'node:fs';
import { Env, loadConfig } from '../bot/config';
import { MemoryReportIndexStore } from '../services/memory/memoryReportIndexStore';
import { RedisReportIndexStore } from '../services/redis/redisReportIndexStore';
import { DateOrder, formatImportReport, importPartnerCenterExport } from '../services/report/partnerCenterImport';
import { ReportService } from '../services/report/reportService';
import { createStores } from '../services/storeFactory';

const USAGE = 'Usage: npm run import -- --org <mpnId> [--dates mdy|dmy] <file.csv>';

/** --dates: how slash dates read, when the separator's guess (day first in a semicolon file) is wrong. */
export function parseImportArgs(argv: string[]): { org: string; file: string; dateOrder?: DateOrder } | { error: string } {
  let org: string | undefined;
  let dates: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--org') org = argv[++i];
    else if (argv[i].startsWith('--org=')) org = argv[i].slice('--org='.length);
    else if (argv[i] === '--dates') dates = argv[++i] ?? '';
    else if (argv[i].startsWith('--dates=')) dates = argv[i].slice('--dates='.length);
    else files.push(argv[i]);
  }
  if (!org || !/^\d{4,10}$/.test(org)) return { error: `--org <mpnId> is required (digits). ${USAGE}` };
  if (dates !== undefined && dates !== 'mdy' && dates !== 'dmy') return { error: `--dates must be mdy (month/day/year) or dmy (day/month/year). ${USAGE}` };
  if (files.length !== 1) return { error: `Give exactly one CSV file. ${USAGE}` };
  return { org, file: files[0], ...(dates ? { dateOrder: dates } : {}) };
}

export async function runImport(argv: string[], env: Env, print: (line: string) => void): Promise<number> {
  const args = parseImportArgs(argv);
  if ('error' in args) {
    print(args.error);
    return 1;
  }
  let content: Buffer;
  try {
    content = readFileSync(args.file);
  } catch (err) {
    print(`${args.file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return 1;
  }
  const config = loadConfig(env);
  if (!config.redisUrl) print('REDIS_URL is not set: the file is checked against the embedded store and nothing is kept.');
  const stores = await createStores({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix });
  try {
    const report = await importPartnerCenterExport(content, args.org, stores.profiles, { dateOrder: args.dateOrder });
    for (const line of formatImportReport(report, args.file)) print(line);
    if (!report.ok) return 1;
    if (report.profilesWritten > 0) {
      // Counters count certifications as they were when people linked: recount with the new profiles.
      const index = stores.redis ? new RedisReportIndexStore(stores.redis, config.redisKeyPrefix) : new MemoryReportIndexStore();
      const reports = new ReportService({ associations: stores.associations, profiles: stores.profiles, index, partnerName: () => null });
      print(`Report counters of ${args.org} rebuilt: ${await reports.rebuildIndex(args.org)} linked people.`);
    }
    return report.rejected.length > 0 ? 2 : 0;
  } finally {
    await stores.close();
  }
}

if (require.main === module) {
  runImport(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`Import failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
