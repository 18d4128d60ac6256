/**
 * Certification profiles on Redis: one JSON per profile on its own slot
 * ({profile:<mcid>}) and one key per normalized email naming the MCID. The
 * email keys are derived: findByEmail checks the profile still lists the email.
 */
import { createHash } from 'node:crypto';
import { listsEmail, normalizeEmail, ProfileStore } from '../directory/profileStore';
import { CertificationProfile } from '../directory/types';
import { ProfileRetention } from '../privacy/retentionStores';
import { defineGuardedDelete } from './redisAssociationStore';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, RedisClient, withStore } from './redisConnection';

export class RedisProfileKeys {
  constructor(readonly prefix: string = DEFAULT_KEY_PREFIX) {
    checkKeyPrefix(prefix);
  }
  profile(mcid: string): string {
    return `${this.prefix}{profile:${mcid}}`;
  }
  email(email: string): string {
    return `${this.prefix}{email:${normalizeEmail(email)}}`;
  }
  /** Which version of PROFILES_FILE's content was seeded last (seedFromSource). */
  seededVersion(): string {
    return `${this.prefix}seed:profiles`;
  }
}

// KEYS[1] email key; ARGV[1] mcid, ARGV[2] expiry ms or '' to persist. Only while the address still names this MCID.
const EMAIL_EXPIRY_LUA = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then return redis.call('PERSIST', KEYS[1]) end
return redis.call('PEXPIREAT', KEYS[1], ARGV[2])
`;

export class RedisProfileStore implements ProfileStore, ProfileRetention {
  private readonly keys: RedisProfileKeys;

  constructor(
    private readonly redis: RedisClient,
    keyPrefix: string = DEFAULT_KEY_PREFIX,
  ) {
    this.keys = new RedisProfileKeys(keyPrefix);
    defineGuardedDelete(redis);
  }

  get(mcid: string): Promise<CertificationProfile | null> {
    return withStore('profiles.get', async () => parseProfile(await this.redis.get(this.keys.profile(mcid))));
  }

  getMany(mcids: string[]): Promise<(CertificationProfile | null)[]> {
    if (mcids.length === 0) return Promise.resolve([]);
    return withStore('profiles.getMany', async () => {
      // One slot per profile: parallel GETs rather than a cross-slot MGET or pipeline.
      const values = await Promise.all(mcids.map((mcid) => this.redis.get(this.keys.profile(mcid))));
      return values.map(parseProfile);
    });
  }

  findByEmail(email: string): Promise<CertificationProfile | null> {
    return withStore('profiles.findByEmail', async () => {
      const mcid = await this.redis.get(this.keys.email(email));
      if (!mcid) return null;
      const profile = parseProfile(await this.redis.get(this.keys.profile(mcid)));
      return listsEmail(profile, email) ? profile : null;
    });
  }

  mcidForEmail(email: string): Promise<string | null> {
    return withStore('profiles.mcidForEmail', () => this.redis.get(this.keys.email(email)));
  }

  upsert(profile: CertificationProfile): Promise<void> {
    return withStore('profiles.upsert', async () => {
      const old = parseProfile(await this.redis.set(this.keys.profile(profile.mcid), JSON.stringify(profile), 'GET'));
      const kept = new Set(profile.emails.map(normalizeEmail));
      const steps: Promise<unknown>[] = [];
      for (const email of old?.emails ?? []) {
        // Guarded: the address may belong to another profile by now.
        if (!kept.has(normalizeEmail(email))) steps.push(this.redis.certlinkDelIfEquals(this.keys.email(email), profile.mcid));
      }
      for (const email of kept) steps.push(this.redis.set(this.keys.email(email), profile.mcid));
      await Promise.all(steps);
    });
  }

  erase(mcid: string): Promise<boolean> {
    return withStore('profiles.erase', async () => {
      const old = parseProfile(await this.redis.getdel(this.keys.profile(mcid)));
      if (!old) return false;
      // One command per key (keys of other slots never share a pipeline: Redis Cluster).
      await Promise.all(old.emails.map((email) => this.redis.certlinkDelIfEquals(this.keys.email(email), mcid)));
      return true;
    });
  }

  expireProfileAt(mcid: string, at: Date): Promise<void> {
    return this.setExpiry('profiles.expireAt', mcid, String(at.getTime()));
  }

  persistProfile(mcid: string): Promise<void> {
    return this.setExpiry('profiles.persist', mcid, '');
  }

  private setExpiry(what: string, mcid: string, atMs: string): Promise<void> {
    return withStore(what, async () => {
      const profile = parseProfile(await this.redis.get(this.keys.profile(mcid)));
      if (!profile) return;
      const key = this.keys.profile(mcid);
      await Promise.all([atMs ? this.redis.pexpireat(key, Number(atMs)) : this.redis.persist(key), ...profile.emails.map((email) => this.redis.eval(EMAIL_EXPIRY_LUA, 1, this.keys.email(email), mcid, atMs))]);
    });
  }

  /**
   * Seeds PROFILES_FILE once per version of its content; returns how many were added, or null when
   * this version was seeded before. A restart with the same file then adds nothing, so a profile
   * erased since ("delete my data") or expired (retention after an admin removal) stays gone. A
   * changed file writes the profiles that are not stored, erased ones included, and leaves stored
   * ones alone (imported data is newer than a sample file).
   */
  seedFromSource(profiles: CertificationProfile[]): Promise<number | null> {
    const version = createHash('sha256').update(JSON.stringify(profiles)).digest('base64url');
    return withStore('profiles.seedFromSource', async () => {
      if ((await this.redis.get(this.keys.seededVersion())) === version) return null;
      const added = await this.addMissing(profiles);
      // Written after the profiles: a start that fails half-way seeds again next time.
      await this.redis.set(this.keys.seededVersion(), version);
      return added;
    });
  }

  private async addMissing(profiles: CertificationProfile[]): Promise<number> {
    const results = await Promise.all(profiles.map((p) => this.redis.set(this.keys.profile(p.mcid), JSON.stringify(p), 'NX')));
    const fresh = profiles.filter((_, i) => results[i] === 'OK');
    // NX: an address an imported profile already owns stays with it.
    await Promise.all(fresh.flatMap((p) => p.emails.map((e) => this.redis.set(this.keys.email(e), p.mcid, 'NX'))));
    return fresh.length;
  }
}

function parseProfile(json: string | null): CertificationProfile | null {
  return json ? (JSON.parse(json) as CertificationProfile) : null;
}
