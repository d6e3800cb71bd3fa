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
         *
         *     **The token** (this project's lifetime; the page gives none) is valid
         *     **7,200 seconds** (`x-token-lifetime-seconds`), sent as
         *     `Authorization: Bearer <accessToken>` to the operations that take it.
         *     It opens a session: Choose Organization adds a refresh token to it,
         *     Refresh Access Token rotates both, Log Out ends it. The reference
         *     server holds at most `x-session-capacity.sessions` live sessions; a
         *     login past them is answered 31503 with `Retry-After` of
         *     `x-session-capacity.retryAfterSeconds`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-portal-service/v2.0/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Log out
         * @description **Not on the Log In page.** The vendor's "Log Out" page
         *     (https://support.enos-iot.com/docs/app-portal-api/en/latest/authentication/logout):
         *     "Log out of the account." `GET https://{apigw-address}/app-portal-service/v2.0/logout`,
         *     with the header `Authorization`, "The access token (or bearer token).
         *     Refer to Log In or Refresh Access Token to learn how to get the access
         *     token." The answer's `data` is a Boolean, "true = successful"; the
         *     page's sample is `{"code":200,"message":"","data":true}`.
         *
         *     The session ends: its access token and its refresh token (if Choose
         *     Organization gave it one) stop working at once. Its error code is the
         *     later page's (https://support.enos-iot.com/app-portal-api/en/dev/authentication/logout.html):
         *     31401 "Access token is not valid".
         *
         *     **Checks, in order**: no `Authorization: Bearer <token>`, or a token
         *     that is unknown, expired or ended: 401, 31401; a body over 64 KiB:
         *     413, 31413; otherwise 200, `data: true`.
         */
        get: operations["logout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-portal-service/v2.0/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refresh the access token
         * @description **Not on the Log In page.** The vendor's "Refresh Access Token" page
         *     (https://support.enos-iot.com/docs/app-portal-api/en/2.3.0/authentication/refresh_access_token.html):
         *     "Request a new access token using the refresh token."
         *     `GET https://{apigw-address}/app-portal-service/v2.0/token/refresh`,
         *     the query parameter `refreshToken`, "The refresh token. Refer to
         *     Choose Organization to learn how to get the refresh token." "User
         *     login to Application Portal is not required": no `Authorization`.
         *     The answer carries the user, the current organization, "The new
         *     access token", "The new refresh token" and `refreshTokenExpire`.
         *
         *     **Rotation** (this project's decision; the page says only that both
         *     tokens are new): a refresh token works once. The answer's tokens
         *     replace the session's: the refresh token used and the session's
         *     previous access token stop working. The new refresh token is valid
         *     30 days from now (`x-refresh-token-lifetime-seconds` of Choose
         *     Organization), the new access token 7,200 seconds. A refresh token
         *     whose session has logged out is refused.
         *
         *     Error codes are the later page's
         *     (https://support.enos-iot.com/app-portal-api/en/3.0.0/authentication/refresh_access_token.html):
         *     31400 "Refresh Token is required", 31401 "Please login first" ("Please
         *     login first to get the Access Token and Refresh Token").
         *
         *     **Checks, in order**: `refreshToken` missing or empty: 400, 31400; a
         *     body over 64 KiB: 413, 31413; a refresh token that is unknown,
         *     expired, used already, replaced or of an ended session: 401, 31401;
         *     otherwise 200.
         */
        get: operations["refreshAccessToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-portal-service/v2.1/session/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get token information
         * @description **Not on the Log In page.** The vendor's "Get Token Information" page
         *     (https://support.enos-iot.com/docs/app-portal-api/en/2.3.0/authentication/get_token_information.html):
         *     "Get information about the user who is currently logged-in through the
         *     access token." `GET https://{apigw-address}/app-portal-service/v2.1/session/info`
         *     (the page writes `v2.1`), with the header `Authorization`, "The access
         *     token (or bearer token)". "User login to Application Portal is
         *     required." The answer's `data` holds `userId`, `userName`,
         *     `currentOrgId` and `currentOrgName`.
         *
         *     `currentOrgId` and `currentOrgName` are the organization Choose
         *     Organization set, and are absent until it has (the later page answers
         *     31512 "Organization unselected" instead; see the API's description).
         *     The error code is the later page's
         *     (https://support.enos-iot.com/docs/app-portal-api/en/2.4.0/authentication/get_token_information.html):
         *     31401 "Please login first".
         *
         *     **Checks, in order**: no `Authorization: Bearer <token>`, or a token
         *     that is unknown, expired or ended: 401, 31401; a body over 64 KiB:
         *     413, 31413; otherwise 200.
         */
        get: operations["getTokenInformation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app-portal-service/v2.1/session/set": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose an organization
         * @description **Not on the Log In page**; described because the Refresh Access
         *     Token page names it as the source of the refresh token. The vendor's
         *     "Choose Organization" page
         *     (https://support.enos-iot.com/docs/app-portal-api/en/2.1.0/user_and_ou/choose_organization.html):
         *     "Select the organization that the user needs to use after login."
         *     `POST https://{apigw-address}/app-portal-service/v2.1/session/set`,
         *     the header `Authorization`, "The access token (or bearer token)",
         *     and the body `{"orgId": "yourOrgId"}`, "The organization ID". The
         *     answer carries the user, the organization chosen, "The access token
         *     in the request", "The new refresh token" and `refreshTokenExpire`.
         *
         *     The organization must be one of those the login answered for the
         *     user. The refresh token is valid **2,592,000 seconds**, 30 days
         *     (`x-refresh-token-lifetime-seconds`; see the API's description); a
         *     second choice replaces it (the previous one stops working), and
         *     changes the current organization. Error codes are the later page's
         *     (https://support-ppe1.envisioniot.com/docs/app-portal-api/en/dev/user_and_ou/choose_organization.html):
         *     31400 "orgId is required", 31401 "Please login first", 31404 "Can not
         *     find this organization.".
         *
         *     **Checks, in order**: no `Authorization: Bearer <token>`, or a token
         *     that is unknown, expired or ended: 401, 31401; media type not
         *     `application/json`: 415, 31415; a body over 64 KiB: 413, 31413; a body
         *     missing, not JSON, or without a non-empty string `orgId`: 400, 31400;
         *     an `orgId` that is not one of the user's organizations: 404, 31404;
         *     otherwise 200.
         */
        post: operations["chooseOrganization"];
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
        /** @description The organization to work in (the Choose Organization page's body). */
        ChooseOrganizationRequest: {
            /** @description The organization ID, one of the `organizations` the login answered. */
            orgId: string;
        };
        /** @description Log Out's envelope. */
        LogoutResponse: {
            /**
             * @description Always 200 on success.
             * @constant
             */
            code: 200;
            /** @description Whether the logout succeeded ("true = successful"); always `true` here, a failure being an error answer. */
            data: boolean;
            /** @description Empty on success. */
            message: string;
        };
        /**
         * @description A session with a refresh token: the answer of Choose Organization
         *     and of Refresh Access Token (their pages' data struct).
         */
        SessionData: {
            /** @description The user ID. */
            userId: string;
            /** @description The user name. */
            userName: string;
            /** @description The current organization ID. */
            currentOrgId: string;
            /** @description The current organization name. */
            currentOrgName: string;
            /** @description The access token (Choose Organization, "The access token in the request"; Refresh Access Token, "The new access token"). */
            accessToken: string;
            /** @description The new refresh token, for one Refresh Access Token. Opaque (the vendor's sample is a JWT; the reference server's is not). */
            refreshToken: string;
            /**
             * Format: int64
             * @description When the refresh token expires, in milliseconds since the Unix epoch (the pages' samples; their tables say "in UTC format").
             */
            refreshTokenExpire: number;
        };
        /** @description The success envelope of Choose Organization and Refresh Access Token. */
        SessionResponse: {
            /**
             * @description Always 200 on success.
             * @constant
             */
            code: 200;
            data: components["schemas"]["SessionData"];
            /** @description Empty on success. */
            message: string;
        };
        /** @description The user of an access token (the Get Token Information page's data struct). */
        TokenInformation: {
            /** @description The user ID. */
            userId: string;
            /** @description The user name. */
            userName: string;
            /** @description The current organization ID; absent until Choose Organization has set one. */
            currentOrgId?: string;
            /** @description The current organization name; absent until Choose Organization has set one. */
            currentOrgName?: string;
        };
        /** @description Get Token Information's envelope. */
        TokenInformationResponse: {
            /**
             * @description Always 200 on success.
             * @constant
             */
            code: 200;
            data: components["schemas"]["TokenInformation"];
            /** @description Empty on success. */
            message: string;
        };
        /** @description The error envelope. `code` is `31` followed by the HTTP status. */
        ErrorResponse: {
            /**
             * @description 31400 a parameter missing or not valid (the user's password, the
             *     refresh token, the `orgId`); 31401 no live access token or refresh
             *     token; 31404 no such organization of the user; 31413 body too
             *     large; 31415 media type not supported; 31429 attempt limit reached;
             *     31500 the server's state failed (this project's); 31503 server busy
             *     (this project's).
             * @enum {integer}
             */
            code: 31400 | 31401 | 31404 | 31413 | 31415 | 31429 | 31500 | 31503;
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
         *     on the reference server), a GET's included. Not on the vendor's page:
         *     the reference server's answer, following the `31`+HTTP-status rule.
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
         * @description 31401 — no `Authorization: Bearer <token>`, or a token that is
         *     unknown, expired or ended. The later Log Out page's code and message.
         */
        AccessTokenNotValid: {
            headers: {
                /** @description `Bearer`, with `error="invalid_token"` when a token was sent and refused (RFC 6750). */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description 31401 — no `Authorization: Bearer <token>`, or a token that is
         *     unknown, expired or ended. The later pages' code and message.
         */
        NotLoggedIn: {
            headers: {
                /** @description `Bearer`, with `error="invalid_token"` when a token was sent and refused (RFC 6750). */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description 31400 — the query has no `refreshToken`, or an empty one. The later Refresh Access Token page's code and message. */
        RefreshTokenRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description 31401 — the refresh token is unknown, expired, used already, replaced
         *     by a later Choose Organization, or its session has logged out. The
         *     later Refresh Access Token page's code and message ("Please login
         *     first to get the Access Token and Refresh Token").
         */
        RefreshTokenRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description 31400 — the body is missing, is not JSON, or has no non-empty string
         *     `orgId`. The later Choose Organization page's code and message.
         */
        OrgIdRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description 31404 — `orgId` is not one of the organizations the login answered
         *     for the user. The later Choose Organization page's code and message.
         */
        OrganizationNotFound: {
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
         *     queue, or one whose turn would not come in 10 seconds at the pace of the
         *     latest checks, is answered at once; one whose turn has not come in 10
         *     seconds, then. The same answer when the server holds as many live sessions as
         *     it can: the login's `x-session-capacity` gives the number and the
         *     `Retry-After`.
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
        /**
         * @description 31500 — the server's state (sessions and their tokens, attempt counts)
         *     failed, or the operation met an error it did not expect. The vendor
         *     documents no 500: this is this project's answer to a failure of its
         *     state, following the `31`+HTTP-status rule. The reference server
         *     reveals no detail of the error.
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
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out; the session's tokens no longer work. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogoutResponse"];
                };
            };
            401: components["responses"]["AccessTokenNotValid"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    refreshAccessToken: {
        parameters: {
            query: {
                /**
                 * @description The refresh token that Choose Organization (or the previous refresh) answered.
                 * @example yourRefreshToken
                 */
                refreshToken: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session's new access token and refresh token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            400: components["responses"]["RefreshTokenRequired"];
            401: components["responses"]["RefreshTokenRefused"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    getTokenInformation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user of the token, and the organization chosen, if any. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenInformationResponse"];
                };
            };
            401: components["responses"]["NotLoggedIn"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    chooseOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChooseOrganizationRequest"];
            };
        };
        responses: {
            /** @description The organization is the session's current one; `data.refreshToken` refreshes the access token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            400: components["responses"]["OrgIdRequired"];
            401: components["responses"]["NotLoggedIn"];
            404: components["responses"]["OrganizationNotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
}
