// Generated from specs/xelion/openapi.yaml by `pnpm gen`. Do not edit by hand: edit the description and regenerate.
export interface paths {
    "/api/v1/{tenant}/me/login": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant to log in to, part of the API's base URL ("the tenant to
                 *     login to is derived from the URL of this request"). Lower case letters,
                 *     digits and hyphens. A name that is not a tenant's is answered like a
                 *     wrong password.
                 * @example master
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in
         * @description "A login request authenticates the user and creates a session." Context:
         *     Guest (no authentication needed). "If a session token is provided in
         *     the Authorization header then the matching session is ended first."
         *
         *     "The userspace parameter is typically selected by the program, and not
         *     by the user, and is not changed during the program's lifetime. A good
         *     practice is to choose a userspace name that is unique for the device on
         *     which the program is running, for example: iphone-<username>. Having
         *     such a name helps to analyze server information."
         *
         *     **Checks, in order** (the first that fails answers):
         *     1. `{tenant}` not a tenant name: 401, 10004;
         *     2. media type not `application/json`: 415, 10415;
         *     3. body larger than 64 KiB: 413, 10413;
         *     4. no body: 400, 10200;
         *     5. not a JSON object, or a member of the wrong type: 400, 10202;
         *     6. `userName` missing or empty: 400, 10002;
         *     7. `password` missing or empty: 400, 10003;
         *     8. `userSpace` missing or empty: 400, 10011;
         *     9. `userSpace` longer than 200 characters: 400, 10010;
         *     10. a live session named by `Authorization: xelion <token>` is ended;
         *     11. the attempt limit reached: 429, 10429;
         *     12. the server's password checks all busy: 503, 10503;
         *     13. unknown tenant, unknown user or wrong password: 401, 10004;
         *     14. account disabled: 401, 10006;
         *     15. password expired: 401, 10007;
         *     16. MFA needed and no matching `mfa` and `email`: 401, 10013;
         *     17. a live session in this user space: 401, 10005;
         *     18. the user holds as many live sessions as one user may: 409, 10409;
         *     19. the server holds as many live sessions as it can: 503, 10503;
         *     20. otherwise 200: a new session.
         *
         *     A right MFA code that opens no session (17 to 19) stays valid.
         *
         *     **Sessions** (this project's): at most `x-session-capacity.perUser`
         *     live sessions per user, in all user spaces together, so that one
         *     account cannot fill the server; past it, log out in another user space
         *     (or let a session expire). The server as a whole holds
         *     `x-session-capacity.sessions`.
         *
         *     **Attempt limit** (this project's). Failed logins (10004) are counted,
         *     before the password is checked, in a sliding window of **15 minutes**:
         *     **5** for one user of a tenant from one client address, **100** for one
         *     user from any address, **20** from one address whatever the user. Here
         *     an IPv6 client address counts by its /64 prefix, which one subscriber
         *     may hold whole, and an IPv4-mapped IPv6 address as its IPv4 address. A
         *     limit reached answers 10429 (HTTP 429) with `Retry-After`, the right
         *     password included. A login holds a place under the limits while its
         *     password is checked, and gives it back once the password is found
         *     right: only failures stay counted, but a burst of logins can reach a
         *     limit even with the right password among them. A completed login (MFA
         *     passed where it is needed) ends the user's run of failures; the right
         *     password alone, before an MFA code or in Request MFA, does not. An
         *     address from which the user logged in within **30 days** is known for
         *     the user, and only the first limit applies there. A wrong MFA code
         *     counts twice: as a failed login under these limits (a login that gives
         *     no code does not), and against the code: after **5**, the code is void
         *     and a new one must be requested. The numbers are in `x-attempt-limit`
         *     and `x-mfa-code`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{tenant}/me/renew": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant to log in to, part of the API's base URL ("the tenant to
                 *     login to is derived from the URL of this request"). Lower case letters,
                 *     digits and hyphens. A name that is not a tenant's is answered like a
                 *     wrong password.
                 * @example master
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew the session token
         * @description **Not documented on the Log in page**, which names it: "A Renew Token
         *     request refreshes the token." Its shape is the vendor's `me/renew`
         *     page's: context User (`Authorization: xelion <token>` required), the
         *     payload a JSON string, the renewal token (the page also allows the
         *     user's password there; this description takes only the renewal
         *     token), the answer a fresh `authentication`, `renewalToken` and
         *     `validUntil`.
         *
         *     A renewal rotates both tokens: the old session token and the old
         *     renewal token stop working, and the session's one slot in its user
         *     space now holds the new one. A session whose token has expired cannot
         *     be renewed (10000): log in again.
         *
         *     **Checks, in order**: `{tenant}` not a tenant name, no `Authorization`,
         *     or a token that names no live session of this tenant: 401, 10000;
         *     media type: 415, 10415; size: 413, 10413; no body: 400, 10200; not a
         *     JSON string: 400, 10202; not the session's renewal token: 401, 10000;
         *     otherwise 200.
         */
        post: operations["renew"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{tenant}/me/logout": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant to log in to, part of the API's base URL ("the tenant to
                 *     login to is derived from the URL of this request"). Lower case letters,
                 *     digits and hyphens. A name that is not a tenant's is answered like a
                 *     wrong password.
                 * @example master
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out
         * @description **Not documented on the Log in page**, which names it: "This session
         *     exists until it is destroyed by a Logout request." Its shape is the
         *     vendor's `me/logout` page's: context User, no payload, no answer body
         *     (204 here). The session ends: its token and renewal token stop working
         *     and its user space is free.
         *
         *     **Checks, in order**: `{tenant}` not a tenant name: 401, 10000; no
         *     `Authorization` header at all: 403, 10000 ("No authentication header
         *     given"); a header in another form than `xelion <token>`, or a token
         *     that names no live session of this tenant: 401, 10000; a body larger
         *     than 64 KiB: 413, 10413; otherwise 204.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/{tenant}/me/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant to log in to, part of the API's base URL ("the tenant to
                 *     login to is derived from the URL of this request"). Lower case letters,
                 *     digits and hyphens. A name that is not a tenant's is answered like a
                 *     wrong password.
                 * @example master
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request an MFA code
         * @description **Not documented by the vendor, and its shape invented by this
         *     project.** The Log in page names it once: "If they match what's sent
         *     to the e-mail provided in the Request MFA, the Login Response is
         *     returned." No source gives its path or members; these are this
         *     project's.
         *
         *     Sends a single-use code of **6** digits, valid **300 seconds**, to
         *     `email`, for a user whose login answered 10013. The request carries the
         *     user's credentials, so that only the user can have codes sent. The
         *     code is sent only when `email` is the user's own address; the answer
         *     is the same either way, so that it reveals no address. A new request
         *     replaces the previous code. The login then sends the code as `mfa` and
         *     the same `email`. A code is taken by the login that uses it, and void
         *     after **5** wrong tries (`x-mfa-code`).
         *
         *     On the reference server, codes go to an outbox, which `pnpm start`
         *     prints and the tests read; no e-mail is sent.
         *
         *     **Checks, in order**: `{tenant}` not a tenant name: 401, 10004; media
         *     type: 415, 10415; size: 413, 10413; no body: 400, 10200; not an object
         *     of strings: 400, 10202; `userName` missing: 400, 10002; `password`
         *     missing: 400, 10003; the attempt limit (as Login's, shared with it):
         *     429, 10429; busy: 503, 10503; unknown user or wrong password: 401,
         *     10004; otherwise 202.
         */
        post: operations["requestMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The login's payload (the vendor's `LoginCredentials` model; the page's
         *     Payload section is empty). Other members are ignored.
         */
        LoginCredentials: {
            /** @description The user's name (compared exactly). */
            userName: string;
            /** @description The user's password. */
            password: string;
            /**
             * @description Names the session with `userName`: one session per user and user
             *     space. Chosen by the program and kept, e.g. `iphone-<username>`. At
             *     most 200 characters (10010).
             */
            userSpace: string;
            /** @description The key of the client app (the vendor's words); accepted, not checked. */
            appKey?: string;
            /** @description An id of the client (the vendor's model page); accepted, not checked. */
            clientId?: string;
            /** @description The code sent to `email` by Request MFA, for a user whose login needs MFA. */
            mfa?: string;
            /** @description The e-mail address given to Request MFA, with `mfa`. */
            email?: string;
        };
        /**
         * @description A new session (the vendor's `LoginResponse` model; the page's Response
         *     section is empty). The six members of the page's example are always
         *     there; `brand`, `host`, `tenant` and `userName` are "optional, can be
         *     NULL" (the reference server sends `tenant` and `userName`).
         */
        LoginResponse: {
            authentication: components["schemas"]["SessionToken"];
            renewalToken: components["schemas"]["RenewalToken"];
            validUntil: components["schemas"]["ValidUntil"];
            /** @description The API's version (`1.1` in the example). */
            version: string;
            /** @description The server's version (`6 update 17` in the example). */
            serverVersion: string;
            /** @description The server's build (`20170823.1` in the example). */
            buildNumber: string;
            /** @description The brand of the server (the vendor's model page). */
            brand?: string | null;
            /** @description The host of the tenant (the vendor's model page). */
            host?: string | null;
            /** @description The tenant logged in to. */
            tenant?: string | null;
            /** @description The user logged in. */
            userName?: string | null;
        };
        /** @description A renewed session (the vendor's `me/renew` page). */
        RenewResponse: {
            authentication: components["schemas"]["SessionToken"];
            renewalToken: components["schemas"]["RenewalToken"];
            validUntil: components["schemas"]["ValidUntil"];
        };
        /** @description The session token, for `Authorization: xelion <token>`; 64 hex characters on the reference server. */
        SessionToken: string;
        /** @description The renewal token, opaque (the example's is not hex); Renew's payload, as a JSON string. */
        RenewalToken: string;
        /**
         * @description When the session token expires, as the page writes it, `YYYY-MM-DD
         *     HH:mm:ss` (not ISO 8601, no zone). The reference server writes UTC.
         */
        ValidUntil: string;
        /** @description Request MFA's payload (this project's shape). */
        MfaRequest: {
            /** @description The user's name. */
            userName: string;
            /** @description The user's password. */
            password: string;
            /** @description Where to send the code; sent only if it is the user's address. */
            email: string;
        };
        /** @description Request MFA's answer (this project's shape), the same whether or not a code was sent. */
        MfaRequested: {
            /** @description The address the request named. */
            email: string;
            /** @description How long a code sent is valid. */
            validForSeconds: number;
        };
        /**
         * @description The error body (the vendor's common-errors page):
         *     `{"errorCode": 10004, "message": "...", "info": "resource=POST /api/v1/master/me/login"}`.
         */
        Error: {
            /**
             * @description The Xelion error code. 10409, 10413, 10415, 10429 and 10503 are this project's (the
             *     reference server's answers to what the vendor's pages do not
             *     cover); the others are the vendor's. 10012 and 10013 both mean
             *     "mfa required" (the page's prose and table disagree).
             *
             *     | code | HTTP | meaning | source |
             *     |---|---|---|---|
             *     | 10000 | 401, 403 | not authenticated; 403 on logout without a header | the vendor |
             *     | 10002 | 400 | no user name specified | the vendor |
             *     | 10003 | 400 | no password specified | the vendor |
             *     | 10004 | 401 | wrong user name, password and tenant combination | the vendor |
             *     | 10005 | 401 | already logged in in the same user space | the vendor |
             *     | 10006 | 401 | account disabled | the vendor |
             *     | 10007 | 401 | password expired | the vendor |
             *     | 10008 | 401 | server and client versions mismatch (never answered here) | the vendor |
             *     | 10009 | 401 | login failed: server error (never answered here) | the vendor |
             *     | 10010 | 400 | user space longer than 200 characters | the vendor (status: this project) |
             *     | 10011 | 400 | user space missing | the vendor (status: this project) |
             *     | 10012 | 401 | mfa required (the prose's number; never answered here) | the vendor |
             *     | 10013 | 401 | mfa required | the vendor |
             *     | 10200 | 400 | no payload | the vendor |
             *     | 10202 | 400 | payload malformed | the vendor |
             *     | 10409 | 409 | the user holds as many sessions as one user may | this project |
             *     | 10413 | 413 | body too large | this project |
             *     | 10415 | 415 | media type not supported | this project |
             *     | 10429 | 429 | attempt limit reached | this project |
             *     | 10503 | 503 | the server's password checks all busy, or no room for another session | this project |
             *     | 11000 | 500 | a server error occurred | the vendor |
             * @enum {integer}
             */
            errorCode: 10000 | 10002 | 10003 | 10004 | 10005 | 10006 | 10007 | 10008 | 10009 | 10010 | 10011 | 10012 | 10013 | 10200 | 10202 | 10409 | 10413 | 10415 | 10429 | 10503 | 11000;
            /** @description The reason, as the vendor's table words it. */
            message: string;
            /** @description What was asked, `resource=<METHOD> <path>`. */
            info: string;
        };
    };
    responses: {
        /**
         * @description The login could not be read as credentials. `errorCode` says which
         *     member is wrong, in the order the operation lists its checks. The status of
         *     10010, 10011, 10200 and 10202 is this description's decision (see the
         *     API's description); the texts are the vendor's.
         */
        LoginBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The login is refused. 10004 for an unknown tenant, an unknown user and a
         *     wrong password alike (no enumeration); 10006 and 10007 only after the right
         *     password; 10013 when the user needs MFA and the request has no valid `mfa`
         *     and `email` (the page's prose says 10012, its table 10013: the reference
         *     server answers 10013, and clients should read both as "MFA required");
         *     10005 after all of these, when the user space already holds a live session.
         *     10008, 10009 and 10012 are the vendor's and documented, but the reference
         *     server never answers them (`x-answered: false`).
         */
        LoginRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The renewal could not be read: no body (10200), or a body that is not a
         *     JSON string (10202). The vendor's codes and texts.
         */
        RenewBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description 10000: no session token, a token that names no live session of this
         *     tenant, or a renewal token that is not the session's own. The vendor's code
         *     and text. The vendor's renew page also lists 10005, 10006, 10007 and 10009,
         *     which the reference server never answers (`x-answered: false`).
         */
        RenewRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description 10000: the token names no live session of this tenant, or the
         *     `Authorization` header is not in the form `xelion <token>`. The
         *     vendor's code and text.
         */
        LogoutNotAuthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description 10000: no `Authorization: xelion <token>` header at all. The vendor's code
         *     and text.
         */
        LogoutNoHeader: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request could not be read: no body (10200), a body that is not an
         *     object with the members required (10202), or one of them missing (10002,
         *     10003). This project's use of the vendor's codes.
         */
        MfaBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description 10004: an unknown tenant or user, or a wrong password, alike. This
         *     project's use of the vendor's code.
         */
        MfaRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description 10409: the user already holds `x-session-capacity.perUser` live sessions,
         *     in other user spaces; log out of one first. This project's code (the
         *     vendor documents no cap).
         */
        LoginTooManySessions: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is larger than 64 KiB. This project's code, 10413. */
        LoginTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is not `application/json`. This project's code, 10415. */
        LoginUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is larger than 64 KiB. This project's code, 10413. */
        RenewTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is not `application/json`. This project's code, 10415. */
        RenewUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is larger than 64 KiB. This project's code, 10413. */
        MfaTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is not `application/json`. This project's code, 10415. */
        MfaUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request carries a body larger than 64 KiB (logout takes none). This
         *     project's code, 10413.
         */
        LogoutTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Too many failed attempts for this user or from this client address (see
         *     the operation's attempt limit); try again after `Retry-After`. This
         *     project's code, 10429.
         */
        LoginAttemptLimit: {
            headers: {
                /** @description Seconds after which to try again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The server already runs and queues as many password checks as it can;
         *     try again after `Retry-After`. This project's code, 10503. The reference
         *     server checks two credentials at once (scrypt at OWASP's cost takes 128
         *     MiB and a few hundred milliseconds each) and lets 32 more wait their turn
         *     for at most 10 seconds: a login past the queue, or one whose turn would
         *     not come in 10 seconds at the pace of the latest checks, is answered at
         *     once; one whose turn has not come in 10 seconds, then. The same answer when the
         *     server holds as many live sessions as it can: the login's
         *     `x-session-capacity` gives the number and the `Retry-After`.
         */
        LoginBusy: {
            headers: {
                /** @description Seconds after which to try again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Too many failed attempts for this user or from this client address (see
         *     the operation's attempt limit); try again after `Retry-After`. This
         *     project's code, 10429.
         */
        MfaAttemptLimit: {
            headers: {
                /** @description Seconds after which to try again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The server already runs and queues as many password checks as it can;
         *     try again after `Retry-After`. This project's code, 10503. The reference
         *     server checks two credentials at once (scrypt at OWASP's cost takes 128
         *     MiB and a few hundred milliseconds each) and lets 32 more wait their turn
         *     for at most 10 seconds: a login past the queue, or one whose turn would
         *     not come in 10 seconds at the pace of the latest checks, is answered at
         *     once; one whose turn has not come in 10 seconds, then.
         */
        MfaBusy: {
            headers: {
                /** @description Seconds after which to try again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description A server error occurred. The vendor's code and text, 11000; the reference
         *     server reveals no detail of the error.
         */
        LoginServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description A server error occurred. The vendor's code and text, 11000; the reference
         *     server reveals no detail of the error.
         */
        RenewServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description A server error occurred. The vendor's code and text, 11000; the reference
         *     server reveals no detail of the error.
         */
        LogoutServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description A server error occurred. The vendor's code and text, 11000; the reference
         *     server reveals no detail of the error.
         */
        MfaServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description The tenant to log in to, part of the API's base URL ("the tenant to
         *     login to is derived from the URL of this request"). Lower case letters,
         *     digits and hyphens. A name that is not a tenant's is answered like a
         *     wrong password.
         * @example master
         */
        Tenant: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant to log in to, part of the API's base URL ("the tenant to
                 *     login to is derived from the URL of this request"). Lower case letters,
                 *     digits and hyphens. A name that is not a tenant's is answered like a
                 *     wrong password.
                 * @example master
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginCredentials"];
            };
        };
        responses: {
            /** @description A new session. Send `authentication` as `Authorization: xelion <authentication>`; renew it before `validUntil`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["LoginBadRequest"];
            401: components["responses"]["LoginRefused"];
            409: components["responses"]["LoginTooManySessions"];
            413: components["responses"]["LoginTooLarge"];
            415: components["responses"]["LoginUnsupportedMediaType"];
            429: components["responses"]["LoginAttemptLimit"];
            500: components["responses"]["LoginServerError"];
            503: components["responses"]["LoginBusy"];
        };
    };
    renew: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant to log in to, part of the API's base URL ("the tenant to
                 *     login to is derived from the URL of this request"). Lower case letters,
                 *     digits and hyphens. A name that is not a tenant's is answered like a
                 *     wrong password.
                 * @example master
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenewalToken"];
            };
        };
        responses: {
            /** @description The session's new tokens and expiry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenewResponse"];
                };
            };
            400: components["responses"]["RenewBadRequest"];
            401: components["responses"]["RenewRefused"];
            413: components["responses"]["RenewTooLarge"];
            415: components["responses"]["RenewUnsupportedMediaType"];
            500: components["responses"]["RenewServerError"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant to log in to, part of the API's base URL ("the tenant to
                 *     login to is derived from the URL of this request"). Lower case letters,
                 *     digits and hyphens. A name that is not a tenant's is answered like a
                 *     wrong password.
                 * @example master
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out; the session has ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["LogoutNotAuthenticated"];
            403: components["responses"]["LogoutNoHeader"];
            413: components["responses"]["LogoutTooLarge"];
            500: components["responses"]["LogoutServerError"];
        };
    };
    requestMfa: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tenant to log in to, part of the API's base URL ("the tenant to
                 *     login to is derived from the URL of this request"). Lower case letters,
                 *     digits and hyphens. A name that is not a tenant's is answered like a
                 *     wrong password.
                 * @example master
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaRequest"];
            };
        };
        responses: {
            /** @description Accepted. If `email` is the user's, a code is on its way to it. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaRequested"];
                };
            };
            400: components["responses"]["MfaBadRequest"];
            401: components["responses"]["MfaRefused"];
            413: components["responses"]["MfaTooLarge"];
            415: components["responses"]["MfaUnsupportedMediaType"];
            429: components["responses"]["MfaAttemptLimit"];
            500: components["responses"]["MfaServerError"];
            503: components["responses"]["MfaBusy"];
        };
    };
}
