/**
 * npm run import -- --org <mpnId> [--dates mdy|dmy] <file.csv>
 *
 * Loads or refreshes certification profiles from a Partner Center
 * "Trainings, exams and certifications" export into the store named by
 * REDIS_URL / REDIS_KEY_PREFIX, then recounts that org's skills report and queues the renewal
 * reminders of its linked people (cancelling those of certifications the file shows renewed).
 * Without REDIS_URL it only checks the file and says what an import would do.
 * Exit code: 0 all rows imported (or importable), 2 some rows rejected, 1 nothing imported.
 */
import { readFileSync } from 'node:fs';
import { AppConfig, Env, loadConfig } from '../bot/config';
import { loadEnvFileOrExit } from '../bot/envFile';
import { loadOrgsFile } from '../services/directory/directoryFiles';
import { OrgDirectory } from '../services/directory/orgDirectory';
import { MemoryReportIndexStore } from '../services/memory/memoryReportIndexStore';
import { RedisReportIndexStore } from '../services/redis/redisReportIndexStore';
import { DateOrder, importPartnerCenterExport, ImportProgress, parsePartnerCenterExport } from '../services/report/partnerCenterImport';
import { formatImportReport } from '../services/report/importReportText';
import { ReportService } from '../services/report/reportService';
import { Clock, systemClock } from '../services/clock';
import { CertificationProfile } from '../services/directory/types';
import { planOrgRenewals } from '../services/renewals/renewalPlanner';
import { createStores, Stores } from '../services/storeFactory';
import { UniversityAssessmentStore } from '../services/university/universityAssessments';
import { ProgressLine, progressLineFor } from './progressLine';

const USAGE = 'Usage: npm run import -- --org <mpnId> [--dates mdy|dmy] <file.csv>';

export const HELP = `${USAGE}

Loads a Partner Center "Trainings, exams and certifications" export (CSV, as downloaded or
saved again by Excel) into CertLink's store: each person's profile and certifications, for
the organization --org names, and the assessments of Partner University accounts (rows of
TrainingType Assessment, the account in Email). Every row is checked first; a person with a rejected row is
left as they were, and a file that is not that export changes nothing.

  --org <mpnId>      the organization's MPN id (its rows must carry it in MpnId)
  --dates mdy|dmy    how to read slash dates (default: month/day/year, or day/month/year
                     in a semicolon-separated file)
  --help, -h         this text

REDIS_URL (and REDIS_KEY_PREFIX) name the store. Without REDIS_URL the file is only
checked: the command says what an import would do and writes nothing.
Settings may also come from .env (see .env.sample).

Exit code: 0 every row imported, 2 some rows rejected, 1 nothing imported.
Example: REDIS_URL=redis://127.0.0.1:6379 npm run import -- --org 1234567 data/partner-center-export.sample.csv`;

export type ImportArgs = { org: string; file: string; dateOrder?: DateOrder } | { help: true } | { error: string };

/** --dates: how slash dates read, when the separator's guess (day first in a semicolon file) is wrong. */
export function parseImportArgs(argv: string[]): ImportArgs {
  let org: string | undefined;
  let dates: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') return { help: true };
    if (argv[i] === '--org') org = argv[++i];
    else if (argv[i].startsWith('--org=')) org = argv[i].slice('--org='.length);
    else if (argv[i] === '--dates') dates = argv[++i] ?? '';
    else if (argv[i].startsWith('--dates=')) dates = argv[i].slice('--dates='.length);
    else if (argv[i].startsWith('-')) return { error: `Unknown option ${argv[i]}. ${USAGE} (--help says more)` };
    else files.push(argv[i]);
  }
  if (!org || !/^\d{4,10}$/.test(org)) return { error: `--org <mpnId> is required (digits). ${USAGE}` };
  if (dates !== undefined && dates !== 'mdy' && dates !== 'dmy') return { error: `--dates must be mdy (month/day/year) or dmy (day/month/year). ${USAGE}` };
  if (files.length !== 1) return { error: `Give exactly one CSV file. ${USAGE}` };
  return { org, file: files[0], ...(dates ? { dateOrder: dates } : {}) };
}

