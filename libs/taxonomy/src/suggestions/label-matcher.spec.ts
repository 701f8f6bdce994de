import { LabelMatcher, type LabelLexemes } from './label-matcher';

const label = (
  uri: string,
  kind: 'occupation' | 'skill',
  words: string[],
  preferred = true,
): LabelLexemes => ({
  uri,
  kind,
  preferred,
  lexemes: words.map((lexeme, i) => ({ lexeme, position: i + 1 })),
});
const text = (words: string) => words.split(' ').map((lexeme, i) => ({ lexeme, position: i + 1 }));

describe('label matcher', () => {
  const sut = new LabelMatcher([
    label('occ:welder', 'occupation', ['welder']),
    label('skill:weld-metal', 'skill', ['weld', 'metal', 'part']),
    label('skill:metal', 'skill', ['metal']),
    label('skill:read-blueprint', 'skill', ['read', 'standard', 'blueprint']),
    label('skill:blueprint', 'skill', ['blueprint'], false),
    ...Array.from({ length: 50 }, (_, i) => label(`skill:filler-${i}`, 'skill', ['filler', `x${i}`])),
  ]);

  it('finds labels as phrases in order, allowing a small gap, and drops labels inside a longer match', () => {
    const uris = sut.match(text('i work as welder and weld the metal part every day'), 0).map((m) => m.uri);
    expect(uris).toEqual(expect.arrayContaining(['occ:welder', 'skill:weld-metal']));
    expect(uris).not.toContain('skill:metal');
  });

  it('needs every word of a label, in order', () => {
    expect(sut.match(text('part metal weld'), 0).map((m) => m.uri)).not.toContain('skill:weld-metal');
    expect(sut.match(text('read blueprint'), 0).map((m) => m.uri)).toEqual(['skill:blueprint']);
  });

  it('weighs rare words above common ones and leaves out matches below the floor', () => {
    expect(sut.match(text('filler x1'), 0).map((m) => m.uri)).toEqual(['skill:filler-1']);
    expect(sut.match(text('welder'), 0)).toHaveLength(1);
    expect(sut.match(text('welder'), 1.01)).toEqual([]);
  });
});
