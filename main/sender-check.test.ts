import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameLike } from './sender-check';

const main: FrameLike = { processId: 7, routingId: 1, url: 'app://ledger/index.html', detached: false };
const frame = (over: Partial<FrameLike>): FrameLike => ({ ...main, ...over });

describe('isTrustedSender', () => {
  it('accepts our main frame on the app origin, whatever route it shows', () => {
    expect(isTrustedSender(frame({}), [main])).toBe(true);
    expect(isTrustedSender(frame({ url: 'app://ledger/index.html#/audit' }), [main])).toBe(true);
    // A distinct object for the same frame is still the same frame.
    expect(isTrustedSender({ ...main }, [{ ...main }])).toBe(true);
  });

  it('refuses a missing or detached frame', () => {
    expect(isTrustedSender(null, [main])).toBe(false);
    expect(isTrustedSender(frame({ detached: true }), [main])).toBe(false);
  });

  it('refuses subframes and other windows', () => {
    expect(isTrustedSender(frame({ routingId: 2 }), [main])).toBe(false);
    expect(isTrustedSender(frame({ processId: 8 }), [main])).toBe(false);
    expect(isTrustedSender(frame({}), [])).toBe(false);
  });

  it.each(['http://127.0.0.1:5173/', 'file:///tmp/index.html', 'app://evil/', 'about:blank', 'data:text/html,hi', ''])(
    'refuses our main frame when it shows %s',
    (url) => {
      expect(isTrustedSender(frame({ url }), [frame({ url })])).toBe(false);
    },
  );
});
