import { isUnavailableDependency } from '../../src/platform/http/errors/unavailable-dependency';

describe('telling a dependency outage from a bug', () => {
  it.each([
    ['a pool that cannot hand out a connection', new Error('timeout exceeded when trying to connect')],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['Postgres shutting down', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['Redis away', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a wrapped cause', new Error('query failed', { cause: new Error('Connection terminated') })],
  ])('treats %s as a dependency outage (503)', (_what, error) => {
    expect(isUnavailableDependency(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['something that is not an error', 'timeout exceeded when trying to connect'],
  ])('does not treat %s as one', (_what, error) => {
    expect(isUnavailableDependency(error)).toBe(false);
  });
});
