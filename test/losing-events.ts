/**
 * A gateway that loses events, for the tests that put a forwarding proxy in front of the mock: the proxy's transform
 * that turns each poll answer delivering an event of one of `types` into an answer without an event.
 */
import type { ForwardingProxyOptions, ProxyAnswer } from '../contracts/provider/forwarding-proxy.ts';

export function losingEvents(types: readonly string[]): NonNullable<ForwardingProxyOptions['transform']> {
  const lost = new Set(types);
  return (request, answer): ProxyAnswer | undefined => {
    if (!request.path.includes('/agentevent/') || answer.status !== 200) return undefined;
    const body = JSON.parse(answer.body.toString('utf8')) as { event?: { eventType?: string } | null };
    if (!lost.has(body.event?.eventType ?? '')) return undefined;
    return { ...answer, body: Buffer.from(JSON.stringify({ ...body, event: null })) };
  };
}
