import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.ts';

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

  it('answers 404 for unknown paths and reports bad percent-encoding', () => {
    expect(matchRoute('GET', '/agentgateway/resource/nope')).toEqual({ kind: 'not-found' });
    expect(matchRoute('GET', '/agentgateway/resource/agentevent/%ZZ')).toEqual({ kind: 'bad-encoding', segment: '%ZZ' });
  });
});
