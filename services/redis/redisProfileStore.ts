/**
 * Certification profiles on Redis: one JSON per profile on its own slot
 * ({profile:<mcid>}) and one key per normalized email naming the MCID. The
 * email keys are derived: findByEmail checks the profile still lists the email.
 */
import type Redis from 'ioredis';
import { normalizeEmail, ProfileStore } from '../directory/profileStore';
import { CertificationProfile } from '../directory/types';
import { ProfileRetention } from '../privacy/retentionStores';
import { defineGuardedDelete } from './redisAssociationStore';
import { checkKeyPrefix, DEFAULT_KEY_PREFIX, pipelineValues, withStore } from './redisConnection';

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
    private readonly redis: Redis,
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
      const pipeline = this.redis.pipeline();
      for (const mcid of mcids) pipeline.get(this.keys.profile(mcid));
      return pipelineValues(await pipeline.exec()).map((v) => parseProfile(v as string | null));
    });
  }

  findByEmail(email: string): Promise<CertificationProfile | null> {
    return withStore('profiles.findByEmail', async () => {
      const mcid = await this.redis.get(this.keys.email(email));
      if (!mcid) return null;
      const profile = parseProfile(await this.redis.get(this.keys.profile(mcid)));
      const wanted = normalizeEmail(email);
      return profile && profile.emails.some((e) => normalizeEmail(e) === wanted) ? profile : null;
    });
  }

  upsert(profile: CertificationProfile): Promise<void> {
    return withStore('profiles.upsert', async () => {
      const old = parseProfile(await this.redis.set(this.keys.profile(profile.mcid), JSON.stringify(profile), 'GET'));
      const kept = new Set(profile.emails.map(normalizeEmail));
      const pipeline = this.redis.pipeline();
      for (const email of old?.emails ?? []) {
        // Guarded: the address may belong to another profile by now.
        if (!kept.has(normalizeEmail(email))) pipeline.certlinkDelIfEquals(this.keys.email(email), profile.mcid);
      }
      for (const email of kept) pipeline.set(this.keys.email(email), profile.mcid);
      if (pipeline.length > 0) pipelineValues(await pipeline.exec());
    });
  }

  erase(mcid: string): Promise<boolean> {
    return withStore('profiles.erase', async () => {
      const old = parseProfile(await this.redis.getdel(this.keys.profile(mcid)));
      if (!old) return false;
      const pipeline = this.redis.pipeline();
      for (const email of old.emails) pipeline.certlinkDelIfEquals(this.keys.email(email), mcid);
      if (pipeline.length > 0) pipelineValues(await pipeline.exec());
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
      const pipeline = this.redis.pipeline();
      if (atMs) pipeline.pexpireat(this.keys.profile(mcid), Number(atMs));
      else pipeline.persist(this.keys.profile(mcid));
      for (const email of profile.emails) pipeline.eval(EMAIL_EXPIRY_LUA, 1, this.keys.email(email), mcid, atMs);
      pipelineValues(await pipeline.exec());
    });
  }

  /**
   * Writes the profiles that are not stored yet, leaving stored ones (imported
   * data is newer than a sample file) alone. Returns how many were added.
   */
  seedMissing(profiles: CertificationProfile[]): Promise<number> {
    if (profiles.length === 0) return Promise.resolve(0);
    return withStore('profiles.seedMissing', async () => {
      const pipeline = this.redis.pipeline();
      for (const p of profiles) pipeline.set(this.keys.profile(p.mcid), JSON.stringify(p), 'NX');
      const results = pipelineValues(await pipeline.exec());
      const fresh = profiles.filter((_, i) => results[i] === 'OK');
      if (fresh.length > 0) {
        const emails = this.redis.pipeline();
        // NX: an address an imported profile already owns stays with it.
        for (const p of fresh) for (const e of p.emails) emails.set(this.keys.email(e), p.mcid, 'NX');
        if (emails.length > 0) pipelineValues(await emails.exec());
      }
      return fresh.length;
    });
  }
}

function parseProfile(json: string | null): CertificationProfile | null {
  return json ? (JSON.parse(json) as CertificationProfile) : null;
}
