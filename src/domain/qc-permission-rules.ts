/**
 * The permission rows addinsert and cancel share, in their precedence order: the target is not the inspector
 * himself (000-005), the inspector holds the inspection right, the target is in the inspector's VDN (900-002).
 */
import { IDLE, okId, type TargetContext } from './common-rules.ts';
import { documented, type Provenance } from './provenance.ts';
import type { Rule } from './rules.ts';
import { variant, type BaseCall } from './witness.ts';

/**
 * The three rows for an operation whose plain call is `base`. `rightProvenance` is where the operation's need for the
 * inspection right comes from: addinsert's page states it, cancel's does not.
 */
export function qcPermissionRules<C extends TargetContext>(base: BaseCall, rightProvenance: Provenance): Rule<C>[] {
  return [
    {
      id: 'selfTarget',
      title: 'the target is the inspector himself',
      provenance: documented('EN/cec_07_0580', 'The agent to be inspected is the inspector himself'),
      answer: { setting: 'selfTarget' },
      applies: (c) => okId(c, 'agentid') === okId(c, 'workNo'),
      witnesses: [variant(base, 'self', 'the inspector names himself as the target', { given: { signedIn: { inspector: IDLE } }, when: { workNo: { party: 'inspector' } } })],
    },
    {
      id: 'noInspectionRight',
      title: 'the inspector lacks the inspection right',
      provenance: rightProvenance,
      answer: { setting: 'noInspectionRight' },
      applies: (c) => c.caller?.account.inspector !== true,
      witnesses: [
        variant(base, 'agent-without-right', 'an idle agent without the inspection right calls', { given: { signedIn: { nonInspector: IDLE, target: IDLE } }, when: { caller: 'nonInspector' } }),
      ],
    },
    {
      id: 'otherVdn',
      title: 'the target belongs to another VDN',
      provenance: documented('EN/cec_07_2401', 'The agent ID must belong to the same VDN as the value of agentid.'),
      answer: { setting: 'otherVdn' },
      applies: (c) => c.target !== undefined && c.target.account.vdn !== c.caller?.account.vdn,
      detail: (c) => `inspector ${c.profile.groupWord} ${c.caller?.account.vdn}, target ${c.profile.groupWord} ${c.target?.account.vdn}`,
      witnesses: [
        variant(base, 'signed-in-target', 'the target is a signed-in agent of another VDN', { given: { signedIn: { inspector: IDLE, otherVdnTarget: IDLE } }, when: { workNo: { party: 'otherVdnTarget' } } }),
        variant(base, 'signed-out-target', 'the target is a signed-out agent of another VDN', { given: { signedIn: { inspector: IDLE } }, when: { workNo: { party: 'otherVdnTarget' } } }),
      ],
    },
  ];
}
