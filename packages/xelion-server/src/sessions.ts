import { randomBytes } from 'node:crypto';
import { type Clock, type ExpiringStore, randomToken, type SessionSlots, safeEqual } from '@loginspec/login-kit';
import { formatValidUntil } from '@loginspec/xelion-client';

/** A live session, by its token. */
export interface Session {
  token: string;
  tenant: string;
  userName: string;
  userSpace: string;
  renewalToken: string;
  /** Which of the user's places (`perUser`) the session holds. */
  place: number;
}

/** What a login or a renewal answers about its session. */
export interface SessionTokens {
  authentication: string;
  renewalToken: string;
  validUntil: string;
}

export interface SessionSettings {
  lifetimeSeconds: number;
  /** The most live sessions one user holds at once, in all user spaces. */
  perUser: number;
}

type Owner = Pick<Session, 'tenant' | 'userName'>;
const spaceKey = ({ tenant, userName, userSpace }: Owner & Pick<Session, 'userSpace'>) => `space\u0000${tenant}\u0000${userName}\u0000${userSpace}`;
const placeKey = ({ tenant, userName }: Owner, place: number) => `place\u0000${tenant}\u0000${userName}\u0000${place}`;

/**
 * Xelion's sessions: at most one per (tenant, user, user space) and
 * `perUser` per user, each living until its token expires, is renewed
 * (both tokens rotate) or is logged out. The store holds each session by
 * its token; slots hold, for each user space and for each of the user's
 * places, the token of the session there. Slots change only on what they
 * hold, so parallel logins cannot share one.
 */
export class Sessions {
  constructor(
    readonly store: ExpiringStore<Omit<Session, 'token'>>,
    readonly slots: SessionSlots,
    readonly clock: Clock,
    readonly settings: SessionSettings,
  ) {}

  /**
   * A new session; or why not: its user space holds a live one (10005), the
   * user holds `perUser` already (10409), or the store holds no more (10503).
   */
  async open(tenant: string, userName: string, userSpace: string): Promise<SessionTokens | 'user-space-taken' | 'too-many-for-user' | 'full'> {
    const token = randomBytes(32).toString('hex');
    const expiresAt = this.clock.now() + this.settings.lifetimeSeconds * 1000;
    const owner = { tenant, userName };
    if (!(await this.slots.claim(spaceKey({ ...owner, userSpace }), token, expiresAt)).claimed) return 'user-space-taken';
    const place = await this.#claimPlace(owner, token, expiresAt);
    if (place === undefined) {
      await this.slots.release(spaceKey({ ...owner, userSpace }), token);
      return 'too-many-for-user';
    }
    const record = { tenant, userName, userSpace, renewalToken: randomToken(24), place };
    if (!(await this.store.set(token, record, expiresAt))) {
      await this.#release({ token, ...record });
      return 'full';
    }
    return { authentication: token, renewalToken: record.renewalToken, validUntil: formatValidUntil(expiresAt) };
  }

  /** The live session of `tenant` that `token` names, if any. */
  async find(tenant: string, token: string): Promise<Session | undefined> {
    const record = await this.store.get(token);
    return record && record.tenant === tenant ? { token, ...record } : undefined;
  }

  /**
   * New tokens for the session, if `renewalToken` is its own: the old ones
   * stop working, and its slots hold the new token. Undefined otherwise, or
   * when a logout or an expiry overtook the renewal.
   */
  async renew(session: Session, renewalToken: string): Promise<SessionTokens | undefined> {
    if (!safeEqual(renewalToken, session.renewalToken)) return undefined;
    const token = randomBytes(32).toString('hex');
    const { token: old, ...rest } = session;
    const next = { ...rest, renewalToken: randomToken(24) };
    const expiresAt = this.clock.now() + this.settings.lifetimeSeconds * 1000;
    // The new session is stored before the slots move to it, so that a full store leaves the old one whole.
    if (!(await this.store.set(token, next, expiresAt))) throw new Error('the session store is full');
    if (!(await this.slots.replace(spaceKey(session), old, token, expiresAt))) {
      await this.store.delete(token);
      return undefined;
    }
    await this.slots.replace(placeKey(session, session.place), old, token, expiresAt);
    await this.store.delete(old);
    return { authentication: token, renewalToken: next.renewalToken, validUntil: formatValidUntil(expiresAt) };
  }

  /** Ends the session: its tokens stop working, its user space and its place are free. */
  async end(session: Session): Promise<void> {
    await this.store.delete(session.token);
    await this.#release(session);
  }

  /** The first of the user's free places, claimed for `token`. */
  async #claimPlace(owner: Owner, token: string, expiresAt: number): Promise<number | undefined> {
    for (let place = 0; place < this.settings.perUser; place++) {
      if ((await this.slots.claim(placeKey(owner, place), token, expiresAt)).claimed) return place;
    }
    return undefined;
  }

  async #release(session: Session): Promise<void> {
    await this.slots.release(spaceKey(session), session.token);
    await this.slots.release(placeKey(session, session.place), session.token);
  }
}
