import { READER_LANGUAGES } from '@app/vacancies';
import { STAGES } from '../contact.types';
import { canEmployerMove, stageLabel } from './stages';

describe('pipeline stages', () => {
  it('moves forward after disclosure and never out of a final stage', () => {
    expect(canEmployerMove('new', 'interviewing')).toBe(true);
    expect(canEmployerMove('accepted', 'offered')).toBe(true);
    expect(canEmployerMove('offered', 'hired')).toBe(true);
    expect(canEmployerMove('interviewing', 'not_selected')).toBe(true);
    expect(canEmployerMove('offered', 'interviewing')).toBe(false);
    expect(canEmployerMove('contacted', 'interviewing')).toBe(false);
    for (const final of ['hired', 'not_selected', 'withdrawn'] as const)
      expect(canEmployerMove(final, 'not_selected')).toBe(false);
  });

  it('words every stage for both sides', () => {
    for (const language of READER_LANGUAGES)
      for (const stage of STAGES) {
        expect(stageLabel(stage, 'candidate', language)).toBeTruthy();
        expect(stageLabel(stage, 'employer', language)).toBeTruthy();
      }
    expect(stageLabel('interviewing', 'candidate', 'fr')).toBe('Entretiens en cours');
    expect(stageLabel('withdrawn', 'candidate')).not.toBe(stageLabel('withdrawn', 'employer'));
  });
});
