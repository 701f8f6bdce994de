import { translator } from '../../i18n/i18n';
import type { PageContext } from '../../views/page-context';
import { answerErrors, blankAnswers, vacancyBody } from './vacancy-answers';

const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const ctx = { locale: 'en', t: translator('en') } as unknown as PageContext;

describe('the vacancy editor’s answers', () => {
  const filled = { ...blankAnswers({ name: 'Ana Lopes', email: 'jobs@werf.example.nl', phone: null }), occupationUri: WELDER, title: 'Welder', description: 'Welding of steel hull sections.', city: 'Rotterdam' };

  it('asks for the occupation and the mandatory fields, each on its own field', () => {
    const errors = answerErrors(ctx, blankAnswers(null));
    expect(errors.map((error) => error.field)).toEqual(['occupationUri', 'title', 'description', 'city', 'contactName', 'contactEmail']);
  });

  it('wants a justification once the competitiveness box is ticked', () => {
    expect(answerErrors(ctx, filled)).toEqual([]);
    expect(answerErrors(ctx, { ...filled, contributes: 'yes' }).map((error) => error.field)).toEqual(['justification']);
  });

  it('turns the typed strings into the API’s body, optional fields as null and no pay when none is given', () => {
    const body = vacancyBody({ ...filled, hoursPerWeek: '37,5', minEqfLevel: '3', contractType: 'lifetime' });
    expect(body).toMatchObject({ occupationUri: WELDER, placeOfWork: { city: 'Rotterdam', region: null }, pay: null, hoursPerWeek: 37.5, minEqfLevel: 3, contractType: null, numberOfPosts: 1, contributesToCompetitiveness: false, competitivenessJustification: null });
    expect(vacancyBody({ ...filled, payMin: '2800' }).pay).toEqual({ min: 2800, max: null, currency: 'EUR', period: 'month' });
  });
});
