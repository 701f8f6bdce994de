import { mapPage, pageOf } from './page';

describe('pageOf', () => {
  const letters = ['a', 'b', 'c', 'd', 'e'];

  it('answers the window and the size of the whole list', () => {
    expect(pageOf(letters, { limit: 2, offset: 1 })).toEqual({
      items: ['b', 'c'],
      total: 5,
      limit: 2,
      offset: 1,
    });
    expect(pageOf(letters, { limit: 20, offset: 0 }).items).toEqual(letters);
  });

  it('answers an empty window past the end, still counting the whole list', () => {
    expect(pageOf(letters, { limit: 2, offset: 5 })).toEqual({ items: [], total: 5, limit: 2, offset: 5 });
    expect(pageOf([], { limit: 20, offset: 0 })).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
  });

  it('maps the items of a page and keeps its counts', () => {
    expect(mapPage(pageOf(letters, { limit: 2, offset: 3 }), (letter) => letter.toUpperCase())).toEqual({
      items: ['D', 'E'],
      total: 5,
      limit: 2,
      offset: 3,
    });
  });
});
