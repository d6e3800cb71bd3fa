// Generated from specs/aktion/openapi.yaml by `pnpm gen`. Do not edit by hand: edit the description and regenerate.
export interface paths {
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a time-limited token
         * @description Generate time limited token. Token expiration time is 20 seconds.
         *     "All registered user can ask the system for valid token by using user
         *     login name and api key." No authorization is required.
         *
         *     The body is JSON (`application/json`, `text/json`) or XML
         *     (`application/xml`, `text/xml`, root `<Request>`); `Result` is
         *     accepted and ignored. The answer's format follows `Accept` (see the
         *     description of the API); without `Accept` it is the request's.
         *
         *     **Checks, in order** (the first that fails answers):
         *     1. media type not one of the four, or no `Content-Type`: 415;
         *     2. body larger than 64 KiB: 413;
         *     3. body empty, not well-formed, with a DOCTYPE or entity declarations,
         *        or not matching `LoginRequest`: 400, 1002;
         *     4. `ApiKey` not the base64 form of 16 bytes: 401, 1004;
         *     5. the attempt limit reached: 429 (see below);
         *     6. the server's key checks all busy: 503;
         *     7. no registered pair of this `UserLogin` and `ApiKey`: 401, 1003;
         *     8. otherwise 200: a new token, valid `ExpireInSec` (20) seconds.
         *
         *     **Attempt limit** (this project's). Failed logins (1003) are counted,
         *     before the key is checked, in a sliding window of **15 minutes**: **5**
         *     for one `UserLogin` from one client address, **100** for one
         *     `UserLogin` from any address, **20** from one address whatever the
         *     `UserLogin`. Here an IPv6 client address counts by its /64 prefix,
         *     which one subscriber may hold whole, and an IPv4-mapped IPv6 address
         *     as its IPv4 address. A limit reached answers 429 with `Retry-After`
         *     until its oldest failure leaves the window, the right key included. A
         *     login holds a place under the limits while its key is checked, and
         *     gives it back once the key is found right: only failures stay counted,
         *     but a burst of logins can reach a limit even with the right key among
         *     them. A successful login ends the user's run of failures. An address
         *     from which the user logged in within **30 days** is known for it, and
         *     only the first limit applies there. The numbers are in
         *     `x-attempt-limit`.
         *
         *     In XML, namespace declarations (such as the help page's `xmlns:xsd`,
         *     `xmlns:xsi`) and the whitespace between elements are ignored, an
         *     empty `<Result/>` is an empty `RequestResult`, and the text of
         *     `<UserLogin>` and `<ApiKey>` is taken as it is (not trimmed).
         *
         *     The vendor's operations that accept the token are not on the page
         *     and not in this description; this project's `checkToken` shows what
         *     the token is worth.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a token (this project's operation)
         * @description **Not the vendor's: invented by this project** so that a token's
         *     expiry is visible to clients and to the conformance suite. The
         *     vendor's page documents no operation that takes the token (it says
         *     only "The unique token can be used to verify batch of requests").
         *
         *     Answers the `UserLogin` a live token was issued to, `ExpireInSec`,
         *     the whole seconds it has left (rounded up, so at least 1), and its
         *     `ExpireDate`, written as the login writes it (ASP.NET's JSON date in
         *     JSON, an `xsd:dateTime` in XML). A token is live for `ExpireInSec`
         *     (20) seconds from its login, on the server's clock, and not one
         *     millisecond more. The token goes in `Authorization: Bearer <Token>`
         *     (the page does not say how a token is sent; this is RFC 6750's form).
         *     The answer's format follows `Accept`, JSON by default.
         *
         *     **Checks, in order**: no `Authorization`, another scheme than
         *     `Bearer`, or a token that is unknown or expired: 401, `Code` 401, with
         *     `WWW-Authenticate: Bearer`; a body over 64 KiB (a GET's): 413;
         *     otherwise 200.
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
        /**
         * @description The login request ("LoginReq" on the page), XML root `<Request>`.
         *     `UserLogin` and `ApiKey` are required and must not be empty; `Result`
         *     is accepted and ignored. Other members are ignored.
         */
        LoginRequest: {
            /**
             * @description The page lists it with type RequestResult and no description. It
             *     makes no sense as input: it is accepted and ignored. It may be
             *     absent, `null` or a `RequestResult`; anything else fails binding
             *     (1002).
             */
            Result?: components["schemas"]["RequestResult"] | null;
            /**
             * @description The user's login name, compared exactly (case-sensitive). "All
             *     registered user can ask the system for valid token by using user
             *     login name and api key."
             */
            UserLogin: string;
            /**
             * @description The user's API key: the base64 form of 16 bytes, i.e. it matches
             *     `^[A-Za-z0-9+/]{22}==$` (like the page's `hDn/LFXIPESM036W+s7VKg==`).
             *     A non-empty key of any other form is answered 1004 ("ApiKey is
             *     invalid"), not 1002, so the form is not part of this schema.
             */
            ApiKey: string;
        };
        /**
         * @description The vendor's `RequestResult` type as it appears, ignored, in the
         *     request's `Result`. Its fields are the ones of the error body
         *     (`ErrorResult`); here none is required and none is checked beyond its
         *     type.
         */
        RequestResult: {
            /** @description A message (ignored). */
            Message?: string | null;
            /** @description A result code (ignored). */
            Code?: number;
            /** @description A list of binding errors (ignored). In XML, each is a `<string>` element inside `<ModelStateErr>`. */
            ModelStateErr?: string[] | null;
        };
        /**
         * @description A new token, as JSON (`application/json`, `text/json`) — "LoginResp"
         *     on the page. XML answers use `LoginResponseXml`.
         */
        LoginResponse: {
            /**
             * @description The unique token can be used to verify batch of requests. The token
             *     is valid `ExpireInSec` seconds. The reference server issues UUIDs.
             */
            Token: string;
            /** @description The actual token expiration time in seconds; 20 (the page's help-page placeholder shows 2). */
            ExpireInSec: number;
            /**
             * @description When the token expires (issue time plus `ExpireInSec`), in ASP.NET's
             *     JSON date style: `/Date(<milliseconds since the Unix epoch>)/`,
             *     optionally with a `+hhmm`/`-hhmm` offset. The vendor writes it
             *     `"\/Date(1770202477469)\/"`, which is the same JSON string. Added by
             *     a newer revision of the page, so optional; the reference server
             *     always sends it (without an offset).
             */
            ExpireDate?: string;
        };
        /**
         * @description A new token, as XML (`application/xml`, `text/xml`), root
         *     `<Response>`. The same fields as `LoginResponse`; only `ExpireDate` is
         *     written differently.
         */
        LoginResponseXml: {
            /**
             * @description The unique token can be used to verify batch of requests. The token
             *     is valid `ExpireInSec` seconds. The reference server issues UUIDs.
             */
            Token: string;
            /** @description The actual token expiration time in seconds; 20 (the page's help-page placeholder shows 2). */
            ExpireInSec: number;
            /**
             * Format: date-time
             * @description When the token expires (issue time plus `ExpireInSec`), as an
             *     `xsd:dateTime`, the way ASP.NET's XML serializer writes a
             *     `DateTime`; the reference server writes UTC with milliseconds, e.g.
             *     `2026-02-04T10:54:37.469Z`. Optional, as in `LoginResponse`.
             */
            ExpireDate?: string;
        };
        /**
         * @description A live token, as JSON (`application/json`, `text/json`): this
         *     project's `checkToken`. XML answers use `TokenInfoXml`.
         */
        TokenInfo: {
            /** @description The user login name the token was issued to. */
            UserLogin: string;
            /** @description The whole seconds the token has left, rounded up. */
            ExpireInSec: number;
            /** @description When the token expires, in ASP.NET's JSON date style, as the login wrote it. */
            ExpireDate: string;
        };
        /**
         * @description A live token, as XML (`application/xml`, `text/xml`), root
         *     `<TokenInfo>`. The same fields as `TokenInfo`; only `ExpireDate` is
         *     written differently.
         */
        TokenInfoXml: {
            /** @description The user login name the token was issued to. */
            UserLogin: string;
            /** @description The whole seconds the token has left, rounded up. */
            ExpireInSec: number;
            /**
             * Format: date-time
             * @description When the token expires, as an `xsd:dateTime`, as the login wrote it.
             */
            ExpireDate: string;
        };
        /**
         * @description The error body of every failure, in JSON or XML (root
         *     `<RequestResult>`): the vendor's `RequestResult` type, which the page
         *     shows in the request, filled in. The page does not document an error
         *     body; this shape is this project's reading of it.
         *
         *     | HTTP | Code | meaning | source of the number |
         *     |---|---|---|---|
         *     | 400 | 1002 | "Entry parameter missing or parameter bindigs failed" (also: DOCTYPE or entity declarations in XML) | the page |
         *     | 401 | 1003 | UserLogin or ApiKey are unknown (no such pair) | the page |
         *     | 401 | 1004 | ApiKey is invalid (not the base64 form of 16 bytes) | the page |
         *     | 401 | 401 | no live token (`checkToken`, this project's operation) | this project |
         *     | 413 | 413 | request body too large (64 KiB on the reference server) | this project |
         *     | 415 | 415 | media type not supported | this project (the page gives the status only) |
         *     | 429 | 429 | attempt limit reached | this project |
         *     | 500 | 500 | internal error | this project (the page gives the status only) |
         *     | 503 | 503 | the server's key checks are all busy | this project |
         */
        ErrorResult: {
            /** @description Human-readable reason. */
            Message: string;
            /**
             * @description The error number: 1002, 1003 and 1004 are the page's; 401, 413,
             *     415, 429, 500 and 503 (the HTTP status, where the page gives no
             *     number) are this project's.
             * @enum {integer}
             */
            Code: 1002 | 1003 | 1004 | 401 | 413 | 415 | 429 | 500 | 503;
            /** @description The binding errors behind a 1002, one message each; empty for every other code. In XML, each is a `<string>` element inside `<ModelStateErr>`. */
            ModelStateErr: string[];
        };
    };
    responses: {
        /**
         * @description 1002 — "Entry parameter missing or parameter bindigs failed" (the page's words): the
         *     body is empty, not well-formed JSON or XML, has a DOCTYPE or entity
         *     declarations, or does not match `LoginRequest`. `ModelStateErr`
         *     lists what failed.
         */
        BindingFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResult"];
                "text/json": components["schemas"]["ErrorResult"];
                "application/xml": components["schemas"]["ErrorResult"];
                "text/xml": components["schemas"]["ErrorResult"];
            };
        };
        /**
         * @description 1003 — UserLogin or ApiKey are unknown: the well-formed `ApiKey`
         *     does not form a registered pair with `UserLogin` (the same answer
         *     whether the user exists or not).
         *
         *     1004 — ApiKey is invalid: `ApiKey` is not the base64 form of 16
         *     bytes, so no user is looked up. The help page's placeholder
         *     samples get this answer.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResult"];
                "text/json": components["schemas"]["ErrorResult"];
                "application/xml": components["schemas"]["ErrorResult"];
                "text/xml": components["schemas"]["ErrorResult"];
            };
        };
        /**
         * @description Code 413 — the request body is larger than the server accepts (64
         *     KiB on the reference server). Not on the vendor's page: the
         *     reference server's answer; its `Code` is this project's.
         */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResult"];
                "text/json": components["schemas"]["ErrorResult"];
                "application/xml": components["schemas"]["ErrorResult"];
                "text/xml": components["schemas"]["ErrorResult"];
            };
        };
        /**
         * @description Code 415 — the request entity has a media type which the server or
         *     resource does not support: anything but `application/json`,
         *     `text/json`, `application/xml` and `text/xml`, or no
         *     `Content-Type`. The status is the page's; the page gives no error
         *     number, so `Code` (415) is this project's.
         */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResult"];
                "text/json": components["schemas"]["ErrorResult"];
                "application/xml": components["schemas"]["ErrorResult"];
                "text/xml": components["schemas"]["ErrorResult"];
            };
        };
        /**
         * @description Code 401 — no `Authorization: Bearer <Token>`, or a token that is
         *     unknown or has expired (this project's `checkToken`; the code is the
         *     HTTP status, as for the other codes this project adds).
         */
        TokenRefused: {
            headers: {
                /** @description `Bearer`, with `error="invalid_token"` when a token was sent and refused (RFC 6750). */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResult"];
                "text/json": components["schemas"]["ErrorResult"];
                "application/xml": components["schemas"]["ErrorResult"];
                "text/xml": components["schemas"]["ErrorResult"];
            };
        };
        /**
         * @description Code 500 — internal error. The page's row says "Server exception
         *     description"; the reference server does not reveal exception
         *     details and answers a fixed `Message`. The status is the page's;
         *     `Code` (500) is this project's.
         */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResult"];
                "text/json": components["schemas"]["ErrorResult"];
                "application/xml": components["schemas"]["ErrorResult"];
                "text/xml": components["schemas"]["ErrorResult"];
            };
        };
        /**
         * @description Code 429 — too many failed logins for this `UserLogin` or from this
         *     client address (see the operation's attempt limit); try again after
         *     `Retry-After`. Not on the vendor's page: the reference server's answer.
         */
        AttemptLimit: {
            headers: {
                /** @description Seconds after which to try again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResult"];
                "text/json": components["schemas"]["ErrorResult"];
                "application/xml": components["schemas"]["ErrorResult"];
                "text/xml": components["schemas"]["ErrorResult"];
            };
        };
        /**
         * @description Code 503 — the server already runs and queues as many key checks as it
         *     can; try again after `Retry-After`. Not on the vendor's page: the
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
                "application/json": components["schemas"]["ErrorResult"];
                "text/json": components["schemas"]["ErrorResult"];
                "application/xml": components["schemas"]["ErrorResult"];
                "text/xml": components["schemas"]["ErrorResult"];
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
                "text/json": components["schemas"]["LoginRequest"];
                "application/xml": components["schemas"]["LoginRequest"];
                "text/xml": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /**
             * @description A new token, valid `ExpireInSec` (20) seconds, until `ExpireDate`.
             *     The page's "0 success": a success carries no error number.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                    "text/json": components["schemas"]["LoginResponse"];
                    "application/xml": components["schemas"]["LoginResponseXml"];
                    "text/xml": components["schemas"]["LoginResponseXml"];
                };
            };
            400: components["responses"]["BindingFailed"];
            401: components["responses"]["Unauthorized"];
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
            /** @description The token is live. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenInfo"];
                    "text/json": components["schemas"]["TokenInfo"];
                    "application/xml": components["schemas"]["TokenInfoXml"];
                    "text/xml": components["schemas"]["TokenInfoXml"];
                };
            };
            401: components["responses"]["TokenRefused"];
            413: components["responses"]["TooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
}
