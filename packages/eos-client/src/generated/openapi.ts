// Generated from specs/eos/openapi.yaml by `pnpm gen`. Do not edit by hand: edit the description and regenerate.
export interface paths {
    "/client/hello": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a session (Hello)
         * @description **Not documented by the vendor.** The Login page names this call in
         *     one sentence only, the description of `sessionId`: "the session id is
         *     accquired from Hello API". Its path (`POST /client/hello`), its lack of
         *     input and its answer are this project's assumption, kept as small as
         *     Login needs.
         *
         *     Issues a new, not yet logged-in session. The answer carries its
         *     `sessionId` (a UUID) and its `expireTime`: the session expires **5
         *     minutes** after it is issued unless a login succeeds on it (see
         *     Login).
         *
         *     Hello takes no request body. A body that is sent is ignored, except
         *     that the reference server refuses, as on every request, one larger
         *     than 64 KiB (413).
         *
         *     **Limits** (this project's). Hello needs no login, so that a client can
         *     log in, and creates state: it is bounded. One client address (an IPv6
         *     address by its /64) may open **30** sessions a minute; the next is
         *     answered `2-2` (HTTP 429). The
         *     server holds at most **10,000** live sessions; when they are all in
         *     use, Hello answers `2-3` (HTTP 503). Both carry `Retry-After`. The
         *     numbers are in `x-rate-limit` and `x-session-capacity`.
         */
        post: operations["hello"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/client/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in
         * @description Login with credentials. `sessionId` must be a live session issued by
         *     Hello (`POST /client/hello`); `domain` picks the user directory that
         *     checks `loginName` and `password` (absent or empty: the default
         *     directory, `customers` on the reference server).
         *
         *     On success the session is logged in and expires **30 minutes** after
         *     the login; `expireTime` says when. The answer also carries a secure
         *     code, the mobility apps available to the user and the user's profile.
         *
         *     **Checks, in order** (the first that fails answers):
         *     1. media type not `application/x-www-form-urlencoded`: 415, `1-3`;
         *     2. body larger than 64 KiB: 413, `1-2`;
         *     3. body does not match `LoginRequest` (e.g. no `sessionId`, or a field
         *        given more than once): 403, `1-1`;
         *     4. `sessionId` not issued by Hello, or expired: 403, `2-1`;
         *     5. `domain` names no directory: 403, `3-3`;
         *     6. `loginName` or `password` absent or empty: 403, `3-1`;
         *     7. the attempt limit reached: 429, `3-4` (see below);
         *     8. the server's password checks all busy: 503, `4-1`;
         *     9. no such `loginName` in the directory, or wrong password: 403, `3-2`.
         *
         *     **Attempt limit** (this project's). Failed logins are counted, before
         *     the password is checked, in a sliding window of **15 minutes**: **5**
         *     for one account (a `domain` and `loginName`) from one client address,
         *     **100** for one account from any address, **20** from one address
         *     whatever the account. Here an IPv6 client address counts by its /64
         *     prefix, which one subscriber may hold whole, and an IPv4-mapped IPv6
         *     address as its IPv4 address. A limit reached answers `3-4` with
         *     `Retry-After` until its oldest failure leaves the window, the right
         *     password included. A login holds a place under the limits while its
         *     password is checked, and gives it back once the password is found
         *     right: only failures stay counted, but a burst of logins can reach a
         *     limit even with the right password among them. A successful login ends
         *     the account's run of failures. An address from which the account
         *     logged in within **30 days** is known for it, and only the first limit
         *     applies there: the account's owner keeps a way in while strangers fill
         *     the others. The numbers are in `x-attempt-limit`.
         *
         *     Fields not in `LoginRequest` are ignored.
         *
         *     **The page's request example** works as written against the reference
         *     server: its `sessionId` is a demo session there that never expires. On
         *     the vendor's server that session id is long gone; call Hello first.
         */
        post: operations["login"];
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
         * @description The form fields of a login. Every value is a string. Only `sessionId`
         *     is required by the schema; a login without `loginName` or `password`
         *     is refused with code `3-1` (see the operation). Other fields are
         *     ignored.
         */
        LoginRequest: {
            /**
             * @description The session id acquired from Hello. The reference server issues
             *     UUIDs; any other string is simply an unknown session (`2-1`).
             */
            sessionId: string;
            /**
             * @description A user-defined value which locates the extension (user directory)
             *     that handles login, relogin, refresh and logout. Absent or empty:
             *     the default directory (`customers` on the reference server). A
             *     name that matches no directory is refused with `3-3`.
             */
            domain?: string;
            /** @description The user's login name in the chosen directory. Absent or empty is refused with `3-1`. */
            loginName?: string;
            /** @description The user's password. Absent or empty is refused with `3-1`. */
            password?: string;
        };
        /** @description A new session (this project's assumption; the vendor documents no Hello). */
        HelloResponse: {
            /**
             * Format: uuid
             * @description The id of the new session; send it as `sessionId` to Login.
             */
            sessionId: string;
            /** @description When the session expires unless a login succeeds on it, in milliseconds since the Unix epoch (5 minutes after it is issued). */
            expireTime: number;
        };
        /** @description A successful login (fields from the page's sample, which has no field table). */
        LoginResponse: {
            /** @description When the logged-in session expires, in milliseconds since the Unix epoch (30 minutes after the login). */
            expireTime: number;
            /**
             * @description A code that identifies the logged-in user to the vendor's services.
             *     The page does not describe it; in its sample it equals the
             *     profile's `serialNumber`.
             */
            secureCode: string;
            mobilityApps: components["schemas"]["MobilityApps"];
            profile: components["schemas"]["Profile"];
        };
        /** @description The mobility apps available to the user, in two lists. */
        MobilityApps: {
            /** @description Apps provided by the platform (in the sample, resources and services such as `res` and `MyCustomersSrv`). */
            system: components["schemas"]["MobilityApp"][];
            /** @description Apps deployed for the users of this server (in the sample, `MyDemo`, `MyDemoService`, `OpenCVTest`). */
            user: components["schemas"]["MobilityApp"][];
        };
        /** @description One mobility app. The page does not describe these fields; the meanings are this project's reading of the sample. */
        MobilityApp: {
            /** @description The app's identifier. */
            id: string;
            /** @description The app's version, e.g. `2.5.0` or `2.5.0-3` (version and build number). */
            version: string;
            /** @description An opaque token of this app for this user (e.g. to fetch it); ten characters in the sample. */
            token: string;
            /** @description The size of the app's package in bytes; 0 in every sample. */
            size: number;
        };
        /**
         * @description The logged-in user's profile. It ends after `attr_3`: in the page's
         *     broken sample `contactId` and `attr_1`..`attr_3` belong to it (see the
         *     repair described above).
         */
        Profile: {
            /** @description The user's serial number (a string of digits in the sample). */
            serialNumber: string;
            /** @description The user's name for display. */
            displayName: string;
            /** @description The roles granted to the user. */
            roles: string[];
            /** @description The id of the user's contact record (a number in the sample, equal to `serialNumber`). */
            contactId: number;
            /** @description A deployment-defined attribute of the user (a string in the sample); may be absent. */
            attr_1?: string;
            /** @description A deployment-defined attribute of the user (a string in the sample); may be absent. */
            attr_2?: string;
            /** @description A deployment-defined attribute of the user (a number in the sample); may be absent. */
            attr_3?: number;
        };
        /** @description The error body of every failure (the page's shape, `{message, code}`). */
        Error: {
            /** @description Human-readable reason. */
            message: string;
            /**
             * @description Why the request failed. Only `3-2` is on the vendor's page; the
             *     others are this project's, in the page's format (first number: `1`
             *     the request, `2` the session, `3` the login, `4` the server).
             *
             *     | code | HTTP | meaning | source |
             *     |---|---|---|---|
             *     | `1-1` | 403 | malformed request: the body does not match `LoginRequest` | this project |
             *     | `1-2` | 413 | request body too large (64 KiB on the reference server) | this project |
             *     | `1-3` | 415 | media type not `application/x-www-form-urlencoded` | this project |
             *     | `2-1` | 403 | `sessionId` unknown (not issued by Hello) or expired | this project |
             *     | `2-2` | 429 | Hello: too many sessions from this client address | this project |
             *     | `2-3` | 503 | Hello: the server holds as many sessions as it can | this project |
             *     | `3-1` | 403 | credentials missing: `loginName` or `password` absent or empty | this project |
             *     | `3-2` | 403 | invalid credentials: unknown `loginName` or wrong `password` | the page |
             *     | `3-3` | 403 | `domain` names no user directory | this project |
             *     | `3-4` | 429 | attempt limit reached | this project |
             *     | `4-1` | 503 | the server's password checks are all busy | this project |
             *     | `4-2` | 500 | the server's state failed (Hello, Login) | this project |
             * @enum {string}
             */
            code: "1-1" | "1-2" | "1-3" | "2-1" | "2-2" | "2-3" | "3-1" | "3-2" | "3-3" | "3-4" | "4-1" | "4-2";
        };
    };
    responses: {
        /**
         * @description The login is refused. `code` says why: `3-2` invalid credentials
         *     (the page's code); `3-1` credentials missing, `3-3` unknown domain,
         *     `2-1` unknown or expired session, `1-1` malformed request (this
         *     project's codes, see `Error.code`). A wrong password and an unknown
         *     `loginName` both answer `3-2`.
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
         * @description `1-2` — the request carries a body larger than the server accepts
         *     (64 KiB on the reference server). Not on the vendor's page: the
         *     reference server's answer.
         */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description `1-3` — the request body is not `application/x-www-form-urlencoded`
         *     (the page's sample is a `curl --data` call, which sends that media
         *     type). Not on the vendor's page: the reference server's answer.
         */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description `2-2` — this client address has opened as many sessions as it may in
         *     the window of `x-rate-limit`; try again after `Retry-After`. Not on the
         *     vendor's page: the reference server's answer.
         */
        TooManySessions: {
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
         * @description `2-3` — the server holds as many live sessions as it can
         *     (`x-session-capacity`); try again after `Retry-After`. Not on the
         *     vendor's page: the reference server's answer.
         */
        SessionsFull: {
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
         * @description `3-4` — too many failed logins for this account or from this client
         *     address (see Login's attempt limit); try again after `Retry-After`. Not
         *     on the vendor's page: the reference server's answer.
         */
        AttemptLimit: {
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
         * @description `4-1` — the server already runs and queues as many password checks as
         *     it can; try again after `Retry-After`. Not on the vendor's page: the
         *     reference server's answer.
         *
         *     The reference server checks two credentials at once (scrypt at
         *     OWASP's cost takes 128 MiB and a few hundred milliseconds each) and
         *     lets 32 more wait their turn for at most 10 seconds: a login past the
         *     queue, or one whose turn would not come in 10 seconds at the pace of the
         *     latest checks, is answered at once; one whose turn has not come in 10
         *     seconds, then.
         */
        Busy: {
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
         * @description `4-2` — the server's state (sessions, attempt counts) failed, or the
         *     operation met an error it did not expect. The page documents no 500:
         *     this is this project's answer to a failure of its state, in the page's
         *     `{message, code}` shape. The reference server reveals no detail of
         *     the error.
         */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    hello: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new session. Use its `sessionId` for Login before `expireTime`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HelloResponse"];
                };
            };
            413: components["responses"]["TooLarge"];
            429: components["responses"]["TooManySessions"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["SessionsFull"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Logged in. The session now expires at `expireTime`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            403: components["responses"]["LoginRefused"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["AttemptLimit"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
}
