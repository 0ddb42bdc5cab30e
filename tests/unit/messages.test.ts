import { describe, expect, it } from 'vitest';
import { dispatch, makeClient, type Handlers } from '../../lib/messages';

interface Api {
  'echo': { req: { text: string }; res: string };
  'fail': { req: Record<never, never>; res: null };
}

const handlers: Handlers<Api, string> = {
  echo: ({ text }, ctx) => `${ctx}:${text}`,
  fail: () => {
    throw new Error('pack "x" not found');
  },
};

describe('message contract', () => {
  it('answers known messages and ignores others', async () => {
    expect(await dispatch(handlers, { type: 'echo', text: 'hi' }, 'tab1')).toEqual({ ok: true, value: 'tab1:hi' });
    expect(await dispatch(handlers, { type: 'toString' }, 'tab1')).toBeUndefined();
    expect(await dispatch(handlers, 'echo', 'tab1')).toBeUndefined();
  });

  it('carries errors as data, and the client turns them back into errors', async () => {
    expect(await dispatch(handlers, { type: 'fail' }, '')).toEqual({ ok: false, error: 'pack "x" not found' });
    const call = makeClient<Api>((msg) => dispatch(handlers, msg, 'c'));
    expect(await call('echo', { text: 'x' })).toBe('c:x');
    await expect(call('fail', {})).rejects.toThrow('pack "x" not found');
  });
});
