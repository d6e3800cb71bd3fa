import type { LoginData } from '@loginspec/enos-client';
import { type Clock, type ExpiringStore, randomToken, type SessionSlots, safeEqual } from '@loginspec/login-kit';

type IdNamePair = LoginData['user'];

/** What a session knows of its user: the login's answer besides the token. */
export interface SessionRecord {
  user: IdNamePair;
  organizations: IdNamePair[];
}

/** A live session, as a live access token names it. */
export interface Session {
  id: string;
  accessToken: string;
  record: SessionRecord;
}

/** What Choose Organization and Refresh Access Token answer about the session. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Milliseconds since the Unix epoch. */
  refreshTokenExpire: number;
  organization: IdNamePair;
  user: IdNamePair;
}

export interface SessionSettings {
  accessLifetimeSeconds: number;
  refreshLifetimeSeconds: number;
}

const ID_LENGTH = 12;
/** Shaped like the vendor's sample token: a fixed prefix and 32 alphanumerics (here the session's id, then 20 random ones). */
const ACCESS_PREFIX = 'APP_PORTAL_S_';
const ACCESS = new RegExp(`^${ACCESS_PREFIX}([A-Za-z0-9]{${ID_LENGTH}})[A-Za-z0-9]{20}$`);
/** Opaque: the session's id, then 52 random alphanumerics. */
const REFRESH = new RegExp(`^([A-Za-z0-9]{${ID_LENGTH}})[A-Za-z0-9]{52}$`);

const accessKey = (id: string) => `access\u0000${id}`;
const refreshKey = (id: string) => `refresh\u0000${id}`;
const organizationKey = (id: string) => `organization\u0000${id}`;

/**
 * EnOS sessions. A login opens one: a record of its user, kept under the
 * session's id, and slots that hold its one live access token and, once an
 * organization is chosen, its organization and its one live refresh token.
 * A token works while the record lives and its slot holds it: ending the
 * session is deleting the record, and replacing a token is replacing it in
 * its slot, one step that parallel requests cannot both take. Only a login
 * creates a record; the others extend it and never revive it, so nothing
 * works again after a logout.
 */
export class Sessions {
  constructor(
    readonly store: ExpiringStore<SessionRecord>,
    readonly slots: SessionSlots,
    readonly clock: Clock,
    readonly settings: SessionSettings,
  ) {}

  /** A new session's access token, or undefined when the store holds as many sessions as it can. */
  async open(record: SessionRecord): Promise<string | undefined> {
    const id = randomToken(ID_LENGTH);
    const accessToken = `${ACCESS_PREFIX}${id}${randomToken(20)}`;
    const expiresAt = this.#in(this.settings.accessLifetimeSeconds);
    if (!(await this.store.set(id, record, expiresAt))) return undefined;
    await this.slots.claim(accessKey(id), accessToken, expiresAt);
    return accessToken;
  }

  /** The live session whose live access token this is. */
  async find(accessToken: string): Promise<Session | undefined> {
    const id = ACCESS.exec(accessToken)?.[1];
    if (id === undefined) return undefined;
    const record = await this.store.get(id);
    const held = record && (await this.slots.get(accessKey(id)));
    return held !== undefined && safeEqual(accessToken, held) ? { id, accessToken, record: record as SessionRecord } : undefined;
  }

  /** The organization Choose Organization set, if any. */
  async organization(session: Session): Promise<IdNamePair | undefined> {
    const chosen = await this.slots.get(organizationKey(session.id));
    return session.record.organizations.find((o) => o.id === chosen);
  }

  /**
   * Makes `organization` the session's, with a new refresh token (a
   * previous one stops working); the session now lives as long as its
   * refresh token. Undefined when the session ended meanwhile.
   */
  async choose(session: Session, organization: IdNamePair): Promise<SessionTokens | undefined> {
    const refreshExpiresAt = this.#in(this.settings.refreshLifetimeSeconds);
    if (!(await this.store.extend(session.id, refreshExpiresAt))) return undefined;
    const refreshToken = `${session.id}${randomToken(52)}`;
    if (!(await this.#put(organizationKey(session.id), organization.id, refreshExpiresAt))) return undefined;
    if (!(await this.#put(refreshKey(session.id), refreshToken, refreshExpiresAt))) return undefined;
    return { accessToken: session.accessToken, refreshToken, refreshTokenExpire: refreshExpiresAt, organization, user: session.record.user };
  }

  /**
   * New tokens for the session of a live refresh token, which works once:
   * it and the session's access token stop working. Undefined when the
   * token is not the session's live one (unknown, expired, used, replaced),
   * or the session ended, before or meanwhile.
   */
  async refresh(refreshToken: string): Promise<SessionTokens | undefined> {
    const id = REFRESH.exec(refreshToken)?.[1];
    if (id === undefined) return undefined;
    const record = await this.store.get(id);
    const held = record && (await this.slots.get(refreshKey(id)));
    if (!record || held === undefined || !safeEqual(refreshToken, held)) return undefined;
    const refreshExpiresAt = this.#in(this.settings.refreshLifetimeSeconds);
    const next = `${id}${randomToken(52)}`;
    // The swap is the one step that uses the token: of parallel refreshes with it, one succeeds.
    if (!(await this.slots.replace(refreshKey(id), held, next, refreshExpiresAt))) return undefined;
    const chosen = await this.slots.get(organizationKey(id));
    const organization = record.organizations.find((o) => o.id === chosen);
    if (chosen === undefined || !organization || !(await this.slots.replace(organizationKey(id), chosen, chosen, refreshExpiresAt))) return undefined;
    const accessToken = `${ACCESS_PREFIX}${id}${randomToken(20)}`;
    if (!(await this.#put(accessKey(id), accessToken, this.#in(this.settings.accessLifetimeSeconds)))) return undefined;
    // Last: a logout that overtook the refresh leaves no record to extend, and the new tokens name nothing.
    if (!(await this.store.extend(id, refreshExpiresAt))) return undefined;
    return { accessToken, refreshToken: next, refreshTokenExpire: refreshExpiresAt, organization, user: record.user };
  }

  /** Ends the session: its record first, so that none of its tokens works any more; then its slots. */
  async end(session: Session): Promise<void> {
    await this.store.delete(session.id);
    for (const key of [accessKey(session.id), refreshKey(session.id), organizationKey(session.id)]) {
      const held = await this.slots.get(key);
      if (held !== undefined) await this.slots.release(key, held);
    }
  }

  #in(seconds: number): number {
    return this.clock.now() + seconds * 1000;
  }

  /** Puts `value` in the slot, whatever it held; false only when parallel changes kept overtaking this one. */
  async #put(key: string, value: string, expiresAt: number): Promise<boolean> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const held = await this.slots.get(key);
      if (held === undefined ? (await this.slots.claim(key, value, expiresAt)).claimed : await this.slots.replace(key, held, value, expiresAt)) return true;
    }
    return false;
  }
}
