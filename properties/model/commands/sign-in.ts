/** Sign-in and forcelogin, with a valid or a broken body: `SignIn(30101)`, `ForceLogin(30101, busy)`. */
import { CREDENTIALS_OF, type AbstractGateway, type BodyKind } from '../abstract-model.ts';
import type { ModelReal } from '../model-real.ts';
import { ModelCommand, STATUS_NAMES, type Answer } from './model-command.ts';

/** Sign-in (`force`: forcelogin from a new session, as another browser would). */
export class SignIn extends ModelCommand {
  constructor(
    readonly id: string,
    readonly body: BodyKind,
    readonly status: 3 | 4 | 5,
    readonly alwaysOffHook: boolean,
    readonly force = false,
  ) {
    super();
  }

  label(): string {
    const details = [
      ...(this.status !== 4 ? [STATUS_NAMES[this.status]!] : []),
      ...(this.alwaysOffHook ? ['always off-hook'] : []),
      ...(this.body !== 'valid' ? [this.body.replace('-', ' ')] : []),
    ];
    return `${this.force ? 'ForceLogin' : 'SignIn'}(${this.id}${details.length ? `, ${details.join(', ')}` : ''})`;
  }

  protected async exec(model: AbstractGateway, real: ModelReal): Promise<void> {
    const account = real.driver.account(this.id);
    const password = account?.password ?? 'no-such-account';
    const phonenum = account?.phone ?? '88800000';
    const body =
      this.body === 'missing-password'
        ? { phonenum }
        : { password: this.body === 'wrong-password' ? `${password}-wrong` : password, phonenum: this.body === 'wrong-phone' ? `${phonenum}9` : phonenum, status: this.status, releasephone: !this.alwaysOffHook };
    const step = model.signIn(this.id, CREDENTIALS_OF[this.body], this.status, this.alwaysOffHook, this.force);
    const op = this.force ? 'forceLogin' : 'signIn';
    const reply = await real.driver.call(this.id, op, (s): Promise<Answer> => (this.force ? s.forceLogin(body) : s.signIn(body)), { fresh: this.force });
    this.expectRetcode(real, step.retcode, reply.retcode);
    step.commit();
  }
}
