import { randomBytes } from 'node:crypto';
import { type Clock, type ExpiringStore, randomToken, type SessionSlots } from '@loginspec/login-kit';
import { formatValidUntil } from '@loginspec/xelion-client';
import { safeEqual } from './safe-equal.js';

/** A live session, by its token. */
export interface Session {
  token: string;
  tenant: string;
  userName: string;
  userSpace: string;
  renewalToken: string;
}

/** What a login or a renewal answers about its session. */
export interface SessionTokens {
  authentication: string;
  renewalToken: string;
  validUntil: string;
}

const slotOf = ({ tenant, userName, userSpace }: Pick<Session, 'tenant' | 'userName' | 'userSpace'>) => `${tenant}\u0000${userName}\u0000${userSpace}`;

/**
 * Xelion's sessions: at most one per (tenant, user, user space), each
 * living until its token expires, is renewed (both tokens rotate) or is
 * logged out. The store holds each session by its token; the slots hold,
 * for each user space, the token of its one session.
 */
export class Sessions {
  constructor(
    readonly store: ExpiringStore<Omit<Session, 'token'>>,
    readonly slots: SessionSlots,
    readonly clock: Clock,
    readonly lifetimeSeconds: number,
  ) {}

  /** A new session; or why not: its user space holds a live one (10005), or the store holds no more (10503). */
  async open(tenant: string, userName: string, userSpace: string): Promise<SessionTokens | 'user-space-taken' | 'full'> {
    const token = randomBytes(32).toString('hex');
    const renewalToken = randomToken(24);
    const expiresAt = this.clock.now() + this.lifetimeSeconds * 1000;
    const record = { tenant, userName, userSpace, renewalToken };
    if (!(await this.slots.claim(slotOf(record), token, expiresAt)).claimed) return 'user-space-taken';
    if (!(await this.store.set(token, record, expiresAt))) {
      await this.slots.release(slotOf(record), token);
      return 'full';
    }
    return { authentication: token, renewalToken, validUntil: formatValidUntil(expiresAt) };
  }

  /** The live session of `tenant` that `token` names, if any. */
  async find(tenant: string, token: string): Promise<Session | undefined> {
    const record = await this.store.get(token);
    return record && record.tenant === tenant ? { token, ...record } : undefined;
  }

  /**
   * New tokens for the session, if `renewalToken` is its own: the old ones
   * stop working, and its user space's slot holds the new token. Undefined
   * otherwise, or when a logout or an expiry overtook the renewal.
   */
  async renew(session: Session, renewalToken: string): Promise<SessionTokens | undefined> {
    if (!safeEqual(renewalToken, session.renewalToken)) return undefined;
    const token = randomBytes(32).toString('hex');
    const next = { tenant: session.tenant, userName: session.userName, userSpace: session.userSpace, renewalToken: randomToken(24) };
    const expiresAt = this.clock.now() + this.lifetimeSeconds * 1000;
    // The new session is stored before the slot moves to it, so that a full store leaves the old one whole.
    if (!(await this.store.set(token, next, expiresAt))) throw new Error('the session store is full');
    if (!(await this.slots.replace(slotOf(session), session.token, token, expiresAt))) {
      await this.store.delete(token);
      return undefined;
    }
    await this.store.delete(session.token);
    return { authentication: token, renewalToken: next.renewalToken, validUntil: formatValidUntil(expiresAt) };
  }

  /** Ends the session: its tokens stop working and its user space is free. */
  async end(session: Session): Promise<void> {
    await this.store.delete(session.token);
    await this.slots.release(slotOf(session), session.token);
  }
}
