import { INPUT_LIMITS, unsafeInputProblems } from './input-limits';

describe('unsafeInputProblems', () => {
  it('accepts ordinary input, including paired surrogates (emoji) and other control characters', () => {
    expect(
      unsafeInputProblems({ name: 'Amina 👩‍🔧', notes: ['tab\there', 'ünïcödé'], n: 3, ok: null }),
    ).toEqual([]);
  });

  it('names every field holding a NUL character or an unpaired surrogate, nested by dotted path', () => {
    const problems = unsafeInputProblems(
      { name: 'a\u0000', skills: [{ uri: 'x' }, { uri: '\udc00' }], email: 'a\ud800@example.org' },
      '',
    );
    expect(problems.map((problem) => problem.field)).toEqual(['name', 'skills.1.uri', 'email']);
  });

  it('prefixes the parameter name and refuses bad field names', () => {
    expect(unsafeInputProblems('TP-\u0000', 'referenceCode')).toEqual([
      { field: 'referenceCode', reason: expect.stringContaining('NUL') },
    ]);
    expect(unsafeInputProblems({ contact: { 'na\u0000me': 'x' } })).toEqual([
      { field: 'contact', reason: expect.stringContaining('field names') },
    ]);
  });

  it('refuses prototype keys like unknown fields, as JSON.parse creates them', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"admin":true},"a":{"constructor":1,"prototype":2}}');
    expect(unsafeInputProblems(parsed).map((problem) => problem.field)).toEqual([
      '__proto__',
      'a.constructor',
      'a.prototype',
    ]);
  });

  it('stops at the depth limit without walking further, even 100,000 levels down', () => {
    const deep: unknown = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const problems = unsafeInputProblems({ password: deep });
    expect(problems).toEqual([
      { field: `password${'.0'.repeat(INPUT_LIMITS.depth - 1)}`, reason: expect.stringContaining('deeper') },
    ]);
  });

  it('refuses more values than the limit, and reports a bounded number of problems', () => {
    expect(unsafeInputProblems({ list: new Array(INPUT_LIMITS.values).fill(0) })).toEqual([
      { reason: expect.stringContaining('more than') },
    ]);
    expect(unsafeInputProblems(new Array(500).fill('\u0000'))).toHaveLength(INPUT_LIMITS.reported);
  });
});
