import {
  DEFAULT_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LANGUAGES,
  channelsOf,
} from './notification-kinds';
import { renderNotification } from './notification-templates';

describe('notification kinds', () => {
  it('falls back to the defaults for unset, unknown or invalid stored choices', () => {
    expect(channelsOf(null)).toEqual(DEFAULT_CHANNELS);
    expect(channelsOf({ new_matches: 'off', employer_verified: 'sometimes', gone_kind: 'digest' })).toEqual({
      ...DEFAULT_CHANNELS,
      new_matches: 'off',
    });
  });

  it('renders every kind in every language, with its parameters', () => {
    for (const kind of NOTIFICATION_KINDS)
      for (const language of NOTIFICATION_LANGUAGES) {
        const rendered = renderNotification(kind, language, {
          organisation: 'Werf B.V.',
          referenceCode: 'TP-7K2M-9QXD',
          count: '3',
        });
        expect(rendered.title.length).toBeGreaterThan(0);
        expect(rendered.body).not.toContain('undefined');
      }
    expect(renderNotification('employer_verified', 'es', { organisation: 'Werf B.V.' }).body).toContain(
      'Werf B.V.',
    );
  });
});