const people = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;

export interface ImportOutput {
  print(line: string): void;
  /** Shows rows checked and written as they go (a terminal); absent, the import is quiet until its summary. */
  progress?: ProgressLine;
}

/** `clock`: when the renewal reminders are planned from (tests pass their own). */
export async function runImport(argv: string[], env: Env, output: ImportOutput, clock: Clock = systemClock): Promise<number> {
  const { print, progress } = output;
  const args = parseImportArgs(argv);
  if ('help' in args) {
    print(HELP);
    return 0;
  }
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
  const orgName = new OrgDirectory(loadOrgsFile(config.orgsFile)).byMpnId(args.org)?.name ?? `organization ${args.org}`;
  const onProgress = progress && ((p: ImportProgress) => progress.update(p.phase === 'checking' ? 'checked' : 'imported', p.rows, p.totalRows, 'rows'));
  if (!config.redisUrl) {
    const checked = parsePartnerCenterExport(content, args.org, { dateOrder: args.dateOrder, onProgress });
    progress?.done();
    for (const line of formatImportReport(checked, args.file)) print(line);
    if (!checked.ok) return 1;
    print(`REDIS_URL is not set, so the file was only checked. To import it into ${orgName}'s report, run the same command with REDIS_URL set.`);
    return checked.rejected.length > 0 ? 2 : 0;
  }
  const stores = await createStores({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix });
  try {
    const before = new Map<string, CertificationProfile | null>();
    const report = await importPartnerCenterExport(content, args.org, stores.profiles, {
      dateOrder: args.dateOrder,
      onProgress,
      onWritten: (was, now) => before.set(now.mcid, was),
      assessments: new UniversityAssessmentStore(stores.documents),
    });
    progress?.done();
    for (const line of formatImportReport(report, args.file)) print(line);
    if (!report.ok) return 1;
    if (report.profilesWritten > 0) {
      // The report counts certifications as they were when people linked: recount with the new profiles.
      const index = stores.redis ? new RedisReportIndexStore(stores.redis, config.redisKeyPrefix) : new MemoryReportIndexStore();
      const reports = new ReportService({ associations: stores.associations, profiles: stores.profiles, index, partnerName: () => null });
      const linked = await reports.rebuildIndex(args.org);
      print(
        linked > 0
          ? `${people(linked)} now in ${orgName}'s skills report (everyone who linked their certification to ${orgName}).`
          : `Nobody is in ${orgName}'s skills report yet: people appear there once they link their certification.`,
      );
      const renewals = await queueRenewals(stores, args.org, before, config, clock.now());
      if (renewals.queued + renewals.cancelled > 0) print(`Renewal reminders: ${renewals.queued} queued, ${renewals.cancelled} cancelled (certifications renewed).`);
    }
    return report.rejected.length > 0 ? 2 : 0;
  } finally {
    await stores.close();
  }
}

/** The linked people's renewal reminders, on the bot's notice queue: new ones queued, those of renewed certifications cancelled. */
async function queueRenewals(stores: Stores, mpnId: string, before: Map<string, CertificationProfile | null>, config: AppConfig, now: Date): Promise<{ queued: number; cancelled: number }> {
  const queue = await stores.notices.openQueue({ concurrency: 1 });
  try {
    return await planOrgRenewals(mpnId, { associations: stores.associations, profiles: stores.profiles, scheduler: queue.scheduler, settings: config.renewals, now, before });
  } finally {
    await queue.close();
  }
}

if (require.main === module) {
  loadEnvFileOrExit('npm run import');
  runImport(process.argv.slice(2), process.env, { print: (line) => console.log(line), progress: progressLineFor(process.stderr, process.env) }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`Import failed: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
