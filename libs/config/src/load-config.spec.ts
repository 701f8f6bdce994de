import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, bodyLimit: '100kb', trustedProxies: [] });
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/talentpool');
    expect(config.queue.prefix).toBe('talentpool');
    expect(config.search.url).toBeUndefined();
  });

  it('treats empty strings as unset, as .env files write them', () => {
    expect(loadConfig({ MEILI_URL: '', API_PORT: '' }).search.url).toBeUndefined();
  });

  it('lists every invalid variable at once', () => {
    let caught: unknown;
    try {
      loadConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope', NODE_ENV: 'staging' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.map((problem) => problem.split(':')[0]);
    expect(problems.sort()).toEqual(['API_PORT', 'DATABASE_URL', 'NODE_ENV', 'REDIS_URL']);
  });

  it('trusts no proxy unless told, and accepts addresses, subnets and named ranges', () => {
    expect(loadConfig({}).http.trustedProxies).toEqual([]);
    expect(
      loadConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8, loopback ,2001:db8::1,192.168.1.7 ' }).http.trustedProxies,
    ).toEqual(['10.0.0.0/8', 'loopback', '2001:db8::1', '192.168.1.7']);
    for (const wrong of ['everyone', '10.0.0.0/33', '300.1.1.1', '10.0.0.0/8/1', 'true']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: wrong })).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it('matches unsharded by default, and reads the shards a worker serves as numbers and ranges', () => {
    expect(loadConfig({}).matching.shards).toEqual({ count: 1, served: [0] });
    expect(loadConfig({ MATCH_SHARDS: '3' }).matching.shards).toEqual({ count: 3, served: [0, 1, 2] });
    expect(loadConfig({ MATCH_SHARDS: '4', MATCH_SHARD: '3,0-1' }).matching.shards).toEqual({
      count: 4,
      served: [0, 1, 3],
    });
    for (const wrong of ['4', '1-4', 'first', '0,', '-1'])
      expect(() => loadConfig({ MATCH_SHARDS: '4', MATCH_SHARD: wrong })).toThrow(/MATCH_SHARD\b/);
    expect(() => loadConfig({ MATCH_SHARDS: '0' })).toThrow(/MATCH_SHARDS/);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
  });
});
