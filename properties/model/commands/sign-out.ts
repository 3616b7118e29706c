/** logout and forcelogout: `Logout(30101)`, `ForceLogout(30101)`. */
import type { GuidKind } from '../../arbitraries/guid.ts';
import { guidToSend, withGuid } from '../../gateway/send-guid.ts';
import type { AbstractGateway } from '../abstract-model.ts';
import type { ModelReal } from '../model-real.ts';
import { guidSuffix, ModelCommand, type Answer } from './model-command.ts';

/** logout, or forcelogout (which ends the agent's barges). */
export class SignOut extends ModelCommand {
  constructor(
    readonly id: string,
    readonly force: boolean,
    readonly guid: GuidKind,
  ) {
    super();
  }

  label(): string {
    return `${this.force ? 'ForceLogout' : 'Logout'}(${this.id}${guidSuffix(this.guid)})`;
  }

  protected async exec(model: AbstractGateway, real: ModelReal): Promise<void> {
    const step = model.signOut(this.id, this.guid, this.force);
    const op = this.force ? 'forceLogout' : 'logout';
    const reply = await real.driver.call(this.id, op, (s) => withGuid(s, guidToSend(real.driver, this.id, this.guid), (): Promise<Answer> => (this.force ? s.forceLogout() : s.logout())));
    this.expectRetcode(real, step.retcode, reply.retcode);
    step.commit();
  }
}
