/**
 * CertLink's own turns for `npm run bench`, on the real bot process (dist/bot/index.js)
 * with Redis, member lookups at the connector stand-in, and cards: the same path as Teams.
 * Bench data (one org, one profile per conversation) is generated into a temp folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { Scenario } from './runScenario';
import { spawnNode, teamsTurn } from './scenarios';

const BENCH_TENANT = 'bench-tenant';
const PEOPLE = 200;

function aadId(index: number): string {
  return `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`;
}

function writeBenchData(): { orgsFile: string; profilesFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'certlink-bench-'));
  const orgsFile = path.join(dir, 'orgs.json');
  const profilesFile = path.join(dir, 'profiles.json');
  writeFileSync(orgsFile, JSON.stringify({ orgs: [{ mpnId: '5550001', name: 'Bench Org', tenantIds: [BENCH_TENANT], globalAdmins: [] }] }));
  const profiles = Array.from({ length: PEOPLE }, (_, i) => ({
    mcid: String(90000000 + i),
    firstName: 'Bench',
    lastName: `Person ${i}`,
    emails: [`person${i}@bench.example`],
    certifications: [
      { number: 'AZ-104', title: 'Microsoft Certified: Azure Administrator Associate', type: 'certification', earnedOn: '2025-04-02', expiresOn: '2026-04-02' },
      { number: 'AZ-900', title: 'Microsoft Certified: Azure Fundamentals', type: 'certification', earnedOn: '2024-01-10' },
    ],
  }));
  writeFileSync(profilesFile, JSON.stringify({ profiles }));
  return { orgsFile, profilesFile };
}

const data = writeBenchData();

function certlink(env: Record<string, string> = {}) {
  return (port: number) =>
    spawnNode('bot/index.js', port, {
      REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `bench:${randomBytes(4).toString('hex')}:`,
      ORGS_FILE: data.orgsFile,
      PROFILES_FILE: data.profilesFile,
      ...env,
    });
}

let sent = 0;

/** A unique activity id per post: CertLink (rightly) ignores a redelivered id, and warm-up reuses seq numbers. */
function turn(index: number, seq: number, text: string): Partial<Activity> {
  const a = teamsTurn(index, seq, text);
  return { ...a, id: `${a.id}-${++sent}`, channelData: { tenant: { id: BENCH_TENANT } } };
}

const registerPeople: Scenario['prepare'] = (connector) => {
  for (let i = 0; i < PEOPLE; i++) {
    connector.setMember({ id: `29:bench-user-${i}`, aadObjectId: aadId(i), email: `person${i}@bench.example`, userPrincipalName: `person${i}@bench.example`, name: `Bench ${i}` } as never);
  }
};

const cardText = (reply: Partial<Activity>): string => JSON.stringify(reply.attachments?.[0]?.content ?? reply.text ?? '');

export const statusScenario: Scenario = {
  name: 'certlink status',
  spawn: certlink(),
  prepare: registerPeople,
  makeActivity: (index, seq) => turn(index, seq, 'when can I link again?'),
  checkReply: (reply) => cardText(reply).includes('You can link now'),
};

export const linkScenario: Scenario = {
  name: 'certlink link (to confirmation card)',
  spawn: certlink(),
  prepare: registerPeople,
  makeActivity: (index, seq) => turn(index, seq, 'link my certification'),
  checkReply: (reply, index) => cardText(reply).includes(`Use person${index}@bench.example to associate my Microsoft Learning account`),
};
