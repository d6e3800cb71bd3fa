// Generated from specs/edr/openapi.yaml by `pnpm gen`. Do not edit by hand: edit the description and regenerate.
export interface paths {
    "/mobile/v1/auth/login": {
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
         * @description "This endpoint is accessible via the HTTP `POST` method. It is
         *     responsible for authenticating supplied credentials and issuing a
         *     time-limited access token. This token must then be provided with every
         *     subsequent API request." It takes no path parameters, and its body is
         *     JSON with the top-level members `username`, `password` and `jwt`.
         *
         *     **Checks, in order** (the first that fails answers; all but the 200 are
         *     this project's):
         *     1. media type not `application/json`: 415;
         *     2. body larger than 64 KiB: 413;
         *     3. body missing, not JSON, or not matching `LoginRequest`: 400;
         *     4. the app JWT refused, for any reason (see the API's description): 403;
         *     5. the attempt limit reached: 429;
         *     6. the server's password checks all busy: 503;
         *     7. no such `username`, or a wrong `password`: 401, the same answer;
         *     8. otherwise 200: an access token valid 3,600 seconds and the user.
         *
         *     **Attempt limit** (this project's). Failed logins are counted, before
         *     the password is checked, in a sliding window of **15 minutes**: **5**
         *     for one username from one client address, **100** for one username from
         *     any address, **20** from one address whatever the username. Here an
         *     IPv6 client address counts by its /64 prefix, which one subscriber may
         *     hold whole, and an IPv4-mapped IPv6 address as its IPv4 address. A
         *     limit reached answers 429 with `Retry-After`, the right password
         *     included. A login holds a place under the limits while its password is
         *     checked, and gives it back once the password is found right: only
         *     failures stay counted, but a burst of logins can reach a limit even
         *     with the right password among them. A successful login ends the user's
         *     run of failures. An address from which the user logged in within **30
         *     days** is known for the user, and only the first limit applies there.
         *     The numbers are in `x-attempt-limit`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mobile/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check an access token (this project's operation)
         * @description **Not the vendor's: invented by this project** so that an access
         *     token's expiry is visible to clients and to the conformance suite.
         *     The vendor's page says the token "must then be provided with every
         *     subsequent API request" but documents no such request.
         *
         *     Takes the access token as `Authorization: Bearer <accessToken>` (the
         *     API's security scheme `accessToken`) and answers its claims: `sub`
         *     (the user's `_id`), `iat`, `exp` and `jti`. A token passes if it
         *     verifies with the server's key on the server's clock, has not
         *     reached its `exp` (no skew: the server issued it), and carries `sub`,
         *     `iat` and `jti` and no `iss`; an app JWT never does.
         *
         *     **Checks, in order** (all this project's): no `Authorization`, another
         *     scheme than `Bearer`, or a token that is not a live access token of
         *     this server: 401, with `WWW-Authenticate: Bearer`; a body over 64 KiB
         *     (a GET's): 413; otherwise 200. A failure of the server's state (its
         *     signing key cannot be read) is 500, never taken for a refused token.
         */
        get: operations["checkToken"];
        put?: never;
        post?: never;
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
        /** @description The credentials and the app's JWT, as top-level JSON members. */
        LoginRequest: {
            /** @description Your username (compared exactly). */
            username: string;
            /** @description Your password. */
            password: string;
            /**
             * @description Mobile JWT Token: the calling app's HS256 JWT, signed with the app's
             *     secret, naming the app in `iss` (see the API's description). No
             *     pattern: the page's own sample is truncated.
             */
            jwt: string;
        };
        /** @description The envelope's status of a success. */
        ResponseStatus: {
            /**
             * @description The HTTP status, 200.
             * @constant
             */
            code: 200;
            /**
             * Format: date-time
             * @description The server's time of the answer, RFC 3339 in UTC with milliseconds.
             */
            timestamp: string;
        };
        /** @description The success envelope. */
        LoginResponse: {
            response: components["schemas"]["ResponseStatus"];
            data: components["schemas"]["LoginData"];
        };
        /**
         * @description The access token and the user. The page's table describes `data` as
         *     "String | The access token.": that row describes `accessToken`, the
         *     page's example showing `data` as this object.
         */
        LoginData: {
            /**
             * @description The access token: a JWT with the header
             *     `{"alg":"HS256","typ":"access"}` and the claims `sub` (the user's
             *     `_id`), `iat`, `exp` (3,600 seconds later) and `jti`. Send it as
             *     `Authorization: Bearer <accessToken>`. No pattern: the page's
             *     sample is truncated.
             */
            accessToken: string;
            user: components["schemas"]["User"];
        };
        /** @description The logged-in user, as the page's sample shows it (the page has no field table; the meanings below are this project's reading). */
        User: {
            /** @description The user's account id (a number in the sample). */
            aid: number;
            /** @description The user's first name. */
            firstName: string;
            /** @description The user's last name. */
            lastName: string;
            /** @description The username the user logged in with. */
            username: string;
            /**
             * Format: email
             * @description The user's e-mail address.
             */
            email: string;
            /** @description The id of the user's company or group (this project's reading). */
            cid: number;
            /** @description The name of the user's company or group (this project's reading; the sample's is "EDR Applications Development Group"). */
            name: string;
            /** @description Undocumented; 0 in the sample, perhaps a 0/1 flag for users created from the mobile app (this project's reading). */
            fromMobile: number;
            /** @description The user's EDR account number, a string of digits. */
            edrAccount: string;
            /** @description The user's record id, 16 characters in the sample; the access token's `sub`. */
            _id: string;
        };
        /** @description The claims of a live access token (this project's `checkToken`). */
        AccessTokenClaims: {
            /** @description The user's `_id`. */
            sub: string;
            /** @description When the token was issued, in seconds since the Unix epoch. */
            iat: number;
            /** @description When the token expires, in seconds since the Unix epoch (`iat` plus 3,600). */
            exp: number;
            /** @description The token's id, random. */
            jti: string;
        };
        /** @description The success envelope of this project's `checkToken`. */
        TokenCheckResponse: {
            response: components["schemas"]["ResponseStatus"];
            data: components["schemas"]["AccessTokenClaims"];
        };
        /** @description The envelope's status of an error (this project's shape; the page documents no error). */
        ErrorStatus: {
            /**
             * @description The HTTP status.
             * @enum {integer}
             */
            code: 400 | 401 | 403 | 413 | 415 | 429 | 500 | 503;
            /**
             * Format: date-time
             * @description The server's time of the answer, RFC 3339 in UTC with milliseconds.
             */
            timestamp: string;
            /** @description Why the request failed (this project's member). */
            message: string;
        };
        /** @description The error envelope, the success envelope's shape with `data` null (this project's). */
        ErrorResponse: {
            response: components["schemas"]["ErrorStatus"];
            /** @description Always `null` on errors. */
            data: null;
        };
    };
    responses: {
        /**
         * @description The body is missing, is not JSON, or does not match `LoginRequest` (a
         *     member missing, empty or not a string). This project's answer: the page
         *     documents no error. `message` says what is wrong.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description No such `username`, or a wrong `password`: the same answer for both, so
         *     that the API does not tell which usernames exist. This project's
         *     answer: the page documents no error.
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
         * @description The app JWT is refused, whatever the reason (see the API's
         *     description): the same answer for all of them, checked before the
         *     credentials. This project's answer: the page documents no error.
         */
        AppJwtRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description No `Authorization: Bearer <accessToken>`, or a token that is not a
         *     live access token of this server: expired, signed with another key,
         *     an app JWT, malformed. The same answer for all of them. This
         *     project's answer (`checkToken` is this project's operation).
         */
        AccessTokenRefused: {
            headers: {
                /** @description `Bearer`, with `error="invalid_token"` when a token was sent and refused (RFC 6750). */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request body is larger than 64 KiB (a GET's included). This project's answer. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request body is not `application/json`. This project's answer. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Too many failed logins for this username or from this client address
         *     (see the operation's attempt limit); try again after `Retry-After`.
         *     This project's answer.
         */
        AttemptLimit: {
            headers: {
                /** @description Seconds after which to try again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The server already runs and queues as many password checks as it can;
         *     try again after `Retry-After`. This project's answer.
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
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The server's state (attempt counts, its signing key) failed, or the
         *     operation met an error it did not expect. The vendor documents no 500:
         *     this is this project's answer to a failure of its state. The
         *     reference server reveals no detail of the error.
         */
        InternalError: {
            headers: {
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
            /** @description Logged in. `data` holds the access token and the user's record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["WrongCredentials"];
            403: components["responses"]["AppJwtRefused"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["AttemptLimit"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    checkToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The access token is live; `data` holds its claims. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenCheckResponse"];
                };
            };
            401: components["responses"]["AccessTokenRefused"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
}
