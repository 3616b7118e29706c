import { describe, expect, it } from 'vitest';
import { matchRoute, Router } from './router.ts';

describe('router (built from the contract)', () => {
  it('finds addInsert and its path parameters', () => {
    expect(matchRoute('PUT', '/agentgateway/resource/qualitycontrol/30101/addinsert/30201')).toEqual({ kind: 'match', operationId: 'addInsert', params: { agentid: '30101', workNo: '30201' } });
  });

  it('prefers a literal segment over a parameter', () => {
    expect(matchRoute('DELETE', '/agentgateway/resource/onlineagent/30101/logout')).toMatchObject({ operationId: 'logout' });
    expect(matchRoute('DELETE', '/agentgateway/resource/qualitycontrol/30101/30201')).toMatchObject({ operationId: 'cancelInsert' });
  });

  it('decodes percent-encoded parameters, so the rules see the real value', () => {
    expect(matchRoute('GET', '/agentgateway/resource/agentevent/%2030101')).toMatchObject({ params: { agentid: ' 30101' } });
  });

  it('answers 405 with the allowed methods for a known path', () => {
    expect(matchRoute('GET', '/agentgateway/resource/qualitycontrol/1/addinsert/2')).toEqual({ kind: 'method-not-allowed', allow: ['PUT'] });
    expect(matchRoute('POST', '/agentgateway/resource/onlineagent/30101')).toEqual({ kind: 'method-not-allowed', allow: ['PUT'] });
  });

  it('takes one trailing slash as JAX-RS does: the same operation, the same 405, but not two slashes', () => {
    const addInsert = '/agentgateway/resource/qualitycontrol/30101/addinsert/30201';
    expect(matchRoute('PUT', `${addInsert}/`)).toEqual(matchRoute('PUT', addInsert));
    expect(matchRoute('GET', '/agentgateway/resource/agentevent/30101/')).toEqual({ kind: 'match', operationId: 'getAgentEvent', params: { agentid: '30101' } });
    expect(matchRoute('GET', `${addInsert}/`)).toEqual({ kind: 'method-not-allowed', allow: ['PUT'] });
    expect(matchRoute('PUT', `${addInsert}//`)).toEqual({ kind: 'not-found' });
    expect(matchRoute('GET', '/agentgateway/resource/nope/')).toEqual({ kind: 'not-found' });
    expect(matchRoute('GET', '/')).toEqual({ kind: 'not-found' });
  });

  it('keeps the match of a path that matches as sent: an empty last parameter is not a trailing slash', () => {
    expect(matchRoute('PUT', '/agentgateway/resource/qualitycontrol/30101/addinsert/')).toEqual({ kind: 'match', operationId: 'addInsert', params: { agentid: '30101', workNo: '' } });
  });

  it('answers 404 for unknown paths and reports bad percent-encoding', () => {
    expect(matchRoute('GET', '/agentgateway/resource/nope')).toEqual({ kind: 'not-found' });
    expect(matchRoute('GET', '/agentgateway/resource/agentevent/%ZZ')).toEqual({ kind: 'bad-encoding', segment: '%ZZ' });
  });
});

describe('Router (the cached router of one mock)', () => {
  const addInsert = '/agentgateway/resource/qualitycontrol/30101/addinsert/30201';

  it('answers as matchRoute does, and the same answer object for a repeated path', () => {
    const router = new Router();
    const first = router.match('PUT', addInsert);
    expect(first).toEqual(matchRoute('PUT', addInsert));
    expect(router.match('PUT', addInsert)).toBe(first);
    expect(router.match('GET', addInsert)).toEqual({ kind: 'method-not-allowed', allow: ['PUT'] });
  });

  it('keeps its cache to itself: two mocks share no answers', () => {
    const one = new Router();
    const two = new Router();
    expect(two.match('PUT', addInsert)).not.toBe(one.match('PUT', addInsert));
  });

  it('starts its cache afresh past 10,000 paths and still answers right', () => {
    const router = new Router();
    const first = router.match('PUT', addInsert);
    for (let i = 0; i < 10_000; i++) router.match('GET', `/agentgateway/resource/agentevent/${i}`);
    const again = router.match('PUT', addInsert);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
