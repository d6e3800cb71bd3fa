// Generated from specs/enos/openapi.yaml by `pnpm gen`. Do not edit by hand: edit the description and regenerate.
export interface paths {
    "/app-portal-service/v2.0/login": {
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
         * @description Log in to the account. Answers an access token, represented as a
         *     bearer token, the user's ID and name, and the organizations the user
         *     belongs to.
         *
         *     **Attempt limit** (this project's counting; the page documents only
         *     that a limit exists). Failed attempts are counted in a sliding window
         *     of **15 minutes**:
         *
         *     - **5** failures for one account from one client address;
         *     - **100** failures for one account from any address (NIST SP 800-63B
         *       allows no more than 100 consecutive failures);
         *     - **20** failures from one client address, whatever the account.
         *
         *     Here an IPv6 client address counts by its /64 prefix, which one
         *     subscriber may hold whole, and an IPv4-mapped IPv6 address as its IPv4
         *     address.
         *
         *     When a limit is reached, every further attempt under it is answered
         *     31429 (HTTP 429) without checking the password, even the right one,
         *     until the oldest failure leaves the window; `Retry-After` says how many
         *     seconds that takes. An attempt is counted *before* the password is
         *     checked, so parallel attempts cannot pass a limit together. A login
         *     holds a place under the limits while its password is checked, and
         *     gives it back once the password is found right: only failures stay
         *     counted, but a burst of logins can reach a limit even with the right
         *     password among them. A successful login ends the account's run of
         *     failures (not the address's, so that logging in to one account cannot
         *     launder guesses at others).
         *
         *     **The owner keeps a way in.** An address from which an account logged
         *     in within the last **30 days** is known for that account: from there,
         *     only the first limit applies. Strangers who fill an account's limit,
         *     or an address's (a shared proxy or NAT), lock out strangers, not the
         *     account's owner at a known address.
         *
         *     **Busy.** When the server already runs and queues as many password
         *     checks as it can, it answers 31503 (HTTP 503) at once, with
         *     `Retry-After`.
         *
         *     The same numbers are in `x-attempt-limit`, which the reference server
         *     reads.
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
        /** @description Credentials of an Application Portal account. */
        LoginRequest: {
            /** @description The user name. */
            account: string;
            /** @description The password of the user name. */
            password: string;
        };
        /** @description The ID and name of an organization or a user. */
        IdNamePair: {
            /** @description The organization/user ID. */
            id: string;
            /** @description The organization/user name. */
            name: string;
        };
        /** @description The details of the user. */
        LoginData: {
            /** @description The access token, represented as bearer token. */
            accessToken: string;
            /** @description The list of organizations that the user belongs to. */
            organizations: components["schemas"]["IdNamePair"][];
            user: components["schemas"]["IdNamePair"];
        };
        /** @description The success envelope. */
        LoginResponse: {
            /**
             * @description Always 200 on success.
             * @constant
             */
            code: 200;
            data: components["schemas"]["LoginData"];
            /** @description Empty on success. */
            message: string;
        };
        /** @description The error envelope. `code` is `31` followed by the HTTP status. */
        ErrorResponse: {
            /**
             * @description 31400 user password is missing or not valid; 31413 body too large;
             *     31415 media type not supported; 31429 attempt limit reached;
             *     31503 server busy (this project's).
             * @enum {integer}
             */
            code: 31400 | 31413 | 31415 | 31429 | 31503;
            /** @description Human-readable reason. */
            message: string;
            /** @description Always `null` on errors. */
            data: null;
        };
    };
    responses: {
        /**
         * @description 31400 — user password is missing or not valid. Also answered for an
         *     unknown account (indistinguishable from a wrong password), and for
         *     a body that is not valid JSON or does not match `LoginRequest`.
         */
        WrongCredentials: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description 31413 — the request body is larger than the server accepts (64 KiB
         *     on the reference server). Not on the vendor's page: the reference
         *     server's answer, following the `31`+HTTP-status rule.
         */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description 31415 — the request body is not `application/json`. Not on the
         *     vendor's page: the reference server's answer, following the
         *     `31`+HTTP-status rule.
         */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description 31429 — too many failed attempts for this account or from this
         *     client address; try again later (see the attempt limit of the
         *     operation).
         */
        AttemptLimit: {
            headers: {
                /** @description Seconds until an attempt can succeed again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description 31503 — the server already runs and queues as many password checks as
         *     it can; try again after `Retry-After`. Not on the vendor's page: the
         *     reference server's answer, following the `31`+HTTP-status rule.
         *
         *     The reference server checks two credentials at once (scrypt at
         *     OWASP's cost takes 128 MiB and a few hundred milliseconds each) and
         *     lets 32 more wait their turn for at most 10 seconds: a login past the
         *     queue is answered at once, one whose turn has not come in 10 seconds
         *     then.
         */
        Busy: {
            headers: {
                /** @description Seconds after which a login may be checked again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
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
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Logged in. `code` is 200 and `data` holds the token, the user and the organizations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["WrongCredentials"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["AttemptLimit"];
            503: components["responses"]["Busy"];
        };
    };
}
