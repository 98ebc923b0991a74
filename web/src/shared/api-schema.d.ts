/* Generated from /openapi.json by `npm run web:api-types`; do not edit. */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready to serve: migrations and demo seed done, database reachable (same as /health/ready) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            database: string;
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 200 once the server can serve, 503 while it starts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            database: string;
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up (answers while it starts, too) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            ready: boolean;
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                role: string;
                                locale: string;
                                active: boolean;
                                warehouseIds: number[] | null;
                                createdAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I and what may I do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "user" | "api_key";
                            id: number;
                            name: string;
                            email: string | null;
                            locale: string | null;
                            role: string;
                            permissions: string[];
                            warehouseIds: number[] | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my own settings (the language the screens and notices use) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        locale: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "user" | "api_key";
                            id: number;
                            name: string;
                            email: string | null;
                            locale: string | null;
                            role: string;
                            permissions: string[];
                            warehouseIds: number[] | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roles, their permissions and how many users and keys hold each; and every permission there is */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                                titleEn: string;
                                titleZh: string;
                                permissions: string[];
                                builtin: boolean;
                                users: number;
                                apiKeys: number;
                            }[];
                            permissions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a custom role from the permission list
         * @description The role may carry only permissions the caller holds itself (403 naming `missingPermissions` otherwise).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        titleEn: string;
                        titleZh: string;
                        permissions: ("catalog.read" | "catalog.write" | "inventory.read" | "inventory.write" | "warehouses.manage" | "customers.read" | "customers.write" | "orders.read" | "orders.write" | "orders.fulfil" | "shipping.read" | "shipping.write" | "events.read" | "audit.read" | "notifications.manage" | "users.manage" | "api_keys.manage" | "webhooks.manage" | "rules.read" | "rules.manage" | "tasks.read" | "tasks.write" | "teams.manage" | "returns.read" | "returns.write" | "returns.approve" | "returns.inspect" | "refunds.manage" | "storage.read" | "storage.write" | "storage.manage")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            titleEn: string;
                            titleZh: string;
                            permissions: string[];
                            builtin: boolean;
                            users: number;
                            apiKeys: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a custom role nobody holds */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a custom role's titles or permissions (its holders' next request uses them)
         * @description Built-in roles cannot be changed (409). The caller must hold every permission the role has and gets.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        titleEn?: string;
                        titleZh?: string;
                        permissions?: ("catalog.read" | "catalog.write" | "inventory.read" | "inventory.write" | "warehouses.manage" | "customers.read" | "customers.write" | "orders.read" | "orders.write" | "orders.fulfil" | "shipping.read" | "shipping.write" | "events.read" | "audit.read" | "notifications.manage" | "users.manage" | "api_keys.manage" | "webhooks.manage" | "rules.read" | "rules.manage" | "tasks.read" | "tasks.write" | "teams.manage" | "returns.read" | "returns.write" | "returns.approve" | "returns.inspect" | "refunds.manage" | "storage.read" | "storage.write" | "storage.manage")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            titleEn: string;
                            titleZh: string;
                            permissions: string[];
                            builtin: boolean;
                            users: number;
                            apiKeys: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/duty-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Separation of duties: each step of a chain where one person may not act twice, and whether it is enforced */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                step: string;
                                enforced: boolean;
                                en: string;
                                zh: string;
                                updatedBy: string | null;
                                updatedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/duty-rules/{step}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Enforce or relax one step of separation of duties (a one-person shop may have to) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    step: "returns.approval" | "returns.inspection" | "returns.refund_payment" | "storage.voucher_replacement" | "inventory.count_approval";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enforced: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            step: string;
                            enforced: boolean;
                            en: string;
                            zh: string;
                            updatedBy: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                email: string;
                                name: string;
                                role: string;
                                locale: string;
                                active: boolean;
                                warehouseIds: number[] | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a user
         * @description The role may carry only permissions the caller holds itself (403 on `role` otherwise), and `warehouseIds` only warehouses the caller may work in (403 on `warehouseIds`); left out, the user gets the caller's own scope.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        password: string;
                        role: string;
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                        /** @description Warehouses this user or key may work in; null = every warehouse. Left out, it is the granter's own scope. */
                        warehouseIds?: number[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            email: string;
                            name: string;
                            role: string;
                            locale: string;
                            active: boolean;
                            warehouseIds: number[] | null;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user (name, role, warehouses, locale, active, password)
         * @description A new role may carry only permissions the caller holds itself (403 on `role` otherwise), and a user whose role holds permissions the caller lacks cannot be changed at all (403 naming `missingPermissions`).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        role?: string;
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                        active?: boolean;
                        password?: string;
                        /** @description Warehouses this user or key may work in; null = every warehouse. Left out, it is the granter's own scope. */
                        warehouseIds?: number[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            email: string;
                            name: string;
                            role: string;
                            locale: string;
                            active: boolean;
                            warehouseIds: number[] | null;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                prefix: string;
                                role: string;
                                warehouseIds: number[] | null;
                                createdBy: number | null;
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key; the key itself is shown only in this response
         * @description The role may carry only permissions the caller holds itself (403 on `role` otherwise), and `warehouseIds` only warehouses the caller may work in; left out, the key gets the caller's own scope. The key belongs to the person who made it: separation of duties counts its acts as theirs.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        role: string;
                        /** @description Warehouses this user or key may work in; null = every warehouse. Left out, it is the granter's own scope. */
                        warehouseIds?: number[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            prefix: string;
                            role: string;
                            warehouseIds: number[] | null;
                            createdBy: number | null;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                            key: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description A key whose role or warehouses reach beyond the caller's cannot be revoked by them (403).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            prefix: string;
                            role: string;
                            warehouseIds: number[] | null;
                            createdBy: number | null;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the sealed audit trail: the first altered, removed or reordered record, if any
         * @description Recomputes every block from the events table. `ok` is false when a problem was found; `finding` names it (the event and the block). Reads the whole log: it takes a while on a large one.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            blocks: number;
                            eventsSealed: number;
                            eventsUnsealed: number;
                            head: {
                                blockId: number;
                                hash: string;
                                lastEventId: number;
                            } | null;
                            finding: {
                                /** @enum {string} */
                                kind: "altered_event" | "removed_event" | "inserted_event" | "reordered_event" | "altered_block" | "broken_chain" | "removed_block";
                                blockId: number;
                                eventId: number | null;
                                detail: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who did what: events with the person or key behind them, credential, address and seal, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    entityType?: string;
                    entityId?: string;
                    /** @description Exactly as events name it: `user:3`, `api_key:7`, `system` */
                    actor?: string;
                    /** @description Events at or after this time */
                    from?: string;
                    /** @description Events before this time */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                type: string;
                                entityType: string;
                                entityId: string;
                                customerId: number | null;
                                actor: string;
                                /** @description The user's or API key's name behind the actor */
                                actorName: string | null;
                                actorEmail: string | null;
                                /** @description `session:<id>` or `api_key:<id>`; null for background work and the CLI */
                                credential: string | null;
                                /** @description The client's address */
                                address: string | null;
                                payload: {
                                    [key: string]: unknown;
                                };
                                occurredAt: string;
                                sealed: boolean;
                                /** @description The audit block that seals this event */
                                blockId: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Comma-separated event types: exact (`order.packed`) or a family (`order.*`) */
                    type?: string;
                    entityType?: string;
                    entityId?: string;
                    customerId?: number;
                    /** @description Events at or after this time */
                    since?: string;
                    /** @description Events before this time */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                type: string;
                                entityType: string;
                                entityId: string;
                                customerId: number | null;
                                actor: string;
                                payload: {
                                    [key: string]: unknown;
                                };
                                occurredAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live stream of events (Server-Sent Events)
         * @description Each event is sent as `id: <event id>`, `event: <type>`, `data: <the event as JSON>`, in commit order. Without `Last-Event-ID` (header) or `lastEventId` (query), only events from now on; with one, every event after it. A comment line is sent every 15 s to keep proxies from closing an idle stream.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Comma-separated event types: exact (`order.packed`) or a family (`order.*`) */
                    type?: string;
                    entityType?: string;
                    entityId?: string;
                    customerId?: number;
                    /** @description Resume after this event (as the Last-Event-ID header does) */
                    lastEventId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            type: string;
                            entityType: string;
                            entityId: string;
                            customerId: number | null;
                            actor: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            occurredAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                url: string;
                                eventTypes: string[];
                                description: string;
                                active: boolean;
                                consecutiveFailures: number;
                                lastSuccessAt: string | null;
                                disabledAt: string | null;
                                disabledReason: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Subscribe a URL to event types
         * @description Each matching event committed from now on is POSTed to the URL as JSON `{id, type, timestamp, data}`, signed per Standard Webhooks (`webhook-id` = the event id, `webhook-timestamp`, `webhook-signature`). The secret is returned only here. A URL whose host is (or resolves to) a private, loopback, link-local, CGNAT, multicast or reserved address is refused (422 on `url`) unless the server allows it (WEBHOOK_ALLOW_PRIVATE_NETWORKS, WEBHOOK_ALLOWED_HOSTS); every delivery checks again.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url: string;
                        eventTypes: string[];
                        /** @default  */
                        description?: string;
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            eventTypes: string[];
                            description: string;
                            active: boolean;
                            consecutiveFailures: number;
                            lastSuccessAt: string | null;
                            disabledAt: string | null;
                            disabledReason: string | null;
                            createdAt: string;
                            updatedAt: string;
                            /** @description The signing secret (Standard Webhooks, whsec_…). Shown only now: store it. */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook subscription */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            eventTypes: string[];
                            description: string;
                            active: boolean;
                            consecutiveFailures: number;
                            lastSuccessAt: string | null;
                            disabledAt: string | null;
                            disabledReason: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook with its deliveries */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the URL, event types, description, or switch a webhook on or off (on again after it was disabled) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url?: string;
                        eventTypes?: string[];
                        description?: string;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            eventTypes: string[];
                            description: string;
                            active: boolean;
                            consecutiveFailures: number;
                            lastSuccessAt: string | null;
                            disabledAt: string | null;
                            disabledReason: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new signing secret, returned only here
         * @description For 24 h deliveries carry a signature with the old secret too, so the receiver can switch without losing any.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            eventTypes: string[];
                            description: string;
                            active: boolean;
                            consecutiveFailures: number;
                            lastSuccessAt: string | null;
                            disabledAt: string | null;
                            disabledReason: string | null;
                            createdAt: string;
                            updatedAt: string;
                            /** @description The signing secret (Standard Webhooks, whsec_…). Shown only now: store it. */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first, each with its attempts (time, HTTP status, latency, response excerpt, error) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "pending" | "delivered" | "failed";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                webhookId: number;
                                eventId: number;
                                eventType: string;
                                /** @enum {string} */
                                status: "pending" | "delivered" | "failed";
                                attempts: {
                                    attempt: number;
                                    attemptedAt: string;
                                    statusCode: number | null;
                                    latencyMs: number;
                                    /** @description The first KB of the response body */
                                    responseExcerpt: string;
                                    error: string | null;
                                    succeeded: boolean;
                                }[];
                                nextAttemptAt: string | null;
                                deliveredAt: string | null;
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now (with a fresh retry window), whatever its status
         * @description Sent once, at once, even while an earlier attempt is still in flight: that attempt is still logged, but its result no longer decides the delivery.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            webhookId: number;
                            eventId: number;
                            eventType: string;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "failed";
                            attempts: {
                                attempt: number;
                                attemptedAt: string;
                                statusCode: number | null;
                                latencyMs: number;
                                /** @description The first KB of the response body */
                                responseExcerpt: string;
                                error: string | null;
                                succeeded: boolean;
                            }[];
                            nextAttemptAt: string | null;
                            deliveredAt: string | null;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/customers.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The XLSX template for customers: bilingual headers and an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/customers.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSV template for customers: bilingual headers and an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/products.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The XLSX template for products: bilingual headers and an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/products.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSV template for products: bilingual headers and an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/opening-stock.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The XLSX template for opening stock: bilingual headers and an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/opening-stock.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSV template for opening stock: bilingual headers and an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/orders.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The XLSX template for open orders: bilingual headers and an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/orders.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSV template for open orders: bilingual headers and an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Import jobs, newest first: those of the kinds the caller may import */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    kind?: "customers" | "products" | "opening-stock" | "orders";
                    status?: "validating" | "validated" | "committing" | "committed" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @enum {string} */
                                kind: "customers" | "products" | "opening-stock" | "orders";
                                /** @enum {string} */
                                status: "validating" | "validated" | "committing" | "committed" | "failed";
                                dryRun: boolean;
                                fileName: string | null;
                                /** @enum {string} */
                                format: "csv" | "xlsx";
                                encoding: ("utf-8" | "gbk") | null;
                                fileBytes: number;
                                createdBy: string;
                                committedBy: string | null;
                                /** @description data rows read so far (progress while validating) */
                                rowsRead: number;
                                rowsValid: number;
                                errorCount: number;
                                /** @description the first 1000 errors in row order */
                                errors: {
                                    /** @description the spreadsheet row (the header is row 1; 0 = the file as a whole) */
                                    row: number;
                                    /** @description the column's header as the file spells it, or the field name */
                                    column: string;
                                    message: string;
                                }[];
                                /** @description columns of the file that are not part of this kind (not imported) */
                                ignoredColumns: string[];
                                /** @description after the commit: what was created, and what was skipped because it already existed (natural keys) */
                                result: {
                                    created: {
                                        [key: string]: number;
                                    };
                                    skipped: {
                                        [key: string]: number;
                                    };
                                } | null;
                                /** @description how long the final transaction took, in milliseconds */
                                applyMs: number | null;
                                createdAt: string;
                                updatedAt: string;
                                validatedAt: string | null;
                                finishedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import job: status, progress, the first row errors, and after the commit what was created and skipped */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "customers" | "products" | "opening-stock" | "orders";
                            /** @enum {string} */
                            status: "validating" | "validated" | "committing" | "committed" | "failed";
                            dryRun: boolean;
                            fileName: string | null;
                            /** @enum {string} */
                            format: "csv" | "xlsx";
                            encoding: ("utf-8" | "gbk") | null;
                            fileBytes: number;
                            createdBy: string;
                            committedBy: string | null;
                            /** @description data rows read so far (progress while validating) */
                            rowsRead: number;
                            rowsValid: number;
                            errorCount: number;
                            /** @description the first 1000 errors in row order */
                            errors: {
                                /** @description the spreadsheet row (the header is row 1; 0 = the file as a whole) */
                                row: number;
                                /** @description the column's header as the file spells it, or the field name */
                                column: string;
                                message: string;
                            }[];
                            /** @description columns of the file that are not part of this kind (not imported) */
                            ignoredColumns: string[];
                            /** @description after the commit: what was created, and what was skipped because it already existed (natural keys) */
                            result: {
                                created: {
                                    [key: string]: number;
                                };
                                skipped: {
                                    [key: string]: number;
                                };
                            } | null;
                            /** @description how long the final transaction took, in milliseconds */
                            applyMs: number | null;
                            createdAt: string;
                            updatedAt: string;
                            validatedAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Commit a validated dry run without uploading again: 202, then the job goes committing → committed (or failed, writing nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "customers" | "products" | "opening-stock" | "orders";
                            /** @enum {string} */
                            status: "validating" | "validated" | "committing" | "committed" | "failed";
                            dryRun: boolean;
                            fileName: string | null;
                            /** @enum {string} */
                            format: "csv" | "xlsx";
                            encoding: ("utf-8" | "gbk") | null;
                            fileBytes: number;
                            createdBy: string;
                            committedBy: string | null;
                            /** @description data rows read so far (progress while validating) */
                            rowsRead: number;
                            rowsValid: number;
                            errorCount: number;
                            /** @description the first 1000 errors in row order */
                            errors: {
                                /** @description the spreadsheet row (the header is row 1; 0 = the file as a whole) */
                                row: number;
                                /** @description the column's header as the file spells it, or the field name */
                                column: string;
                                message: string;
                            }[];
                            /** @description columns of the file that are not part of this kind (not imported) */
                            ignoredColumns: string[];
                            /** @description after the commit: what was created, and what was skipped because it already existed (natural keys) */
                            result: {
                                created: {
                                    [key: string]: number;
                                };
                                skipped: {
                                    [key: string]: number;
                                };
                            } | null;
                            /** @description how long the final transaction took, in milliseconds */
                            applyMs: number | null;
                            createdAt: string;
                            updatedAt: string;
                            validatedAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import customers from a CSV (UTF-8 or GBK) or XLSX file sent as the raw body (at most 50 MiB, 100,000 rows). Answers 202 with the job at once; the rows are checked after the request (GET the job for progress and row errors). Any error writes nothing; a clean file is written all at once. Rows whose natural key already exists are skipped, so a file can be sent again. */
        post: {
            parameters: {
                query?: {
                    /** @description true (the default): check only, write nothing; commit later with POST /imports/{id}/commit */
                    dryRun?: "true" | "false";
                    /** @description the file name to show in the job list */
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "customers" | "products" | "opening-stock" | "orders";
                            /** @enum {string} */
                            status: "validating" | "validated" | "committing" | "committed" | "failed";
                            dryRun: boolean;
                            fileName: string | null;
                            /** @enum {string} */
                            format: "csv" | "xlsx";
                            encoding: ("utf-8" | "gbk") | null;
                            fileBytes: number;
                            createdBy: string;
                            committedBy: string | null;
                            /** @description data rows read so far (progress while validating) */
                            rowsRead: number;
                            rowsValid: number;
                            errorCount: number;
                            /** @description the first 1000 errors in row order */
                            errors: {
                                /** @description the spreadsheet row (the header is row 1; 0 = the file as a whole) */
                                row: number;
                                /** @description the column's header as the file spells it, or the field name */
                                column: string;
                                message: string;
                            }[];
                            /** @description columns of the file that are not part of this kind (not imported) */
                            ignoredColumns: string[];
                            /** @description after the commit: what was created, and what was skipped because it already existed (natural keys) */
                            result: {
                                created: {
                                    [key: string]: number;
                                };
                                skipped: {
                                    [key: string]: number;
                                };
                            } | null;
                            /** @description how long the final transaction took, in milliseconds */
                            applyMs: number | null;
                            createdAt: string;
                            updatedAt: string;
                            validatedAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import products from a CSV (UTF-8 or GBK) or XLSX file sent as the raw body (at most 50 MiB, 100,000 rows). Answers 202 with the job at once; the rows are checked after the request (GET the job for progress and row errors). Any error writes nothing; a clean file is written all at once. Rows whose natural key already exists are skipped, so a file can be sent again. */
        post: {
            parameters: {
                query?: {
                    /** @description true (the default): check only, write nothing; commit later with POST /imports/{id}/commit */
                    dryRun?: "true" | "false";
                    /** @description the file name to show in the job list */
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "customers" | "products" | "opening-stock" | "orders";
                            /** @enum {string} */
                            status: "validating" | "validated" | "committing" | "committed" | "failed";
                            dryRun: boolean;
                            fileName: string | null;
                            /** @enum {string} */
                            format: "csv" | "xlsx";
                            encoding: ("utf-8" | "gbk") | null;
                            fileBytes: number;
                            createdBy: string;
                            committedBy: string | null;
                            /** @description data rows read so far (progress while validating) */
                            rowsRead: number;
                            rowsValid: number;
                            errorCount: number;
                            /** @description the first 1000 errors in row order */
                            errors: {
                                /** @description the spreadsheet row (the header is row 1; 0 = the file as a whole) */
                                row: number;
                                /** @description the column's header as the file spells it, or the field name */
                                column: string;
                                message: string;
                            }[];
                            /** @description columns of the file that are not part of this kind (not imported) */
                            ignoredColumns: string[];
                            /** @description after the commit: what was created, and what was skipped because it already existed (natural keys) */
                            result: {
                                created: {
                                    [key: string]: number;
                                };
                                skipped: {
                                    [key: string]: number;
                                };
                            } | null;
                            /** @description how long the final transaction took, in milliseconds */
                            applyMs: number | null;
                            createdAt: string;
                            updatedAt: string;
                            validatedAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/opening-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import opening stock from a CSV (UTF-8 or GBK) or XLSX file sent as the raw body (at most 50 MiB, 100,000 rows). Answers 202 with the job at once; the rows are checked after the request (GET the job for progress and row errors). Any error writes nothing; a clean file is written all at once. Rows whose natural key already exists are skipped, so a file can be sent again. */
        post: {
            parameters: {
                query?: {
                    /** @description true (the default): check only, write nothing; commit later with POST /imports/{id}/commit */
                    dryRun?: "true" | "false";
                    /** @description the file name to show in the job list */
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "customers" | "products" | "opening-stock" | "orders";
                            /** @enum {string} */
                            status: "validating" | "validated" | "committing" | "committed" | "failed";
                            dryRun: boolean;
                            fileName: string | null;
                            /** @enum {string} */
                            format: "csv" | "xlsx";
                            encoding: ("utf-8" | "gbk") | null;
                            fileBytes: number;
                            createdBy: string;
                            committedBy: string | null;
                            /** @description data rows read so far (progress while validating) */
                            rowsRead: number;
                            rowsValid: number;
                            errorCount: number;
                            /** @description the first 1000 errors in row order */
                            errors: {
                                /** @description the spreadsheet row (the header is row 1; 0 = the file as a whole) */
                                row: number;
                                /** @description the column's header as the file spells it, or the field name */
                                column: string;
                                message: string;
                            }[];
                            /** @description columns of the file that are not part of this kind (not imported) */
                            ignoredColumns: string[];
                            /** @description after the commit: what was created, and what was skipped because it already existed (natural keys) */
                            result: {
                                created: {
                                    [key: string]: number;
                                };
                                skipped: {
                                    [key: string]: number;
                                };
                            } | null;
                            /** @description how long the final transaction took, in milliseconds */
                            applyMs: number | null;
                            createdAt: string;
                            updatedAt: string;
                            validatedAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import open orders from a CSV (UTF-8 or GBK) or XLSX file sent as the raw body (at most 50 MiB, 100,000 rows). Answers 202 with the job at once; the rows are checked after the request (GET the job for progress and row errors). Any error writes nothing; a clean file is written all at once. Rows whose natural key already exists are skipped, so a file can be sent again. */
        post: {
            parameters: {
                query?: {
                    /** @description true (the default): check only, write nothing; commit later with POST /imports/{id}/commit */
                    dryRun?: "true" | "false";
                    /** @description the file name to show in the job list */
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "customers" | "products" | "opening-stock" | "orders";
                            /** @enum {string} */
                            status: "validating" | "validated" | "committing" | "committed" | "failed";
                            dryRun: boolean;
                            fileName: string | null;
                            /** @enum {string} */
                            format: "csv" | "xlsx";
                            encoding: ("utf-8" | "gbk") | null;
                            fileBytes: number;
                            createdBy: string;
                            committedBy: string | null;
                            /** @description data rows read so far (progress while validating) */
                            rowsRead: number;
                            rowsValid: number;
                            errorCount: number;
                            /** @description the first 1000 errors in row order */
                            errors: {
                                /** @description the spreadsheet row (the header is row 1; 0 = the file as a whole) */
                                row: number;
                                /** @description the column's header as the file spells it, or the field name */
                                column: string;
                                message: string;
                            }[];
                            /** @description columns of the file that are not part of this kind (not imported) */
                            ignoredColumns: string[];
                            /** @description after the commit: what was created, and what was skipped because it already existed (natural keys) */
                            result: {
                                created: {
                                    [key: string]: number;
                                };
                                skipped: {
                                    [key: string]: number;
                                };
                            } | null;
                            /** @description how long the final transaction took, in milliseconds */
                            applyMs: number | null;
                            createdAt: string;
                            updatedAt: string;
                            validatedAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search products in SKU order: q matches a SKU prefix, an exact barcode or part of the name */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    q?: string;
                    category?: string;
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                unitPrice: number;
                                weightG: number | null;
                                lengthMm: number | null;
                                widthMm: number | null;
                                heightMm: number | null;
                                barcodes: string[];
                                customFields: {
                                    [key: string]: string | number | boolean;
                                };
                                active: boolean;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a product (SKU) with its barcodes; a SKU or barcode already in use is a 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sku: string;
                        name: string;
                        category?: string | null;
                        unitPrice?: number;
                        weightG?: number | null;
                        lengthMm?: number | null;
                        widthMm?: number | null;
                        heightMm?: number | null;
                        barcodes?: string[];
                        customFields?: {
                            [key: string]: string | number | boolean;
                        };
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            sku: string;
                            name: string;
                            category: string | null;
                            unitPrice: number;
                            weightG: number | null;
                            lengthMm: number | null;
                            widthMm: number | null;
                            heightMm: number | null;
                            barcodes: string[];
                            customFields: {
                                [key: string]: string | number | boolean;
                            };
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product a scanned code names: its exact SKU or one of its barcodes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            sku: string;
                            name: string;
                            category: string | null;
                            unitPrice: number;
                            weightG: number | null;
                            lengthMm: number | null;
                            widthMm: number | null;
                            heightMm: number | null;
                            barcodes: string[];
                            customFields: {
                                [key: string]: string | number | boolean;
                            };
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            sku: string;
                            name: string;
                            category: string | null;
                            unitPrice: number;
                            weightG: number | null;
                            lengthMm: number | null;
                            widthMm: number | null;
                            heightMm: number | null;
                            barcodes: string[];
                            customFields: {
                                [key: string]: string | number | boolean;
                            };
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a product; barcodes, when given, replace the whole set (the SKU never changes) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        category?: string | null;
                        unitPrice?: number;
                        weightG?: number | null;
                        lengthMm?: number | null;
                        widthMm?: number | null;
                        heightMm?: number | null;
                        /** @description replaces the whole set */
                        barcodes?: string[];
                        /** @description replaces the whole object */
                        customFields?: {
                            [key: string]: string | number | boolean;
                        };
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            sku: string;
                            name: string;
                            category: string | null;
                            unitPrice: number;
                            weightG: number | null;
                            lengthMm: number | null;
                            widthMm: number | null;
                            heightMm: number | null;
                            barcodes: string[];
                            customFields: {
                                [key: string]: string | number | boolean;
                            };
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/products/{id}/barcodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a barcode to a product */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        barcode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            sku: string;
                            name: string;
                            category: string | null;
                            unitPrice: number;
                            weightG: number | null;
                            lengthMm: number | null;
                            widthMm: number | null;
                            heightMm: number | null;
                            barcodes: string[];
                            customFields: {
                                [key: string]: string | number | boolean;
                            };
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/barcodes/{barcode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a barcode from a product */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    barcode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            sku: string;
                            name: string;
                            category: string | null;
                            unitPrice: number;
                            weightG: number | null;
                            lengthMm: number | null;
                            widthMm: number | null;
                            heightMm: number | null;
                            barcodes: string[];
                            customFields: {
                                [key: string]: string | number | boolean;
                            };
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List warehouses */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                code: string;
                                name: string;
                                address: string | null;
                                active: boolean;
                                createdAt: string;
                                /** @description The IANA time zone the warehouse's dates are shown in (today the installation's TIME_ZONE) */
                                timeZone: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a warehouse; a code already in use is a 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        address?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            name: string;
                            address: string | null;
                            active: boolean;
                            createdAt: string;
                            /** @description The IANA time zone the warehouse's dates are shown in (today the installation's TIME_ZONE) */
                            timeZone: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warehouses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A warehouse */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            name: string;
                            address: string | null;
                            active: boolean;
                            createdAt: string;
                            /** @description The IANA time zone the warehouse's dates are shown in (today the installation's TIME_ZONE) */
                            timeZone: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, re-address or (de)activate a warehouse */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        address?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            name: string;
                            address: string | null;
                            active: boolean;
                            createdAt: string;
                            /** @description The IANA time zone the warehouse's dates are shown in (today the installation's TIME_ZONE) */
                            timeZone: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/warehouses/{id}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A warehouse's locations in walking order, or (view=tree) the nested tree with occupancy */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    type?: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                    level?: "zone" | "aisle" | "rack" | "bin";
                    parentId?: number;
                    /** @description tree: the nested tree with occupancy (parentId roots it) */
                    view?: "list" | "tree";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                warehouseId: number;
                                parentId: number | null;
                                code: string;
                                /** @enum {string} */
                                level: "zone" | "aisle" | "rack" | "bin";
                                /** @enum {string} */
                                type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                                capacity: number | null;
                                pickSequence: number;
                                active: boolean;
                                /** @description Units on hand in this location (any owner, any status) */
                                occupancy: number;
                                /** @description Units on hand in this location and every location under it */
                                totalOccupancy: number;
                                children: {
                                    id: number;
                                    warehouseId: number;
                                    parentId: number | null;
                                    code: string;
                                    /** @enum {string} */
                                    level: "zone" | "aisle" | "rack" | "bin";
                                    /** @enum {string} */
                                    type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                                    capacity: number | null;
                                    pickSequence: number;
                                    active: boolean;
                                    /** @description Units on hand in this location (any owner, any status) */
                                    occupancy: number;
                                    /** @description Units on hand in this location and every location under it */
                                    totalOccupancy: number;
                                    children: {
                                        id: number;
                                        warehouseId: number;
                                        parentId: number | null;
                                        code: string;
                                        /** @enum {string} */
                                        level: "zone" | "aisle" | "rack" | "bin";
                                        /** @enum {string} */
                                        type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                                        capacity: number | null;
                                        pickSequence: number;
                                        active: boolean;
                                        /** @description Units on hand in this location (any owner, any status) */
                                        occupancy: number;
                                        /** @description Units on hand in this location and every location under it */
                                        totalOccupancy: number;
                                        children: {
                                            id: number;
                                            warehouseId: number;
                                            parentId: number | null;
                                            code: string;
                                            /** @enum {string} */
                                            level: "zone" | "aisle" | "rack" | "bin";
                                            /** @enum {string} */
                                            type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                                            capacity: number | null;
                                            pickSequence: number;
                                            active: boolean;
                                            /** @description Units on hand in this location (any owner, any status) */
                                            occupancy: number;
                                            /** @description Units on hand in this location and every location under it */
                                            totalOccupancy: number;
                                            children: unknown[];
                                        }[];
                                    }[];
                                }[];
                            }[];
                            nextCursor: null;
                        } | {
                            items: {
                                id: number;
                                warehouseId: number;
                                parentId: number | null;
                                code: string;
                                /** @enum {string} */
                                level: "zone" | "aisle" | "rack" | "bin";
                                /** @enum {string} */
                                type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                                capacity: number | null;
                                pickSequence: number;
                                active: boolean;
                                /** @description Units on hand in this location (any owner, any status) */
                                occupancy: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a location (zone, aisle, rack or bin) under a parent of a higher level; a code already in use is a 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @enum {string} */
                        level: "zone" | "aisle" | "rack" | "bin";
                        /** @enum {string} */
                        type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                        parentId?: number | null;
                        /** @description Units the location holds at most; null = not limited */
                        capacity?: number | null;
                        /** @description Walking order for pick lists */
                        pickSequence?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            warehouseId: number;
                            parentId: number | null;
                            code: string;
                            /** @enum {string} */
                            level: "zone" | "aisle" | "rack" | "bin";
                            /** @enum {string} */
                            type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                            capacity: number | null;
                            pickSequence: number;
                            active: boolean;
                            /** @description Units on hand in this location (any owner, any status) */
                            occupancy: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warehouses/{id}/locations/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The location a scanned code names in this warehouse */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            warehouseId: number;
                            parentId: number | null;
                            code: string;
                            /** @enum {string} */
                            level: "zone" | "aisle" | "rack" | "bin";
                            /** @enum {string} */
                            type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                            capacity: number | null;
                            pickSequence: number;
                            active: boolean;
                            /** @description Units on hand in this location (any owner, any status) */
                            occupancy: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A location */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            warehouseId: number;
                            parentId: number | null;
                            code: string;
                            /** @enum {string} */
                            level: "zone" | "aisle" | "rack" | "bin";
                            /** @enum {string} */
                            type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                            capacity: number | null;
                            pickSequence: number;
                            active: boolean;
                            /** @description Units on hand in this location (any owner, any status) */
                            occupancy: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a location: type, capacity, walking order, or (de)activate it (only when empty) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type?: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                        /** @description Units the location holds at most; null = not limited */
                        capacity?: number | null;
                        /** @description Walking order for pick lists */
                        pickSequence?: number;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            warehouseId: number;
                            parentId: number | null;
                            code: string;
                            /** @enum {string} */
                            level: "zone" | "aisle" | "rack" | "bin";
                            /** @enum {string} */
                            type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                            capacity: number | null;
                            pickSequence: number;
                            active: boolean;
                            /** @description Units on hand in this location (any owner, any status) */
                            occupancy: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/stock/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive stock into a location (by id, or warehouseId + scanned locationCode)
         * @description Answers with the stock row the units landed in. A full or inactive location is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A SKU or one of its barcodes (what a scanner reads) */
                        sku: string;
                        /** @description The warehouse in which a location code is looked up */
                        warehouseId?: number;
                        locationId?: number;
                        /** @description A scanned location code (with warehouseId) */
                        locationCode?: string;
                        quantity: number;
                        /** @description Lot or batch; empty = none */
                        lot?: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        expiresOn?: string;
                        /** @description 0 = the company; otherwise the customer who owns the goods */
                        ownerId?: number | 0;
                        /**
                         * @description Default: quarantine in a quarantine location, otherwise available
                         * @enum {string}
                         */
                        status?: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                        /** @description The purchase order, ASN or delivery note */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            productId: number;
                            sku: string | null;
                            warehouseId: number;
                            locationId: number;
                            locationCode: string;
                            lot: string;
                            expiresOn: string | null;
                            ownerId: number;
                            /** @enum {string} */
                            status: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                            onHand: number;
                            /** @description Allocated to pick lists */
                            reserved: number;
                            /** @description on hand − reserved, for the company’s available stock; 0 otherwise */
                            available: number;
                            receivedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move units between two locations of one warehouse (put-away, replenishment)
         * @description Only units not allocated to a pick list move. Answers with both stock rows after the move.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A SKU or one of its barcodes (what a scanner reads) */
                        sku: string;
                        /** @description The warehouse in which a location code is looked up */
                        warehouseId?: number;
                        fromLocationId?: number;
                        fromLocationCode?: string;
                        toLocationId?: number;
                        toLocationCode?: string;
                        quantity: number;
                        /** @description Lot or batch; empty = none */
                        lot?: string;
                        /**
                         * @description Which units move: default available
                         * @enum {string}
                         */
                        status?: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                        /** @description 0 = the company; otherwise the customer who owns the goods */
                        ownerId?: number | 0;
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: {
                                id: number;
                                productId: number;
                                sku: string | null;
                                warehouseId: number;
                                locationId: number;
                                locationCode: string;
                                lot: string;
                                expiresOn: string | null;
                                ownerId: number;
                                /** @enum {string} */
                                status: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                                onHand: number;
                                /** @description Allocated to pick lists */
                                reserved: number;
                                /** @description on hand − reserved, for the company’s available stock; 0 otherwise */
                                available: number;
                                receivedAt: string;
                            };
                            to: {
                                id: number;
                                productId: number;
                                sku: string | null;
                                warehouseId: number;
                                locationId: number;
                                locationCode: string;
                                lot: string;
                                expiresOn: string | null;
                                ownerId: number;
                                /** @enum {string} */
                                status: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                                onHand: number;
                                /** @description Allocated to pick lists */
                                reserved: number;
                                /** @description on hand − reserved, for the company’s available stock; 0 otherwise */
                                available: number;
                                receivedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct the quantity of a stock row by a signed delta, with a reason (count, damaged, lost, found, …)
         * @description Units allocated to pick lists or promised to orders cannot be adjusted away: that is a 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A SKU or one of its barcodes (what a scanner reads) */
                        sku: string;
                        /** @description The warehouse in which a location code is looked up */
                        warehouseId?: number;
                        locationId?: number;
                        /** @description A scanned location code (with warehouseId) */
                        locationCode?: string;
                        /** @description Signed: +3 found, -2 lost */
                        delta: number;
                        /** @enum {string} */
                        reason: "count" | "damaged" | "lost" | "found" | "expired" | "correction" | "sample" | "other";
                        note?: string;
                        /** @description Lot or batch; empty = none */
                        lot?: string;
                        /** @enum {string} */
                        status?: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                        /** @description 0 = the company; otherwise the customer who owns the goods */
                        ownerId?: number | 0;
                        /**
                         * Format: date
                         * @description For units found of a lot not yet in the location
                         */
                        expiresOn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            productId: number;
                            sku: string | null;
                            warehouseId: number;
                            locationId: number;
                            locationCode: string;
                            lot: string;
                            expiresOn: string | null;
                            ownerId: number;
                            /** @enum {string} */
                            status: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                            onHand: number;
                            /** @description Allocated to pick lists */
                            reserved: number;
                            /** @description on hand − reserved, for the company’s available stock; 0 otherwise */
                            available: number;
                            receivedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/status-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Quarantine, release or mark damaged: units change status where they are
         * @description Quarantined and damaged units no longer count as available-to-promise.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A SKU or one of its barcodes (what a scanner reads) */
                        sku: string;
                        /** @description The warehouse in which a location code is looked up */
                        warehouseId?: number;
                        locationId?: number;
                        /** @description A scanned location code (with warehouseId) */
                        locationCode?: string;
                        quantity: number;
                        /**
                         * @description The status the units have now
                         * @default available
                         * @enum {string}
                         */
                        status?: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                        /**
                         * @description quarantine, release (available), damaged, …
                         * @enum {string}
                         */
                        toStatus: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                        /** @description Lot or batch; empty = none */
                        lot?: string;
                        /** @description 0 = the company; otherwise the customer who owns the goods */
                        ownerId?: number | 0;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: {
                                id: number;
                                productId: number;
                                sku: string | null;
                                warehouseId: number;
                                locationId: number;
                                locationCode: string;
                                lot: string;
                                expiresOn: string | null;
                                ownerId: number;
                                /** @enum {string} */
                                status: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                                onHand: number;
                                /** @description Allocated to pick lists */
                                reserved: number;
                                /** @description on hand − reserved, for the company’s available stock; 0 otherwise */
                                available: number;
                                receivedAt: string;
                            };
                            to: {
                                id: number;
                                productId: number;
                                sku: string | null;
                                warehouseId: number;
                                locationId: number;
                                locationCode: string;
                                lot: string;
                                expiresOn: string | null;
                                ownerId: number;
                                /** @enum {string} */
                                status: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                                onHand: number;
                                /** @description Allocated to pick lists */
                                reserved: number;
                                /** @description on hand − reserved, for the company’s available stock; 0 otherwise */
                                available: number;
                                receivedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock rows on hand, per product, location, lot, owner and status (by location: what is on a dock or shelf) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description A SKU or one of its barcodes (what a scanner reads) */
                    sku?: string;
                    warehouseId?: number;
                    locationId?: number;
                    /** @description A scanned location code (with warehouseId): what is on this dock or shelf */
                    locationCode?: string;
                    /** @description Only locations of this type, e.g. receiving: everything waiting on the docks */
                    locationType?: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                    status?: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                    /** @description 0 = the company; otherwise a customer */
                    ownerId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                productId: number;
                                sku: string | null;
                                warehouseId: number;
                                locationId: number;
                                locationCode: string;
                                lot: string;
                                expiresOn: string | null;
                                ownerId: number;
                                /** @enum {string} */
                                status: "available" | "quarantine" | "damaged" | "pending_inspection" | "pending_repair";
                                onHand: number;
                                /** @description Allocated to pick lists */
                                reserved: number;
                                /** @description on hand − reserved, for the company’s available stock; 0 otherwise */
                                available: number;
                                receivedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Available-to-promise per warehouse for one or more SKUs (what Sales asks before promising a date) */
        get: {
            parameters: {
                query: {
                    /** @description One SKU or barcode, or up to 100 comma-separated */
                    sku: string;
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                sku: string;
                                productId: number;
                                name: string;
                                warehouses: {
                                    warehouseId: number;
                                    onHand: number;
                                    reserved: number;
                                    /** @description On hand but not sellable: quarantine, damaged, awaiting inspection or repair */
                                    quarantined: number;
                                    /** @description Available-to-promise: on hand − reserved − quarantined */
                                    available: number;
                                    safetyStock: number | null;
                                    warehouseCode: string;
                                }[];
                                total: {
                                    onHand: number;
                                    reserved: number;
                                    quarantined: number;
                                    available: number;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change of on-hand stock, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description A SKU or one of its barcodes (what a scanner reads) */
                    sku?: string;
                    warehouseId?: number;
                    locationId?: number;
                    reference?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                productId: number;
                                sku: string | null;
                                warehouseId: number;
                                locationId: number;
                                locationCode: string | null;
                                lot: string;
                                ownerId: number;
                                status: string;
                                /** @description Signed change of on-hand stock */
                                quantity: number;
                                movement: string;
                                reason: string | null;
                                reference: string | null;
                                actor: string;
                                occurredAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/safety-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a product's safety stock in a warehouse; available-to-promise falling below it writes stock.low */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A SKU or one of its barcodes (what a scanner reads) */
                        sku: string;
                        warehouseId: number;
                        quantity: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            productId: number;
                            sku: string | null;
                            warehouseId: number;
                            onHand: number;
                            reserved: number;
                            /** @description On hand but not sellable: quarantine, damaged, awaiting inspection or repair */
                            quarantined: number;
                            /** @description Available-to-promise: on hand − reserved − quarantined */
                            available: number;
                            safetyStock: number | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/low": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products whose available-to-promise is below their safety stock */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                productId: number;
                                sku: string | null;
                                warehouseId: number;
                                onHand: number;
                                reserved: number;
                                /** @description On hand but not sellable: quarantine, damaged, awaiting inspection or repair */
                                quarantined: number;
                                /** @description Available-to-promise: on hand − reserved − quarantined */
                                available: number;
                                safetyStock: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/doctor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the stock invariants on the data as it is (ledger = levels, balances, reservations) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            healthy: boolean;
                            checks: {
                                name: string;
                                ok: boolean;
                                findings: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfer-proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Transfers worth making now: where a warehouse is short (below safety stock, or backorders waiting), from the warehouse with the largest surplus
         * @description quantity = min(need, surplus). Computed on the data as it is; proposalId names the open proposal recorded with transfer.proposed, if any.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description The warehouse that is short; default every warehouse */
                    warehouseId?: number;
                    /** @description A SKU or one of its barcodes (what a scanner reads) */
                    sku?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                productId: number;
                                sku: string | null;
                                fromWarehouseId: number;
                                toWarehouseId: number;
                                /** @description min(need, surplus) */
                                quantity: number;
                                /** @description safety stock + backordered − available − inbound, at the destination */
                                need: number;
                                /** @description available − safety stock − backordered − draft transfers out, at the source */
                                surplus: number;
                                /** @enum {string} */
                                reason: "backorders" | "below_safety_stock";
                                /** @description The destination's available-to-promise */
                                available: number;
                                safetyStock: number;
                                backordered: number;
                                /** @description Already on open transfers to the destination */
                                inbound: number;
                                /** @description The open proposal recorded with transfer.proposed, if any */
                                proposalId: number | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfer-proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A proposal recorded with transfer.proposed: open, accepted (by a transfer) or dismissed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            productId: number;
                            sku: string | null;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            quantity: number;
                            /** @enum {string} */
                            status: "open" | "accepted" | "dismissed";
                            /** @description The transfer that accepted it */
                            transferId: number | null;
                            createdAt: string;
                            decidedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfer-proposals/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss an open proposal: the next shortage of this product and pair of warehouses may propose again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            productId: number;
                            sku: string | null;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            quantity: number;
                            /** @enum {string} */
                            status: "open" | "accepted" | "dismissed";
                            /** @description The transfer that accepted it */
                            transferId: number | null;
                            createdAt: string;
                            decidedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transfer orders, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                    fromWarehouseId?: number;
                    toWarehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                number: string;
                                fromWarehouseId: number;
                                toWarehouseId: number;
                                /** @enum {string} */
                                status: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                                closedReason: ("received" | "written_off") | null;
                                writeOffReason: string | null;
                                cancelReason: string | null;
                                reference: string | null;
                                note: string | null;
                                createdBy: string;
                                createdAt: string;
                                releasedAt: string | null;
                                shippedAt: string | null;
                                closedAt: string | null;
                                cancelledAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Draft a transfer order: explicit lines, or fromProposal to accept what is proposed now. Accepts Idempotency-Key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Accept the proposal computed now for this product and pair of warehouses (quantity as proposed); instead of lines */
                        fromProposal?: {
                            /** @description A SKU or one of its barcodes (what a scanner reads) */
                            sku: string;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                        };
                        /** @description With lines: the warehouse the stock leaves */
                        fromWarehouseId?: number;
                        /** @description With lines: the warehouse that receives it */
                        toWarehouseId?: number;
                        lines?: {
                            /** @description A SKU or one of its barcodes (what a scanner reads) */
                            sku: string;
                            quantity: number;
                            /** @description Lot or batch; empty = any lot */
                            lot?: string;
                        }[];
                        reference?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            /** @enum {string} */
                            status: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                            closedReason: ("received" | "written_off") | null;
                            writeOffReason: string | null;
                            cancelReason: string | null;
                            reference: string | null;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            releasedAt: string | null;
                            shippedAt: string | null;
                            closedAt: string | null;
                            cancelledAt: string | null;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                                shipped: number;
                                received: number;
                                writtenOff: number;
                                /** @description shipped − received − written off */
                                inTransit: number;
                            }[];
                            discrepancies: {
                                id: number;
                                lineId: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                /** @enum {string} */
                                kind: "shortage" | "overage";
                                quantity: number;
                                reason: string | null;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A transfer order with its lines (shipped, received, in transit) and discrepancies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            /** @enum {string} */
                            status: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                            closedReason: ("received" | "written_off") | null;
                            writeOffReason: string | null;
                            cancelReason: string | null;
                            reference: string | null;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            releasedAt: string | null;
                            shippedAt: string | null;
                            closedAt: string | null;
                            cancelledAt: string | null;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                                shipped: number;
                                received: number;
                                writtenOff: number;
                                /** @description shipped − received − written off */
                                inTransit: number;
                            }[];
                            discrepancies: {
                                id: number;
                                lineId: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                /** @enum {string} */
                                kind: "shortage" | "overage";
                                quantity: number;
                                reason: string | null;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** draft → released: the source warehouse reserves every line (409 insufficient_stock if it cannot) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            /** @enum {string} */
                            status: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                            closedReason: ("received" | "written_off") | null;
                            writeOffReason: string | null;
                            cancelReason: string | null;
                            reference: string | null;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            releasedAt: string | null;
                            shippedAt: string | null;
                            closedAt: string | null;
                            cancelledAt: string | null;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                                shipped: number;
                                received: number;
                                writtenOff: number;
                                /** @description shipped − received − written off */
                                inTransit: number;
                            }[];
                            discrepancies: {
                                id: number;
                                lineId: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                /** @enum {string} */
                                kind: "shortage" | "overage";
                                quantity: number;
                                reason: string | null;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** released → shipped: the units leave the source (ledger: transfer out) and are in transit; less than asked releases the rest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ship less than asked on some lines (0 = none); the rest of their reservation is released. Unlisted lines ship in full */
                        lines?: {
                            lineId: number;
                            quantity: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            /** @enum {string} */
                            status: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                            closedReason: ("received" | "written_off") | null;
                            writeOffReason: string | null;
                            cancelReason: string | null;
                            reference: string | null;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            releasedAt: string | null;
                            shippedAt: string | null;
                            closedAt: string | null;
                            cancelledAt: string | null;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                                shipped: number;
                                received: number;
                                writtenOff: number;
                                /** @description shipped − received − written off */
                                inTransit: number;
                            }[];
                            discrepancies: {
                                id: number;
                                lineId: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                /** @enum {string} */
                                kind: "shortage" | "overage";
                                quantity: number;
                                reason: string | null;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scan what arrived into a location of the destination (default its receiving dock): in transit → stock (ledger: transfer in); more than shipped is an overage. Closes when nothing is left in transit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The destination's location the units are scanned into; default its first receiving location */
                        locationId?: number;
                        /** @description Or the scanned code of that location */
                        locationCode?: string;
                        lines: {
                            /** @description The transfer line; or name it by sku (and lot) */
                            lineId?: number;
                            /** @description A SKU or one of its barcodes (what a scanner reads) */
                            sku?: string;
                            /** @description The lot scanned; default: what is in transit, earliest expiry first */
                            lot?: string;
                            quantity: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            /** @enum {string} */
                            status: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                            closedReason: ("received" | "written_off") | null;
                            writeOffReason: string | null;
                            cancelReason: string | null;
                            reference: string | null;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            releasedAt: string | null;
                            shippedAt: string | null;
                            closedAt: string | null;
                            cancelledAt: string | null;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                                shipped: number;
                                received: number;
                                writtenOff: number;
                                /** @description shipped − received − written off */
                                inTransit: number;
                            }[];
                            discrepancies: {
                                id: number;
                                lineId: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                /** @enum {string} */
                                kind: "shortage" | "overage";
                                quantity: number;
                                reason: string | null;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write off what is still in transit (shortages, with the reason) and close the transfer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            /** @enum {string} */
                            status: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                            closedReason: ("received" | "written_off") | null;
                            writeOffReason: string | null;
                            cancelReason: string | null;
                            reference: string | null;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            releasedAt: string | null;
                            shippedAt: string | null;
                            closedAt: string | null;
                            cancelledAt: string | null;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                                shipped: number;
                                received: number;
                                writtenOff: number;
                                /** @description shipped − received − written off */
                                inTransit: number;
                            }[];
                            discrepancies: {
                                id: number;
                                lineId: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                /** @enum {string} */
                                kind: "shortage" | "overage";
                                quantity: number;
                                reason: string | null;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a draft or released transfer; a released one gives its reserved stock back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            fromWarehouseId: number;
                            toWarehouseId: number;
                            /** @enum {string} */
                            status: "draft" | "released" | "shipped" | "partially_received" | "closed" | "cancelled";
                            closedReason: ("received" | "written_off") | null;
                            writeOffReason: string | null;
                            cancelReason: string | null;
                            reference: string | null;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            releasedAt: string | null;
                            shippedAt: string | null;
                            closedAt: string | null;
                            cancelledAt: string | null;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                                shipped: number;
                                received: number;
                                writtenOff: number;
                                /** @description shipped − received − written off */
                                inTransit: number;
                            }[];
                            discrepancies: {
                                id: number;
                                lineId: number;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                /** @enum {string} */
                                kind: "shortage" | "overage";
                                quantity: number;
                                reason: string | null;
                                recordedBy: string;
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/in-transit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock on its way between warehouses, per product and pair of warehouses (in neither warehouse’s levels until received) */
        get: {
            parameters: {
                query?: {
                    /** @description A SKU or one of its barcodes (what a scanner reads) */
                    sku?: string;
                    /** @description Stock on its way to or from this warehouse */
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                productId: number;
                                sku: string | null;
                                fromWarehouseId: number;
                                toWarehouseId: number;
                                quantity: number;
                                transfers: {
                                    id: number;
                                    number: string;
                                    lot: string;
                                    quantity: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts, newest first (without lines) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "open" | "submitted" | "approved" | "rejected";
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                number: string;
                                warehouseId: number;
                                /** @enum {string} */
                                status: "open" | "submitted" | "approved" | "rejected";
                                note: string | null;
                                /** @description How many times it was submitted */
                                round: number;
                                locations: {
                                    id: number;
                                    code: string;
                                }[];
                                openedBy: string;
                                openedAt: string;
                                submittedBy: string | null;
                                submittedAt: string | null;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                decisionReason: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a blind count of one or more locations of a warehouse (a location is in at most one unfinished count) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        warehouseId: number;
                        /** @description The locations to count, as scanned */
                        locationCodes?: string[];
                        locationIds?: number[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            warehouseId: number;
                            /** @enum {string} */
                            status: "open" | "submitted" | "approved" | "rejected";
                            note: string | null;
                            /** @description How many times it was submitted */
                            round: number;
                            locations: {
                                id: number;
                                code: string;
                            }[];
                            openedBy: string;
                            openedAt: string;
                            submittedBy: string | null;
                            submittedAt: string | null;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            decisionReason: string | null;
                            /** @description What the counter recorded */
                            counted: {
                                locationId: number;
                                locationCode: string;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                            }[];
                            /** @description Expected (the stock at submission), counted and difference per location, SKU and lot; null while open and for the counter */
                            variance: {
                                lines: {
                                    locationId: number;
                                    locationCode: string;
                                    productId: number;
                                    sku: string | null;
                                    lot: string;
                                    expected: number;
                                    counted: number;
                                    /** @description counted − expected */
                                    difference: number;
                                }[];
                                totals: {
                                    expected: number;
                                    counted: number;
                                    difference: number;
                                    linesWithDifference: number;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/counts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A count. The variance report is there once submitted, for someone with inventory.write other than the submitter; never for the counter */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            warehouseId: number;
                            /** @enum {string} */
                            status: "open" | "submitted" | "approved" | "rejected";
                            note: string | null;
                            /** @description How many times it was submitted */
                            round: number;
                            locations: {
                                id: number;
                                code: string;
                            }[];
                            openedBy: string;
                            openedAt: string;
                            submittedBy: string | null;
                            submittedAt: string | null;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            decisionReason: string | null;
                            /** @description What the counter recorded */
                            counted: {
                                locationId: number;
                                locationCode: string;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                            }[];
                            /** @description Expected (the stock at submission), counted and difference per location, SKU and lot; null while open and for the counter */
                            variance: {
                                lines: {
                                    locationId: number;
                                    locationCode: string;
                                    productId: number;
                                    sku: string | null;
                                    lot: string;
                                    expected: number;
                                    counted: number;
                                    /** @description counted − expected */
                                    difference: number;
                                }[];
                                totals: {
                                    expected: number;
                                    counted: number;
                                    difference: number;
                                    linesWithDifference: number;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/counts/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open → submitted: what was found, per location, product and lot. The books at this moment are the expected quantities; without any difference the count is approved at once, otherwise it waits for another person */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What was found; a product the books hold there but not listed counts as 0 */
                        lines: {
                            /** @description Where it was counted; may be left out when the count covers one location */
                            locationCode?: string;
                            /** @description The scanned barcode or the SKU */
                            code: string;
                            /** @description Lot or batch; empty = none */
                            lot?: string;
                            /** @description Units found; the same product and lot scanned again in a location adds up */
                            quantity: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            warehouseId: number;
                            /** @enum {string} */
                            status: "open" | "submitted" | "approved" | "rejected";
                            note: string | null;
                            /** @description How many times it was submitted */
                            round: number;
                            locations: {
                                id: number;
                                code: string;
                            }[];
                            openedBy: string;
                            openedAt: string;
                            submittedBy: string | null;
                            submittedAt: string | null;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            decisionReason: string | null;
                            /** @description What the counter recorded */
                            counted: {
                                locationId: number;
                                locationCode: string;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                            }[];
                            /** @description Expected (the stock at submission), counted and difference per location, SKU and lot; null while open and for the counter */
                            variance: {
                                lines: {
                                    locationId: number;
                                    locationCode: string;
                                    productId: number;
                                    sku: string | null;
                                    lot: string;
                                    expected: number;
                                    counted: number;
                                    /** @description counted − expected */
                                    difference: number;
                                }[];
                                totals: {
                                    expected: number;
                                    counted: number;
                                    difference: number;
                                    linesWithDifference: number;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/counts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submitted → approved by someone other than the submitter: every difference is posted as a stock adjustment (reason count, the count number as reference). A shortfall that would take units allocated to pick lists is a 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            warehouseId: number;
                            /** @enum {string} */
                            status: "open" | "submitted" | "approved" | "rejected";
                            note: string | null;
                            /** @description How many times it was submitted */
                            round: number;
                            locations: {
                                id: number;
                                code: string;
                            }[];
                            openedBy: string;
                            openedAt: string;
                            submittedBy: string | null;
                            submittedAt: string | null;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            decisionReason: string | null;
                            /** @description What the counter recorded */
                            counted: {
                                locationId: number;
                                locationCode: string;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                            }[];
                            /** @description Expected (the stock at submission), counted and difference per location, SKU and lot; null while open and for the counter */
                            variance: {
                                lines: {
                                    locationId: number;
                                    locationCode: string;
                                    productId: number;
                                    sku: string | null;
                                    lot: string;
                                    expected: number;
                                    counted: number;
                                    /** @description counted − expected */
                                    difference: number;
                                }[];
                                totals: {
                                    expected: number;
                                    counted: number;
                                    difference: number;
                                    linesWithDifference: number;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/counts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submitted → open for a blind recount (recount: true) or → rejected (closed, nothing posted), by someone other than the submitter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /**
                         * @description true: back to open for a blind recount; false: close the count, nothing posted
                         * @default false
                         */
                        recount?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            warehouseId: number;
                            /** @enum {string} */
                            status: "open" | "submitted" | "approved" | "rejected";
                            note: string | null;
                            /** @description How many times it was submitted */
                            round: number;
                            locations: {
                                id: number;
                                code: string;
                            }[];
                            openedBy: string;
                            openedAt: string;
                            submittedBy: string | null;
                            submittedAt: string | null;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            decisionReason: string | null;
                            /** @description What the counter recorded */
                            counted: {
                                locationId: number;
                                locationCode: string;
                                productId: number;
                                sku: string | null;
                                lot: string;
                                quantity: number;
                            }[];
                            /** @description Expected (the stock at submission), counted and difference per location, SKU and lot; null while open and for the counter */
                            variance: {
                                lines: {
                                    locationId: number;
                                    locationCode: string;
                                    productId: number;
                                    sku: string | null;
                                    lot: string;
                                    expected: number;
                                    counted: number;
                                    /** @description counted − expected */
                                    difference: number;
                                }[];
                                totals: {
                                    expected: number;
                                    counted: number;
                                    difference: number;
                                    linesWithDifference: number;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stock/put-away/suggestion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where to put units away: a bin already holding the SKU and lot, then one holding the SKU, then an empty storage or picking bin near it, each with room for them. Move them with POST /stock/moves */
        get: {
            parameters: {
                query: {
                    warehouseId: number;
                    /** @description The scanned barcode or the SKU */
                    code: string;
                    /** @description Default: the only lot of the SKU at fromLocationCode, else none */
                    lot?: string;
                    /** @description Default: what is free of it at fromLocationCode, else 1 */
                    quantity?: number;
                    /** @description Where the units are now (the receiving dock); never suggested */
                    fromLocationCode?: string;
                    /** @description How many bins to rank */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            warehouseId: number;
                            productId: number;
                            sku: string;
                            lot: string;
                            quantity: number;
                            from: {
                                locationId: number;
                                locationCode: string;
                                /** @description Free units of this SKU and lot there */
                                available: number;
                            } | null;
                            /** @description The best bin, or null when none has room */
                            suggestion: {
                                locationId: number;
                                locationCode: string;
                                /** @enum {string} */
                                type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                                /**
                                 * @description same_sku_lot: holds this SKU and lot; same_sku: this SKU in another lot; empty_near: empty, near where the SKU is
                                 * @enum {string}
                                 */
                                reason: "same_sku_lot" | "same_sku" | "empty_near";
                                /** @description Units of this SKU there now */
                                holds: number;
                                /** @description Room before these units; null = not limited */
                                free: number | null;
                            } | null;
                            /** @description The next best, in order */
                            alternatives: {
                                locationId: number;
                                locationCode: string;
                                /** @enum {string} */
                                type: "storage" | "picking" | "receiving" | "shipping" | "quarantine" | "returns";
                                /**
                                 * @description same_sku_lot: holds this SKU and lot; same_sku: this SKU in another lot; empty_near: empty, near where the SKU is
                                 * @enum {string}
                                 */
                                reason: "same_sku_lot" | "same_sku" | "empty_near";
                                /** @description Units of this SKU there now */
                                holds: number;
                                /** @description Room before these units; null = not limited */
                                free: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search customers, newest first: q matches name, code, phone or e-mail; tag filters */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    q?: string;
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                code: string;
                                name: string;
                                /** @enum {string} */
                                type: "person" | "company";
                                phone: string | null;
                                email: string | null;
                                chatId: string | null;
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                tags: string[];
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a customer, with optional first contacts, addresses and tags; the code is generated when absent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description generated as C000123 when absent */
                        code?: string;
                        name: string;
                        /**
                         * @default person
                         * @enum {string}
                         */
                        type?: "person" | "company";
                        phone?: string | null;
                        email?: string | null;
                        chatId?: string | null;
                        /**
                         * @default zh-CN
                         * @enum {string}
                         */
                        locale?: "zh-CN" | "en";
                        tags?: string[];
                        contacts?: {
                            name: string;
                            role?: string | null;
                            phone?: string | null;
                            email?: string | null;
                        }[];
                        addresses?: {
                            /** @description home, office, … */
                            label?: string | null;
                            recipientName: string;
                            phone?: string | null;
                            /** @description ISO 3166-1 alpha-2, any case; CN when absent */
                            country?: string;
                            province?: string | null;
                            city?: string | null;
                            district?: string | null;
                            line1: string;
                            line2?: string | null;
                            postalCode?: string | null;
                            /** @description defaults to true for a customer's first address */
                            isDefault?: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            name: string;
                            /** @enum {string} */
                            type: "person" | "company";
                            phone: string | null;
                            email: string | null;
                            chatId: string | null;
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            tags: string[];
                            createdAt: string;
                            updatedAt: string;
                            contacts: {
                                id: number;
                                customerId: number;
                                name: string;
                                role: string | null;
                                phone: string | null;
                                email: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            addresses: {
                                id: number;
                                customerId: number;
                                label: string | null;
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                                isDefault: boolean;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer with contacts, addresses and tags */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            name: string;
                            /** @enum {string} */
                            type: "person" | "company";
                            phone: string | null;
                            email: string | null;
                            chatId: string | null;
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            tags: string[];
                            createdAt: string;
                            updatedAt: string;
                            contacts: {
                                id: number;
                                customerId: number;
                                name: string;
                                role: string | null;
                                phone: string | null;
                                email: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            addresses: {
                                id: number;
                                customerId: number;
                                label: string | null;
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                                isDefault: boolean;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a customer's name, type, phone, e-mail or locale */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        type?: "person" | "company";
                        phone?: string | null;
                        email?: string | null;
                        chatId?: string | null;
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            name: string;
                            /** @enum {string} */
                            type: "person" | "company";
                            phone: string | null;
                            email: string | null;
                            chatId: string | null;
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            tags: string[];
                            createdAt: string;
                            updatedAt: string;
                            contacts: {
                                id: number;
                                customerId: number;
                                name: string;
                                role: string | null;
                                phone: string | null;
                                email: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            addresses: {
                                id: number;
                                customerId: number;
                                label: string | null;
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                                isDefault: boolean;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/customers/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tag a customer (tags are trimmed and lower-cased); answers all their tags */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tags: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tags: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/tags/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a tag from a customer; answers the remaining tags */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    tag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tags: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's notes, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                customerId: number;
                                body: string;
                                author: string;
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a note to a customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            customerId: number;
                            body: string;
                            author: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event about the customer (orders, shipments, tickets, returns, notes, …), newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                type: string;
                                entityType: string;
                                entityId: string;
                                customerId: number | null;
                                actor: string;
                                payload: {
                                    [key: string]: unknown;
                                };
                                occurredAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a contact to a customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        role?: string | null;
                        phone?: string | null;
                        email?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            customerId: number;
                            name: string;
                            role: string | null;
                            phone: string | null;
                            email: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a customer's contact */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    contactId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a customer's contact */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    contactId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        role?: string | null;
                        phone?: string | null;
                        email?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            customerId: number;
                            name: string;
                            role: string | null;
                            phone: string | null;
                            email: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/customers/{id}/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an address to a customer; the first one, or one with isDefault, becomes the default */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description home, office, … */
                        label?: string | null;
                        recipientName: string;
                        phone?: string | null;
                        /** @description ISO 3166-1 alpha-2, any case; CN when absent */
                        country?: string;
                        province?: string | null;
                        city?: string | null;
                        district?: string | null;
                        line1: string;
                        line2?: string | null;
                        postalCode?: string | null;
                        /** @description defaults to true for a customer's first address */
                        isDefault?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            customerId: number;
                            label: string | null;
                            recipientName: string;
                            phone: string | null;
                            country: string;
                            province: string | null;
                            city: string | null;
                            district: string | null;
                            line1: string;
                            line2: string | null;
                            postalCode: string | null;
                            isDefault: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/addresses/{addressId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a customer's address */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    addressId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a customer's address; isDefault: true makes it the default */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    addressId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description home, office, … */
                        label?: string | null;
                        recipientName?: string;
                        phone?: string | null;
                        /** @description ISO 3166-1 alpha-2, any case (CN, US) */
                        country?: string;
                        province?: string | null;
                        city?: string | null;
                        district?: string | null;
                        line1?: string;
                        line2?: string | null;
                        postalCode?: string | null;
                        /** @description defaults to true for a customer's first address */
                        isDefault?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            customerId: number;
                            label: string | null;
                            recipientName: string;
                            phone: string | null;
                            country: string;
                            province: string | null;
                            city: string | null;
                            district: string | null;
                            line1: string;
                            line2: string | null;
                            postalCode: string | null;
                            isDefault: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/carriers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The carriers this installation can ship with */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                trackingNumberEntered: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shipments, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                    carrier?: string;
                    orderId?: number;
                    trackingNumber?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shipments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shipment with its tracking events, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            orderId: number;
                            orderNumber: string;
                            customerId: number | null;
                            carrier: string;
                            trackingNumber: string;
                            trackingUrl: string | null;
                            labelUrl: string | null;
                            /** @enum {string} */
                            status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                            weightG: number | null;
                            shippedAt: string;
                            deliveredAt: string | null;
                            statusAt: string;
                            createdAt: string;
                            trackingEvents: {
                                id: number;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                description: string;
                                location: string;
                                occurredAt: string;
                                receivedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/carriers/{code}/tracking-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A carrier reports a tracking event for one of its parcels. 201 when recorded; 200 with duplicate: true when the same event was already recorded (pushes may be retried freely); 404 for an unknown tracking number. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        trackingNumber: string;
                        /** @enum {string} */
                        status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                        /**
                         * Format: date-time
                         * @description When it happened, by the carrier (ISO 8601 with offset)
                         */
                        occurredAt: string;
                        description?: string;
                        location?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            duplicate: boolean;
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            duplicate: boolean;
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders, newest first; q is an order number (SO-000012 or 12) or a channel reference */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description One status or several, comma-separated */
                    status?: string;
                    customerId?: number;
                    warehouseId?: number;
                    channel?: "web" | "app" | "tmall" | "taobao" | "jd" | "pinduoduo" | "douyin" | "wechat" | "phone" | "store" | "api" | "marketplace" | "other";
                    createdFrom?: string;
                    /** @description Exclusive */
                    createdTo?: string;
                    q?: string;
                    onHold?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                number: string;
                                customerId: number;
                                channel: string;
                                externalRef: string | null;
                                /** @enum {string} */
                                status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                                warehouseId: number;
                                shipTo: {
                                    recipientName: string;
                                    phone: string | null;
                                    country: string;
                                    province: string | null;
                                    city: string | null;
                                    district: string | null;
                                    line1: string;
                                    line2: string | null;
                                    postalCode: string | null;
                                };
                                promisedShipDate: string | null;
                                exceptionReason: string | null;
                                cancelReason: string | null;
                                currency: string;
                                total: number;
                                note: string | null;
                                parcel: {
                                    weightG?: number;
                                    lengthMm?: number;
                                    widthMm?: number;
                                    heightMm?: number;
                                } | null;
                                deliveryFailedAt: string | null;
                                createdAt: string;
                                confirmedAt: string | null;
                                pickedAt: string | null;
                                packedAt: string | null;
                                shippedAt: string | null;
                                deliveredAt: string | null;
                                cancelledAt: string | null;
                                updatedAt: string;
                                /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                                onHold: boolean;
                                holdReason: string | null;
                                /** @description 0 normal … 9 first in the pick queue */
                                priority: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Place an order: confirmed (stock reserved, ship date promised) when every line is in stock in the chosen warehouse, else backordered until stock arrives. One line per SKU. Accepts Idempotency-Key. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerId: number;
                        /**
                         * @default api
                         * @enum {string}
                         */
                        channel?: "web" | "app" | "tmall" | "taobao" | "jd" | "pinduoduo" | "douyin" | "wechat" | "phone" | "store" | "api" | "marketplace" | "other";
                        /** @description The channel's own order number; unique per channel */
                        externalRef?: string;
                        /** @description Ship from this warehouse; by default the first active one that has every line in stock */
                        warehouseId?: number;
                        /** @description By default the customer's default address */
                        shipTo?: {
                            recipientName: string;
                            phone?: string | null;
                            country?: string;
                            province?: string | null;
                            city?: string | null;
                            district?: string | null;
                            line1: string;
                            line2?: string | null;
                            postalCode?: string | null;
                        };
                        /** @description Ship to this one of the customer's addresses */
                        addressId?: number;
                        /** @default CNY */
                        currency?: string;
                        note?: string;
                        /** @description One line per SKU */
                        lines: {
                            sku: string;
                            quantity: number;
                            /** @description The price agreed on the channel; by default the catalog's */
                            unitPrice?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pick-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A warehouse's confirmed orders to pick next: highest priority first, then earliest promised ship date, then oldest; held orders wait */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    cursor?: string;
                    warehouseId: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                number: string;
                                customerId: number;
                                channel: string;
                                externalRef: string | null;
                                /** @enum {string} */
                                status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                                warehouseId: number;
                                shipTo: {
                                    recipientName: string;
                                    phone: string | null;
                                    country: string;
                                    province: string | null;
                                    city: string | null;
                                    district: string | null;
                                    line1: string;
                                    line2: string | null;
                                    postalCode: string | null;
                                };
                                promisedShipDate: string | null;
                                exceptionReason: string | null;
                                cancelReason: string | null;
                                currency: string;
                                total: number;
                                note: string | null;
                                parcel: {
                                    weightG?: number;
                                    lengthMm?: number;
                                    widthMm?: number;
                                    heightMm?: number;
                                } | null;
                                deliveryFailedAt: string | null;
                                createdAt: string;
                                confirmedAt: string | null;
                                pickedAt: string | null;
                                packedAt: string | null;
                                shippedAt: string | null;
                                deliveredAt: string | null;
                                cancelledAt: string | null;
                                updatedAt: string;
                                /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                                onHold: boolean;
                                holdReason: string | null;
                                /** @description 0 normal … 9 first in the pick queue */
                                priority: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order with its lines (reserved, picked, packed, shipped), its promised ship date and its shipment with tracking */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order's timeline, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                type: string;
                                entityType: string;
                                entityId: string;
                                customerId: number | null;
                                actor: string;
                                payload: {
                                    [key: string]: unknown;
                                };
                                occurredAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry the reservation: pending → confirmed or backordered; backordered → confirmed, or 409 saying what is missing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order that is not yet packed (or is an exception); every reserved unit is released */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/intercept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop an order before it is packed: its stock is released and it becomes an exception until resumed or cancelled */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exception → reserve what each line still lacks → confirmed, or backordered until stock arrives */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hold the order where it is: it keeps its status and stock, but cannot be picked, packed or shipped until released */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/release-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a hold: the warehouse may work the order again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rank the order in the pick queue: 0 normal … 9 first */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        priority: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/address": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the ship-to address until the order is packed: some fields, or addressId for one of the customer's addresses */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        recipientName?: string;
                        phone?: string | null;
                        country?: string;
                        province?: string | null;
                        city?: string | null;
                        district?: string | null;
                        line1?: string;
                        line2?: string | null;
                        postalCode?: string | null;
                        /** @description Replace the whole address with this one of the customer's addresses */
                        addressId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/orders/{id}/pick-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pick list as it stands */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orderId: number;
                            number: string;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            round: number;
                            /** @description In walking order: pick sequence, then location code */
                            items: {
                                allocationId: number;
                                lineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                locationCode: string;
                                pickSequence: number;
                                lot: string;
                                expiresOn: string | null;
                                quantity: number;
                                picked: number;
                                /** @enum {string} */
                                status: "open" | "picked";
                            }[];
                            /** @description Reserved units not yet in a storage or picking location: put them away, then POST the pick list again */
                            unallocated: {
                                lineId: number;
                                sku: string;
                                quantity: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Confirmed → picking: allocate the reserved stock to bins (earliest expiry first) and return the pick list in walking order. Again while picking, allocates what was unallocated. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orderId: number;
                            number: string;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            round: number;
                            /** @description In walking order: pick sequence, then location code */
                            items: {
                                allocationId: number;
                                lineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                locationCode: string;
                                pickSequence: number;
                                lot: string;
                                expiresOn: string | null;
                                quantity: number;
                                picked: number;
                                /** @enum {string} */
                                status: "open" | "picked";
                            }[];
                            /** @description Reserved units not yet in a storage or picking location: put them away, then POST the pick list again */
                            unallocated: {
                                lineId: number;
                                sku: string;
                                quantity: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/picks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a pick: the location scanned, the product scanned (barcode or SKU) and how many. Fewer than the pick list asks is a short pick. When nothing is left to pick the order is picked, or an exception if a pick was short. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        locationCode: string;
                        /** @description The scanned barcode or the SKU */
                        code: string;
                        quantity: number;
                        /** @description Only this lot, when the bin holds several */
                        lot?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orderId: number;
                            number: string;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            round: number;
                            /** @description In walking order: pick sequence, then location code */
                            items: {
                                allocationId: number;
                                lineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                locationCode: string;
                                pickSequence: number;
                                lot: string;
                                expiresOn: string | null;
                                quantity: number;
                                picked: number;
                                /** @enum {string} */
                                status: "open" | "picked";
                            }[];
                            /** @description Reserved units not yet in a storage or picking location: put them away, then POST the pick list again */
                            unallocated: {
                                lineId: number;
                                sku: string;
                                quantity: number;
                            }[];
                            recorded: {
                                sku: string;
                                locationCode: string;
                                quantity: number;
                                expected: number;
                                short: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/picks/short": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declare a short pick: only `found` units (maybe 0) were at the location, and why (`reason`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        locationCode: string;
                        code: string;
                        /** @description How many were there (less than the pick list asks for) */
                        found: number;
                        lot?: string;
                        /**
                         * @description Why the units were not there; shown in the exception
                         * @enum {string}
                         */
                        reason?: "not_found" | "damaged" | "expired" | "wrong_product" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orderId: number;
                            number: string;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            round: number;
                            /** @description In walking order: pick sequence, then location code */
                            items: {
                                allocationId: number;
                                lineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                locationCode: string;
                                pickSequence: number;
                                lot: string;
                                expiresOn: string | null;
                                quantity: number;
                                picked: number;
                                /** @enum {string} */
                                status: "open" | "picked";
                            }[];
                            /** @description Reserved units not yet in a storage or picking location: put them away, then POST the pick list again */
                            unallocated: {
                                lineId: number;
                                sku: string;
                                quantity: number;
                            }[];
                            recorded: {
                                sku: string;
                                locationCode: string;
                                quantity: number;
                                expected: number;
                                short: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Picked → packed: the scanned items must be exactly what was picked; otherwise 409 listing the differences, and nothing changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        scans: {
                            code: string;
                            quantity: number;
                        }[];
                        parcel?: {
                            weightG?: number;
                            lengthMm?: number;
                            widthMm?: number;
                            heightMm?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Packed → shipped: book the parcel with the carrier (manual: give the tracking number); the stock leaves the warehouse */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default manual */
                        carrier?: string;
                        /** @description Required for the manual carrier */
                        trackingNumber?: string;
                        service?: string;
                        /** @description Defaults to the weight recorded at packing */
                        weightG?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shipped → delivered, recorded by hand (carriers report it through tracking events) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            customerId: number;
                            channel: string;
                            externalRef: string | null;
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "backordered" | "picking" | "picked" | "packed" | "shipped" | "delivered" | "cancelled" | "exception";
                            warehouseId: number;
                            shipTo: {
                                recipientName: string;
                                phone: string | null;
                                country: string;
                                province: string | null;
                                city: string | null;
                                district: string | null;
                                line1: string;
                                line2: string | null;
                                postalCode: string | null;
                            };
                            promisedShipDate: string | null;
                            exceptionReason: string | null;
                            cancelReason: string | null;
                            currency: string;
                            total: number;
                            note: string | null;
                            parcel: {
                                weightG?: number;
                                lengthMm?: number;
                                widthMm?: number;
                                heightMm?: number;
                            } | null;
                            deliveryFailedAt: string | null;
                            createdAt: string;
                            confirmedAt: string | null;
                            pickedAt: string | null;
                            packedAt: string | null;
                            shippedAt: string | null;
                            deliveredAt: string | null;
                            cancelledAt: string | null;
                            updatedAt: string;
                            /** @description A held order keeps its status and stock but cannot be picked, packed or shipped */
                            onHold: boolean;
                            holdReason: string | null;
                            /** @description 0 normal … 9 first in the pick queue */
                            priority: number;
                            lines: {
                                id: number;
                                lineNo: number;
                                productId: number;
                                sku: string;
                                name: string;
                                quantity: number;
                                unitPrice: number;
                                /** @description Units the line holds in the warehouse now (picked units included until shipped) */
                                reserved: number;
                                picked: number;
                                packed: number;
                                shipped: number;
                            }[];
                            shipment: {
                                id: number;
                                orderId: number;
                                orderNumber: string;
                                customerId: number | null;
                                carrier: string;
                                trackingNumber: string;
                                trackingUrl: string | null;
                                labelUrl: string | null;
                                /** @enum {string} */
                                status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                weightG: number | null;
                                shippedAt: string;
                                deliveredAt: string | null;
                                statusAt: string;
                                createdAt: string;
                                trackingEvents: {
                                    id: number;
                                    /** @enum {string} */
                                    status: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned";
                                    description: string;
                                    location: string;
                                    occurredAt: string;
                                    receivedAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/pick-list.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pick list to print (A4): bins in walking order with the bin and SKU as Code 128, the order number barcode, customer and note. Starts existing when picking starts (POST …/pick-list); before that a 409 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/packing-slip.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The packing slip to put in the parcel (A5): order number barcode, ship-to address, lines with quantities ordered and packed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shipments/{id}/label.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shipment's label (100 × 150 mm thermal): carrier, tracking number as Code 128, ship-to and ship-from addresses, order number */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notification templates, by key, channel and locale */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    key?: string;
                    channel?: "email" | "sms" | "in_app" | "chat";
                    locale?: "zh-CN" | "en";
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                key: string;
                                /** @enum {string} */
                                channel: "email" | "sms" | "in_app" | "chat";
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                subject: string | null;
                                body: string;
                                version: number;
                                active: boolean;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a template for a key, channel and locale (subject and body are Liquid); 422 names the field with bad Liquid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        /** @enum {string} */
                        channel: "email" | "sms" | "in_app" | "chat";
                        /** @enum {string} */
                        locale: "zh-CN" | "en";
                        /** @description Liquid; required for e-mail */
                        subject?: string | null;
                        /** @description Liquid */
                        body: string;
                        /** @default true */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            key: string;
                            /** @enum {string} */
                            channel: "email" | "sms" | "in_app" | "chat";
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            subject: string | null;
                            body: string;
                            version: number;
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A notification template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            key: string;
                            /** @enum {string} */
                            channel: "email" | "sms" | "in_app" | "chat";
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            subject: string | null;
                            body: string;
                            version: number;
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a template’s subject, body or active flag; each change is a new version */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject?: string | null;
                        body?: string;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            key: string;
                            /** @enum {string} */
                            channel: "email" | "sms" | "in_app" | "chat";
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            subject: string | null;
                            body: string;
                            version: number;
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/notification-templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a template (the stored one, or a draft subject/body) with the given variables; 422 names the field with bad Liquid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        /** @enum {string} */
                        channel: "email" | "sms" | "in_app" | "chat";
                        /** @enum {string} */
                        locale: "zh-CN" | "en";
                        /** @default {} */
                        variables?: {
                            [key: string]: unknown;
                        };
                        /** @description Render this draft subject instead of the stored one */
                        subject?: string | null;
                        /** @description Render this draft body instead of the stored one */
                        body?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subject: string | null;
                            body: string;
                            templateId: number | null;
                            version: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notification deliveries, newest first: what was sent to whom (a customer, a staff user or a team’s chat), its status, attempts and last error */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    customerId?: number;
                    userId?: number;
                    team?: string;
                    status?: "queued" | "sent" | "failed" | "skipped_opt_out" | "skipped_no_recipient";
                    entityType?: string;
                    entityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description the customer it goes to; null for a notice to staff */
                                customerId: number | null;
                                /** @description the staff user it goes to (e-mail or in-app) */
                                userId: number | null;
                                /** @description the team whose group chat it goes to */
                                team: string | null;
                                templateId: number;
                                templateKey: string;
                                templateVersion: number;
                                /** @enum {string} */
                                channel: "email" | "sms" | "in_app" | "chat";
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                /** @description the e-mail address, phone or chat id it went to; null for in-app and team chat */
                                recipient: string | null;
                                subject: string | null;
                                body: string;
                                /** @enum {string} */
                                status: "queued" | "sent" | "failed" | "skipped_opt_out" | "skipped_no_recipient";
                                attempts: number;
                                lastError: string | null;
                                nextAttemptAt: string;
                                entityType: string | null;
                                entityId: string | null;
                                createdAt: string;
                                sentAt: string | null;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification delivery */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description the customer it goes to; null for a notice to staff */
                            customerId: number | null;
                            /** @description the staff user it goes to (e-mail or in-app) */
                            userId: number | null;
                            /** @description the team whose group chat it goes to */
                            team: string | null;
                            templateId: number;
                            templateKey: string;
                            templateVersion: number;
                            /** @enum {string} */
                            channel: "email" | "sms" | "in_app" | "chat";
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            /** @description the e-mail address, phone or chat id it went to; null for in-app and team chat */
                            recipient: string | null;
                            subject: string | null;
                            body: string;
                            /** @enum {string} */
                            status: "queued" | "sent" | "failed" | "skipped_opt_out" | "skipped_no_recipient";
                            attempts: number;
                            lastError: string | null;
                            nextAttemptAt: string;
                            entityType: string | null;
                            entityId: string | null;
                            createdAt: string;
                            sentAt: string | null;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channels a customer has opted out of */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId: number;
                            /** @description Channels the customer receives nothing on */
                            optedOut: ("email" | "sms" | "in_app" | "chat")[];
                        };
                    };
                };
            };
        };
        /** Set the channels a customer has opted out of (the whole list) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        optedOut: ("email" | "sms" | "in_app" | "chat")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId: number;
                            /** @description Channels the customer receives nothing on */
                            optedOut: ("email" | "sms" | "in_app" | "chat")[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a photo, signature or PDF (the raw file as the body, with its Content-Type); returns the id to reference it by */
        post: {
            parameters: {
                query?: {
                    /** @description The file name to keep with it */
                    filename?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            contentType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
                            size: number;
                            sha256: string;
                            filename: string | null;
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is known of an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            contentType: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
                            size: number;
                            sha256: string;
                            filename: string | null;
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file itself */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Teams with their members */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                code: string;
                                nameZh: string;
                                nameEn: string;
                                /** @description whether the team has a group-chat robot; its URL (which holds the robot key) is never shown */
                                chatWebhookConfigured: boolean;
                                /** @enum {string} */
                                chatFormat: "wecom" | "dingtalk" | "feishu" | "generic";
                                members: {
                                    userId: number;
                                    name: string;
                                    email: string;
                                    addedAt: string;
                                }[];
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a team (code, names in zh-CN and en, optional group-chat robot URL and its message format) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        nameZh: string;
                        nameEn: string;
                        chatWebhookUrl?: string | null;
                        /**
                         * @default generic
                         * @enum {string}
                         */
                        chatFormat?: "wecom" | "dingtalk" | "feishu" | "generic";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            nameZh: string;
                            nameEn: string;
                            /** @description whether the team has a group-chat robot; its URL (which holds the robot key) is never shown */
                            chatWebhookConfigured: boolean;
                            /** @enum {string} */
                            chatFormat: "wecom" | "dingtalk" | "feishu" | "generic";
                            members: {
                                userId: number;
                                name: string;
                                email: string;
                                addedAt: string;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team with its members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            nameZh: string;
                            nameEn: string;
                            /** @description whether the team has a group-chat robot; its URL (which holds the robot key) is never shown */
                            chatWebhookConfigured: boolean;
                            /** @enum {string} */
                            chatFormat: "wecom" | "dingtalk" | "feishu" | "generic";
                            members: {
                                userId: number;
                                name: string;
                                email: string;
                                addedAt: string;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a team’s names or its group chat (null removes the robot URL) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh?: string;
                        nameEn?: string;
                        chatWebhookUrl?: string | null;
                        /** @enum {string} */
                        chatFormat?: "wecom" | "dingtalk" | "feishu" | "generic";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            nameZh: string;
                            nameEn: string;
                            /** @description whether the team has a group-chat robot; its URL (which holds the robot key) is never shown */
                            chatWebhookConfigured: boolean;
                            /** @enum {string} */
                            chatFormat: "wecom" | "dingtalk" | "feishu" | "generic";
                            members: {
                                userId: number;
                                name: string;
                                email: string;
                                addedAt: string;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/teams/{code}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a user to the team (one already in it is no change); 422 names userId when the user does not exist or is deactivated */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            nameZh: string;
                            nameEn: string;
                            /** @description whether the team has a group-chat robot; its URL (which holds the robot key) is never shown */
                            chatWebhookConfigured: boolean;
                            /** @enum {string} */
                            chatFormat: "wecom" | "dingtalk" | "feishu" | "generic";
                            members: {
                                userId: number;
                                name: string;
                                email: string;
                                addedAt: string;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{code}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user from the team */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                    userId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            nameZh: string;
                            nameEn: string;
                            /** @description whether the team has a group-chat robot; its URL (which holds the robot key) is never shown */
                            chatWebhookConfigured: boolean;
                            /** @enum {string} */
                            chatFormat: "wecom" | "dingtalk" | "feishu" | "generic";
                            members: {
                                userId: number;
                                name: string;
                                email: string;
                                addedAt: string;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks in queue order: earliest due first (none last), then most urgent; filter by team, assignee, my queue, status, entity, customer, overdue */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    team?: string;
                    assigneeId?: number;
                    /** @description my queue: assigned to me, or to one of my teams and to nobody */
                    mine?: "true" | "false";
                    status?: "open" | "in_progress" | "done" | "cancelled";
                    entityType?: string;
                    entityId?: string;
                    customerId?: number;
                    overdue?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                title: string;
                                description: string | null;
                                entityType: string | null;
                                entityId: string | null;
                                customerId: number | null;
                                team: string | null;
                                assigneeId: number | null;
                                dueAt: string | null;
                                /** @enum {string} */
                                priority: "low" | "normal" | "high" | "urgent";
                                /** @enum {string} */
                                status: "open" | "in_progress" | "done" | "cancelled";
                                source: string;
                                dedupeKey: string | null;
                                /** @description still open or in progress after its due time */
                                overdue: boolean;
                                createdBy: string;
                                updatedBy: string;
                                createdAt: string;
                                updatedAt: string;
                                closedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a task for a team and/or a user; with a dedupeKey an open task holds, that task is returned instead */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        description?: string;
                        entityType?: string;
                        entityId?: string;
                        customerId?: number;
                        team?: string;
                        assigneeId?: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 with a time zone, e.g. 2026-11-24T09:00:00+08:00
                         */
                        dueAt?: string;
                        /**
                         * @default normal
                         * @enum {string}
                         */
                        priority?: "low" | "normal" | "high" | "urgent";
                        /**
                         * @description `user`, or `rule:<id>` for the rules engine
                         * @default user
                         */
                        source?: string;
                        /** @description while a task with this key is open, creating another returns it instead */
                        dedupeKey?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            title: string;
                            description: string | null;
                            entityType: string | null;
                            entityId: string | null;
                            customerId: number | null;
                            team: string | null;
                            assigneeId: number | null;
                            dueAt: string | null;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            status: "open" | "in_progress" | "done" | "cancelled";
                            source: string;
                            dedupeKey: string | null;
                            /** @description still open or in progress after its due time */
                            overdue: boolean;
                            createdBy: string;
                            updatedBy: string;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            title: string;
                            description: string | null;
                            entityType: string | null;
                            entityId: string | null;
                            customerId: number | null;
                            team: string | null;
                            assigneeId: number | null;
                            dueAt: string | null;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            status: "open" | "in_progress" | "done" | "cancelled";
                            source: string;
                            dedupeKey: string | null;
                            /** @description still open or in progress after its due time */
                            overdue: boolean;
                            createdBy: string;
                            updatedBy: string;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a task: status (open → in_progress → done | cancelled, reopen from done; 409 names the current state), team, assignee, due time, priority, title, description */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status?: "open" | "in_progress" | "done" | "cancelled";
                        team?: string | null;
                        assigneeId?: number | null;
                        dueAt?: string | null;
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        title?: string;
                        description?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            title: string;
                            description: string | null;
                            entityType: string | null;
                            entityId: string | null;
                            customerId: number | null;
                            team: string | null;
                            assigneeId: number | null;
                            dueAt: string | null;
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            status: "open" | "in_progress" | "done" | "cancelled";
                            source: string;
                            dedupeKey: string | null;
                            /** @description still open or in progress after its due time */
                            overdue: boolean;
                            createdBy: string;
                            updatedBy: string;
                            createdAt: string;
                            updatedAt: string;
                            closedAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tasks/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task’s comments, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                taskId: number;
                                body: string;
                                author: string;
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Comment on a task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            taskId: number;
                            body: string;
                            author: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rules, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    enabled?: "true" | "false";
                    trigger?: "event" | "timer" | "date";
                    /** @description Rules started by this exact event type */
                    event?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                key: string | null;
                                name: string;
                                description: string | null;
                                enabled: boolean;
                                builtin: boolean;
                                version: number;
                                trigger: {
                                    /** @enum {string} */
                                    type: "event";
                                    events: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "timer";
                                    start: string[];
                                    after: {
                                        seconds?: number;
                                        minutes?: number;
                                        hours?: number;
                                        days?: number;
                                    };
                                    /** @default [] */
                                    unless: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "date";
                                    entityType: string;
                                    field: string;
                                    /** @default {} */
                                    offset: {
                                        minutes?: number;
                                        hours?: number;
                                        days?: number;
                                    };
                                    /** @default false */
                                    before: boolean;
                                    /** @default [] */
                                    unless: string[];
                                };
                                condition: unknown;
                                actions: ({
                                    /** @enum {string} */
                                    type: "notify_customer";
                                    template: string;
                                    channels: ("email" | "sms" | "chat" | "in_app")[];
                                } | {
                                    /** @enum {string} */
                                    type: "notify_team";
                                    team: string;
                                    template: string;
                                    /**
                                     * @default email
                                     * @enum {string}
                                     */
                                    channel: "email" | "sms" | "chat" | "in_app";
                                } | {
                                    /** @enum {string} */
                                    type: "create_task";
                                    title: string;
                                    description?: string;
                                    team?: string;
                                    assigneeId?: number;
                                    dueIn?: {
                                        seconds?: number;
                                        minutes?: number;
                                        hours?: number;
                                        days?: number;
                                    };
                                    /**
                                     * @default normal
                                     * @enum {string}
                                     */
                                    priority: "low" | "normal" | "high" | "urgent";
                                } | {
                                    /** @enum {string} */
                                    type: "add_customer_tag";
                                    tag: string;
                                } | {
                                    /** @enum {string} */
                                    type: "remove_customer_tag";
                                    tag: string;
                                } | {
                                    /** @enum {string} */
                                    type: "hold_order";
                                    reason: string;
                                } | {
                                    /** @enum {string} */
                                    type: "set_order_priority";
                                    priority: number;
                                } | {
                                    /** @enum {string} */
                                    type: "call_webhook";
                                    webhookId: number;
                                } | {
                                    /** @enum {string} */
                                    type: "emit_event";
                                    event: string;
                                    /** @default {} */
                                    payload: {
                                        [key: string]: string;
                                    };
                                })[];
                                createdAt: string;
                                updatedAt: string;
                                updatedBy: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a rule: a trigger, an optional JSON Logic condition and actions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key?: string;
                        name: string;
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        trigger: {
                            /** @enum {string} */
                            type: "event";
                            events: string[];
                        } | {
                            /** @enum {string} */
                            type: "timer";
                            start: string[];
                            after: {
                                seconds?: number;
                                minutes?: number;
                                hours?: number;
                                days?: number;
                            };
                            /** @default [] */
                            unless?: string[];
                        } | {
                            /** @enum {string} */
                            type: "date";
                            entityType: string;
                            field: string;
                            /** @default {} */
                            offset?: {
                                minutes?: number;
                                hours?: number;
                                days?: number;
                            };
                            /** @default false */
                            before?: boolean;
                            /** @default [] */
                            unless?: string[];
                        };
                        /** @description JSON Logic over { event, entity, order, customer, product }; null means always */
                        condition?: unknown;
                        actions: ({
                            /** @enum {string} */
                            type: "notify_customer";
                            template: string;
                            channels: ("email" | "sms" | "chat" | "in_app")[];
                        } | {
                            /** @enum {string} */
                            type: "notify_team";
                            team: string;
                            template: string;
                            /**
                             * @default email
                             * @enum {string}
                             */
                            channel?: "email" | "sms" | "chat" | "in_app";
                        } | {
                            /** @enum {string} */
                            type: "create_task";
                            title: string;
                            description?: string;
                            team?: string;
                            assigneeId?: number;
                            dueIn?: {
                                seconds?: number;
                                minutes?: number;
                                hours?: number;
                                days?: number;
                            };
                            /**
                             * @default normal
                             * @enum {string}
                             */
                            priority?: "low" | "normal" | "high" | "urgent";
                        } | {
                            /** @enum {string} */
                            type: "add_customer_tag";
                            tag: string;
                        } | {
                            /** @enum {string} */
                            type: "remove_customer_tag";
                            tag: string;
                        } | {
                            /** @enum {string} */
                            type: "hold_order";
                            reason: string;
                        } | {
                            /** @enum {string} */
                            type: "set_order_priority";
                            priority: number;
                        } | {
                            /** @enum {string} */
                            type: "call_webhook";
                            webhookId: number;
                        } | {
                            /** @enum {string} */
                            type: "emit_event";
                            event: string;
                            /** @default {} */
                            payload?: {
                                [key: string]: string;
                            };
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            key: string | null;
                            name: string;
                            description: string | null;
                            enabled: boolean;
                            builtin: boolean;
                            version: number;
                            trigger: {
                                /** @enum {string} */
                                type: "event";
                                events: string[];
                            } | {
                                /** @enum {string} */
                                type: "timer";
                                start: string[];
                                after: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default [] */
                                unless: string[];
                            } | {
                                /** @enum {string} */
                                type: "date";
                                entityType: string;
                                field: string;
                                /** @default {} */
                                offset: {
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default false */
                                before: boolean;
                                /** @default [] */
                                unless: string[];
                            };
                            condition: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "notify_customer";
                                template: string;
                                channels: ("email" | "sms" | "chat" | "in_app")[];
                            } | {
                                /** @enum {string} */
                                type: "notify_team";
                                team: string;
                                template: string;
                                /**
                                 * @default email
                                 * @enum {string}
                                 */
                                channel: "email" | "sms" | "chat" | "in_app";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                description?: string;
                                team?: string;
                                assigneeId?: number;
                                dueIn?: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /**
                                 * @default normal
                                 * @enum {string}
                                 */
                                priority: "low" | "normal" | "high" | "urgent";
                            } | {
                                /** @enum {string} */
                                type: "add_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "hold_order";
                                reason: string;
                            } | {
                                /** @enum {string} */
                                type: "set_order_priority";
                                priority: number;
                            } | {
                                /** @enum {string} */
                                type: "call_webhook";
                                webhookId: number;
                            } | {
                                /** @enum {string} */
                                type: "emit_event";
                                event: string;
                                /** @default {} */
                                payload: {
                                    [key: string]: string;
                                };
                            })[];
                            createdAt: string;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule, as it is now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            key: string | null;
                            name: string;
                            description: string | null;
                            enabled: boolean;
                            builtin: boolean;
                            version: number;
                            trigger: {
                                /** @enum {string} */
                                type: "event";
                                events: string[];
                            } | {
                                /** @enum {string} */
                                type: "timer";
                                start: string[];
                                after: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default [] */
                                unless: string[];
                            } | {
                                /** @enum {string} */
                                type: "date";
                                entityType: string;
                                field: string;
                                /** @default {} */
                                offset: {
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default false */
                                before: boolean;
                                /** @default [] */
                                unless: string[];
                            };
                            condition: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "notify_customer";
                                template: string;
                                channels: ("email" | "sms" | "chat" | "in_app")[];
                            } | {
                                /** @enum {string} */
                                type: "notify_team";
                                team: string;
                                template: string;
                                /**
                                 * @default email
                                 * @enum {string}
                                 */
                                channel: "email" | "sms" | "chat" | "in_app";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                description?: string;
                                team?: string;
                                assigneeId?: number;
                                dueIn?: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /**
                                 * @default normal
                                 * @enum {string}
                                 */
                                priority: "low" | "normal" | "high" | "urgent";
                            } | {
                                /** @enum {string} */
                                type: "add_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "hold_order";
                                reason: string;
                            } | {
                                /** @enum {string} */
                                type: "set_order_priority";
                                priority: number;
                            } | {
                                /** @enum {string} */
                                type: "call_webhook";
                                webhookId: number;
                            } | {
                                /** @enum {string} */
                                type: "emit_event";
                                event: string;
                                /** @default {} */
                                payload: {
                                    [key: string]: string;
                                };
                            })[];
                            createdAt: string;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a rule (built-in rules are disabled instead) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a rule (a new version); with If-Match: <version>, only if nobody changed it since */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string | null;
                        enabled?: boolean;
                        trigger?: {
                            /** @enum {string} */
                            type: "event";
                            events: string[];
                        } | {
                            /** @enum {string} */
                            type: "timer";
                            start: string[];
                            after: {
                                seconds?: number;
                                minutes?: number;
                                hours?: number;
                                days?: number;
                            };
                            /** @default [] */
                            unless?: string[];
                        } | {
                            /** @enum {string} */
                            type: "date";
                            entityType: string;
                            field: string;
                            /** @default {} */
                            offset?: {
                                minutes?: number;
                                hours?: number;
                                days?: number;
                            };
                            /** @default false */
                            before?: boolean;
                            /** @default [] */
                            unless?: string[];
                        };
                        /** @description JSON Logic over { event, entity, order, customer, product }; null means always */
                        condition?: unknown;
                        actions?: ({
                            /** @enum {string} */
                            type: "notify_customer";
                            template: string;
                            channels: ("email" | "sms" | "chat" | "in_app")[];
                        } | {
                            /** @enum {string} */
                            type: "notify_team";
                            team: string;
                            template: string;
                            /**
                             * @default email
                             * @enum {string}
                             */
                            channel?: "email" | "sms" | "chat" | "in_app";
                        } | {
                            /** @enum {string} */
                            type: "create_task";
                            title: string;
                            description?: string;
                            team?: string;
                            assigneeId?: number;
                            dueIn?: {
                                seconds?: number;
                                minutes?: number;
                                hours?: number;
                                days?: number;
                            };
                            /**
                             * @default normal
                             * @enum {string}
                             */
                            priority?: "low" | "normal" | "high" | "urgent";
                        } | {
                            /** @enum {string} */
                            type: "add_customer_tag";
                            tag: string;
                        } | {
                            /** @enum {string} */
                            type: "remove_customer_tag";
                            tag: string;
                        } | {
                            /** @enum {string} */
                            type: "hold_order";
                            reason: string;
                        } | {
                            /** @enum {string} */
                            type: "set_order_priority";
                            priority: number;
                        } | {
                            /** @enum {string} */
                            type: "call_webhook";
                            webhookId: number;
                        } | {
                            /** @enum {string} */
                            type: "emit_event";
                            event: string;
                            /** @default {} */
                            payload?: {
                                [key: string]: string;
                            };
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            key: string | null;
                            name: string;
                            description: string | null;
                            enabled: boolean;
                            builtin: boolean;
                            version: number;
                            trigger: {
                                /** @enum {string} */
                                type: "event";
                                events: string[];
                            } | {
                                /** @enum {string} */
                                type: "timer";
                                start: string[];
                                after: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default [] */
                                unless: string[];
                            } | {
                                /** @enum {string} */
                                type: "date";
                                entityType: string;
                                field: string;
                                /** @default {} */
                                offset: {
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default false */
                                before: boolean;
                                /** @default [] */
                                unless: string[];
                            };
                            condition: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "notify_customer";
                                template: string;
                                channels: ("email" | "sms" | "chat" | "in_app")[];
                            } | {
                                /** @enum {string} */
                                type: "notify_team";
                                team: string;
                                template: string;
                                /**
                                 * @default email
                                 * @enum {string}
                                 */
                                channel: "email" | "sms" | "chat" | "in_app";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                description?: string;
                                team?: string;
                                assigneeId?: number;
                                dueIn?: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /**
                                 * @default normal
                                 * @enum {string}
                                 */
                                priority: "low" | "normal" | "high" | "urgent";
                            } | {
                                /** @enum {string} */
                                type: "add_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "hold_order";
                                reason: string;
                            } | {
                                /** @enum {string} */
                                type: "set_order_priority";
                                priority: number;
                            } | {
                                /** @enum {string} */
                                type: "call_webhook";
                                webhookId: number;
                            } | {
                                /** @enum {string} */
                                type: "emit_event";
                                event: string;
                                /** @default {} */
                                payload: {
                                    [key: string]: string;
                                };
                            })[];
                            createdAt: string;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/rules/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the rule, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                ruleId: number;
                                version: number;
                                name: string;
                                description: string | null;
                                enabled: boolean;
                                trigger: {
                                    /** @enum {string} */
                                    type: "event";
                                    events: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "timer";
                                    start: string[];
                                    after: {
                                        seconds?: number;
                                        minutes?: number;
                                        hours?: number;
                                        days?: number;
                                    };
                                    /** @default [] */
                                    unless: string[];
                                } | {
                                    /** @enum {string} */
                                    type: "date";
                                    entityType: string;
                                    field: string;
                                    /** @default {} */
                                    offset: {
                                        minutes?: number;
                                        hours?: number;
                                        days?: number;
                                    };
                                    /** @default false */
                                    before: boolean;
                                    /** @default [] */
                                    unless: string[];
                                };
                                condition: unknown;
                                actions: ({
                                    /** @enum {string} */
                                    type: "notify_customer";
                                    template: string;
                                    channels: ("email" | "sms" | "chat" | "in_app")[];
                                } | {
                                    /** @enum {string} */
                                    type: "notify_team";
                                    team: string;
                                    template: string;
                                    /**
                                     * @default email
                                     * @enum {string}
                                     */
                                    channel: "email" | "sms" | "chat" | "in_app";
                                } | {
                                    /** @enum {string} */
                                    type: "create_task";
                                    title: string;
                                    description?: string;
                                    team?: string;
                                    assigneeId?: number;
                                    dueIn?: {
                                        seconds?: number;
                                        minutes?: number;
                                        hours?: number;
                                        days?: number;
                                    };
                                    /**
                                     * @default normal
                                     * @enum {string}
                                     */
                                    priority: "low" | "normal" | "high" | "urgent";
                                } | {
                                    /** @enum {string} */
                                    type: "add_customer_tag";
                                    tag: string;
                                } | {
                                    /** @enum {string} */
                                    type: "remove_customer_tag";
                                    tag: string;
                                } | {
                                    /** @enum {string} */
                                    type: "hold_order";
                                    reason: string;
                                } | {
                                    /** @enum {string} */
                                    type: "set_order_priority";
                                    priority: number;
                                } | {
                                    /** @enum {string} */
                                    type: "call_webhook";
                                    webhookId: number;
                                } | {
                                    /** @enum {string} */
                                    type: "emit_event";
                                    event: string;
                                    /** @default {} */
                                    payload: {
                                        [key: string]: string;
                                    };
                                })[];
                                changedBy: string;
                                changedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an earlier version current again (as a new version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            key: string | null;
                            name: string;
                            description: string | null;
                            enabled: boolean;
                            builtin: boolean;
                            version: number;
                            trigger: {
                                /** @enum {string} */
                                type: "event";
                                events: string[];
                            } | {
                                /** @enum {string} */
                                type: "timer";
                                start: string[];
                                after: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default [] */
                                unless: string[];
                            } | {
                                /** @enum {string} */
                                type: "date";
                                entityType: string;
                                field: string;
                                /** @default {} */
                                offset: {
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default false */
                                before: boolean;
                                /** @default [] */
                                unless: string[];
                            };
                            condition: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "notify_customer";
                                template: string;
                                channels: ("email" | "sms" | "chat" | "in_app")[];
                            } | {
                                /** @enum {string} */
                                type: "notify_team";
                                team: string;
                                template: string;
                                /**
                                 * @default email
                                 * @enum {string}
                                 */
                                channel: "email" | "sms" | "chat" | "in_app";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                description?: string;
                                team?: string;
                                assigneeId?: number;
                                dueIn?: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /**
                                 * @default normal
                                 * @enum {string}
                                 */
                                priority: "low" | "normal" | "high" | "urgent";
                            } | {
                                /** @enum {string} */
                                type: "add_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "hold_order";
                                reason: string;
                            } | {
                                /** @enum {string} */
                                type: "set_order_priority";
                                priority: number;
                            } | {
                                /** @enum {string} */
                                type: "call_webhook";
                                webhookId: number;
                            } | {
                                /** @enum {string} */
                                type: "emit_event";
                                event: string;
                                /** @default {} */
                                payload: {
                                    [key: string]: string;
                                };
                            })[];
                            createdAt: string;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the rule against recent events without acting: what would it have done? */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description How many recent triggering events to test against
                         * @default 50
                         */
                        limit?: number;
                        /**
                         * Format: date-time
                         * @description Only events at or after this time
                         */
                        since?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                eventId: number;
                                eventType: string;
                                entityType: string;
                                entityId: string;
                                occurredAt: string;
                                /** @description Timers: the event that stopped the clock in time */
                                stoppedBy: number | null;
                                dueAt: string | null;
                                matched: boolean;
                                error: string | null;
                                actions: {
                                    type: string;
                                    /** @enum {string} */
                                    status: "done" | "skipped" | "failed" | "would_run";
                                    detail?: string;
                                    result?: {
                                        [key: string]: unknown;
                                    };
                                }[];
                            }[];
                            matched: number;
                            tested: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test a rule before saving it: the same answer as a saved rule’s dry run */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description How many recent triggering events to test against
                         * @default 50
                         */
                        limit?: number;
                        /**
                         * Format: date-time
                         * @description Only events at or after this time
                         */
                        since?: string;
                        rule: {
                            key?: string;
                            name: string;
                            description?: string;
                            /** @default true */
                            enabled?: boolean;
                            trigger: {
                                /** @enum {string} */
                                type: "event";
                                events: string[];
                            } | {
                                /** @enum {string} */
                                type: "timer";
                                start: string[];
                                after: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default [] */
                                unless?: string[];
                            } | {
                                /** @enum {string} */
                                type: "date";
                                entityType: string;
                                field: string;
                                /** @default {} */
                                offset?: {
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /** @default false */
                                before?: boolean;
                                /** @default [] */
                                unless?: string[];
                            };
                            /** @description JSON Logic over { event, entity, order, customer, product }; null means always */
                            condition?: unknown;
                            actions: ({
                                /** @enum {string} */
                                type: "notify_customer";
                                template: string;
                                channels: ("email" | "sms" | "chat" | "in_app")[];
                            } | {
                                /** @enum {string} */
                                type: "notify_team";
                                team: string;
                                template: string;
                                /**
                                 * @default email
                                 * @enum {string}
                                 */
                                channel?: "email" | "sms" | "chat" | "in_app";
                            } | {
                                /** @enum {string} */
                                type: "create_task";
                                title: string;
                                description?: string;
                                team?: string;
                                assigneeId?: number;
                                dueIn?: {
                                    seconds?: number;
                                    minutes?: number;
                                    hours?: number;
                                    days?: number;
                                };
                                /**
                                 * @default normal
                                 * @enum {string}
                                 */
                                priority?: "low" | "normal" | "high" | "urgent";
                            } | {
                                /** @enum {string} */
                                type: "add_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "remove_customer_tag";
                                tag: string;
                            } | {
                                /** @enum {string} */
                                type: "hold_order";
                                reason: string;
                            } | {
                                /** @enum {string} */
                                type: "set_order_priority";
                                priority: number;
                            } | {
                                /** @enum {string} */
                                type: "call_webhook";
                                webhookId: number;
                            } | {
                                /** @enum {string} */
                                type: "emit_event";
                                event: string;
                                /** @default {} */
                                payload?: {
                                    [key: string]: string;
                                };
                            })[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                eventId: number;
                                eventType: string;
                                entityType: string;
                                entityId: string;
                                occurredAt: string;
                                /** @description Timers: the event that stopped the clock in time */
                                stoppedBy: number | null;
                                dueAt: string | null;
                                matched: boolean;
                                error: string | null;
                                actions: {
                                    type: string;
                                    /** @enum {string} */
                                    status: "done" | "skipped" | "failed" | "would_run";
                                    detail?: string;
                                    result?: {
                                        [key: string]: unknown;
                                    };
                                }[];
                            }[];
                            matched: number;
                            tested: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule's runs, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    eventId?: number;
                    outcome?: "succeeded" | "failed" | "not_matched";
                    entityType?: string;
                    entityId?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                ruleId: number;
                                version: number;
                                eventId: number;
                                timerId: number | null;
                                matched: boolean;
                                /** @enum {string} */
                                outcome: "succeeded" | "failed" | "not_matched";
                                actions: {
                                    type: string;
                                    /** @enum {string} */
                                    status: "done" | "skipped" | "failed" | "would_run";
                                    detail?: string;
                                    result?: {
                                        [key: string]: unknown;
                                    };
                                }[];
                                error: string | null;
                                entityType: string;
                                entityId: string;
                                ranAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every rule run, newest first: which rule, which event, whether it matched, what each action did */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    eventId?: number;
                    outcome?: "succeeded" | "failed" | "not_matched";
                    entityType?: string;
                    entityId?: string;
                    ruleId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                ruleId: number;
                                version: number;
                                eventId: number;
                                timerId: number | null;
                                matched: boolean;
                                /** @enum {string} */
                                outcome: "succeeded" | "failed" | "not_matched";
                                actions: {
                                    type: string;
                                    /** @enum {string} */
                                    status: "done" | "skipped" | "failed" | "would_run";
                                    detail?: string;
                                    result?: {
                                        [key: string]: unknown;
                                    };
                                }[];
                                error: string | null;
                                entityType: string;
                                entityId: string;
                                ranAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-timers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Timers rules have armed: pending, fired or cancelled (and by which event) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    ruleId?: number;
                    status?: "pending" | "fired" | "cancelled";
                    entityType?: string;
                    entityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                ruleId: number;
                                entityType: string;
                                entityId: string;
                                startEventId: number;
                                dueAt: string;
                                /** @enum {string} */
                                status: "pending" | "fired" | "cancelled";
                                cancelledBy: number | null;
                                firedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Return requests, newest first; q is an RMA or order number */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description One status or several, comma-separated */
                    status?: string;
                    type?: "return" | "exchange" | "repair" | "compensation";
                    customerId?: number;
                    orderId?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                rmaNumber: string | null;
                                /** @enum {string} */
                                type: "return" | "exchange" | "repair" | "compensation";
                                advanceExchange: boolean;
                                /** @enum {string} */
                                status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                                orderId: number;
                                orderNumber: string;
                                customerId: number;
                                warehouseId: number;
                                currency: string;
                                reasonCode: string;
                                description: string | null;
                                photoIds: number[];
                                /** @description Photos of the parcel taken when it was received */
                                receiptPhotoIds: number[];
                                /** @enum {string} */
                                source: "staff" | "portal";
                                value: number;
                                withinWindow: boolean;
                                approvalsRequired: number;
                                firstApprovedBy: string | null;
                                firstApprovedAt: string | null;
                                approvedBy: string | null;
                                approvedAt: string | null;
                                rejectedBy: string | null;
                                rejectedAt: string | null;
                                rejectReason: string | null;
                                instructions: {
                                    en: string;
                                    zh: string;
                                    address: string;
                                    rmaNumber: string;
                                } | null;
                                replacementLines: {
                                    sku: string;
                                    quantity: number;
                                }[] | null;
                                replacementOrderId: number | null;
                                receiptLocationId: number | null;
                                stockOwnerId: number;
                                requestedAmount: number | null;
                                returnCarrier: string | null;
                                returnTracking: string | null;
                                resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                                receivedAt: string | null;
                                inspectedAt: string | null;
                                disposedAt: string | null;
                                resolvedAt: string | null;
                                createdBy: string;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ask for a return, exchange, repair or compensation on an order's shipped lines (customer service). Approved at once when the rules allow (value at most the auto-approval threshold, within the window); staff may accept requests outside the window, which then need approval. Accepts Idempotency-Key. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orderId: number;
                        /** @enum {string} */
                        type: "return" | "exchange" | "repair" | "compensation";
                        reasonCode: string;
                        description?: string;
                        /** @description Attachment ids (POST /api/v1/attachments) */
                        photoIds?: number[];
                        lines: {
                            sku: string;
                            quantity: number;
                        }[];
                        /** @description Exchange: what the customer gets instead (default: the same SKUs and quantities) */
                        replacementLines?: {
                            sku: string;
                            quantity: number;
                        }[];
                        /** @description Compensation: the amount asked for, at most what was paid for the lines */
                        requestedAmount?: number;
                        /**
                         * @description Exchange: ship the replacement at approval, before the return arrives
                         * @default false
                         */
                        advanceExchange?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request a scanned code names: an RMA number, or an order number with exactly one approved return waiting (receiving starts here) */
        get: {
            parameters: {
                query: {
                    code: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request with its lines, discrepancies, inspections, dispositions and refunds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request's timeline, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                type: string;
                                entityType: string;
                                entityId: string;
                                customerId: number | null;
                                actor: string;
                                payload: {
                                    [key: string]: unknown;
                                };
                                occurredAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a request that is not yet approved, with the reason the customer is told */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a request before its goods arrive; its quantities may be asked for again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the next inspection level of received lines: grades (A, B, C, scrap) adding up to the received quantity, the category's checklist, photos and a note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            returnLineId: number;
                            /** @description How many received units got each grade; they add up to the received quantity */
                            grades: {
                                A?: number;
                                B?: number;
                                C?: number;
                                scrap?: number;
                            };
                            checklist: {
                                item: string;
                                passed: boolean;
                                note?: string;
                            }[];
                            /** @description Attachment ids (POST /api/v1/attachments) */
                            photoIds?: number[];
                            note?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Refunds and compensations, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "pending" | "approved" | "paid";
                    returnId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A refund */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            returnId: number;
                            /** @enum {string} */
                            kind: "refund" | "compensation";
                            orderId: number;
                            customerId: number;
                            amount: number;
                            currency: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid";
                            approvedBy: string | null;
                            approvedAt: string | null;
                            paidAt: string | null;
                            paymentReference: string | null;
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** pending → approved (refund.approved tells the payment system to pay) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            returnId: number;
                            /** @enum {string} */
                            kind: "refund" | "compensation";
                            orderId: number;
                            customerId: number;
                            amount: number;
                            currency: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid";
                            approvedBy: string | null;
                            approvedAt: string | null;
                            paidAt: string | null;
                            paymentReference: string | null;
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** approved → paid, with the payment reference */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        paymentReference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            returnId: number;
                            /** @enum {string} */
                            kind: "refund" | "compensation";
                            orderId: number;
                            customerId: number;
                            amount: number;
                            currency: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid";
                            approvedBy: string | null;
                            approvedAt: string | null;
                            paidAt: string | null;
                            paymentReference: string | null;
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reason codes with their zh-CN and en labels */
        get: {
            parameters: {
                query?: {
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                labelEn: string;
                                labelZh: string;
                                active: boolean;
                                sortOrder: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a reason code. Accepts Idempotency-Key. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        labelEn: string;
                        labelZh: string;
                        /** @default true */
                        active?: boolean;
                        /** @default 100 */
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                            active: boolean;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/reasons/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reason code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                            active: boolean;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a reason code no request uses (409 otherwise: deactivate it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change labels, order or activate / deactivate a reason code */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        labelEn?: string;
                        labelZh?: string;
                        /** @default true */
                        active?: boolean;
                        /** @default 100 */
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            labelEn: string;
                            labelZh: string;
                            active: boolean;
                            sortOrder: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/returns/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Return policies per category (* = default): returnable, return and repair windows in days */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                category: string;
                                returnable: boolean;
                                returnWindowDays: number;
                                repairWindowDays: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/policies/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the policy of a category */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A product category, or * for every other category */
                    category: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        returnable: boolean;
                        returnWindowDays: number;
                        repairWindowDays: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            returnable: boolean;
                            returnWindowDays: number;
                            repairWindowDays: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a category's policy (it then follows *) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A product category, or * for every other category */
                    category: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/checklists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspection checklists per category (* = default) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                category: string;
                                items: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/checklists/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the inspection checklist of a category */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A product category, or * for every other category */
                    category: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            items: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approval thresholds, resolution promise, inspection levels and grade → disposition */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            autoApproveMaxValue: number;
                            secondApprovalMinValue: number;
                            promiseDays: number;
                            inspectionLevels: {
                                name: string;
                                minUnitValue: number;
                            }[];
                            gradeDispositions: {
                                /** @enum {string} */
                                A: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                /** @enum {string} */
                                B: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                /** @enum {string} */
                                C: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                /** @enum {string} */
                                scrap: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change approval thresholds, the promise in days, inspection levels or grade → disposition */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        autoApproveMaxValue?: number;
                        secondApprovalMinValue?: number;
                        promiseDays?: number;
                        inspectionLevels?: {
                            name: string;
                            minUnitValue: number;
                        }[];
                        gradeDispositions?: {
                            /** @enum {string} */
                            A?: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                            /** @enum {string} */
                            B?: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                            /** @enum {string} */
                            C?: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                            /** @enum {string} */
                            scrap?: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            autoApproveMaxValue: number;
                            secondApprovalMinValue: number;
                            promiseDays: number;
                            inspectionLevels: {
                                name: string;
                                minUnitValue: number;
                            }[];
                            gradeDispositions: {
                                /** @enum {string} */
                                A: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                /** @enum {string} */
                                B: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                /** @enum {string} */
                                C: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                /** @enum {string} */
                                scrap: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/portal/returns/{rmaOrId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow a request by its RMA number or id, with the order number and its phone or e-mail */
        get: {
            parameters: {
                query: {
                    orderNumber: string;
                    phone?: string;
                    email?: string;
                };
                header?: never;
                path: {
                    rmaOrId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            orderNumber: string;
                            reason: {
                                en: string;
                                zh: string;
                            };
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            rejectReason: string | null;
                            lines: {
                                sku: string;
                                name: string;
                                quantity: number;
                                receivedQuantity: number;
                            }[];
                            refunds: {
                                number: string;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                            }[];
                            replacementOrderId: number | null;
                            returnTracking: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/analytics/return-rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Return rate = units asked back (returns and exchanges not rejected or cancelled, by request date) ÷ units shipped (by ship date), grouped by period (day, week or month), SKU, category or supplier (the product's custom field `supplier`) */
        get: {
            parameters: {
                query?: {
                    /** @description Inclusive; default 30 days before `to` */
                    from?: string;
                    /** @description Exclusive; default now */
                    to?: string;
                    by?: "period" | "sku" | "category" | "supplier";
                    grain?: "day" | "week" | "month";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            by: string;
                            grain: string;
                            items: {
                                key: string;
                                shippedUnits: number;
                                returnedUnits: number;
                                rate: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For requests made in the range: counts by type, top reasons, grades, dispositions, average hours per stage, and the share resolved within the promised days */
        get: {
            parameters: {
                query?: {
                    /** @description Inclusive; default 30 days before `to` */
                    from?: string;
                    /** @description Exclusive; default now */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            requests: number;
                            byType: {
                                type: string;
                                requests: number;
                            }[];
                            topReasons: {
                                code: string;
                                labelEn: string;
                                labelZh: string;
                                requests: number;
                                units: number;
                            }[];
                            grades: {
                                grade: string;
                                units: number;
                            }[];
                            dispositions: {
                                disposition: string;
                                units: number;
                            }[];
                            stageHours: {
                                approval: number | null;
                                receipt: number | null;
                                inspection: number | null;
                                resolution: number | null;
                                total: number | null;
                            };
                            promise: {
                                promiseDays: number;
                                resolved: number;
                                resolvedWithinPromise: number;
                                share: number | null;
                                openOverdue: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check in one or more items for a customer (a walk-in by phone is found or created). Each item gets a code; the deposit gets a voucher code, returned here only (it is kept hashed; print its slip now: POST …/deposits/{id}/voucher.pdf), and the voucher notice of storage_deposit.checked_in carries it to the customer. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        warehouseId: number;
                        customerId?: number;
                        /** @description a walk-in: found by phone, created when absent */
                        customerPhone?: string;
                        customerName?: string;
                        /**
                         * @description the voucher's language; the customer's locale when absent
                         * @enum {string}
                         */
                        locale?: "zh-CN" | "en";
                        /** Format: date-time */
                        expectedPickupAt?: string;
                        items: {
                            /** @description luggage, consignment, 行李, …; compared in lower case */
                            category: string;
                            /** @enum {string} */
                            sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                            description: string;
                            /** @description minor units (fen / cents) */
                            declaredValue?: number;
                            /** @description attachment ids (POST /api/v1/attachments) */
                            photoIds?: number[];
                            customFields?: {
                                [key: string]: string;
                            };
                            /**
                             * Format: date-time
                             * @description defaults to the deposit's
                             */
                            expectedPickupAt?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            depositNumber: string;
                            /** @description the customer's voucher as ••••AB (its last 2 characters): it is shown once, when made, and kept only hashed */
                            voucherMasked: string;
                            /** @enum {string} */
                            status: "open" | "closed";
                            customer: {
                                id: number;
                                name: string;
                                phone: string | null;
                            };
                            warehouse: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            expectedPickupAt: string | null;
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            checkedInBy: string;
                            checkedInAt: string;
                            closedAt: string | null;
                            items: {
                                id: number;
                                code: string;
                                depositId: number;
                                depositNumber: string;
                                customerId: number;
                                warehouseId: number;
                                category: string;
                                /** @enum {string} */
                                sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                                description: string;
                                declaredValue: number | null;
                                photoIds: number[];
                                customFields: {
                                    [key: string]: string;
                                };
                                expectedPickupAt: string | null;
                                /** @enum {string} */
                                status: "checked_in" | "stored" | "checked_out";
                                location: {
                                    id: number;
                                    code: string;
                                } | null;
                                checkedInAt: string;
                                checkedOutAt: string | null;
                                fee: {
                                    /** @description minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description true once charged at check-out; otherwise the fee so far */
                                    settled: boolean;
                                };
                            }[];
                            /** @description fees so far of the items still stored, minor units */
                            feeDue: number;
                            /** @description fees settled at check-outs, minor units */
                            feeCharged: number;
                            voucherCode: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find deposits, newest first: q is a voucher code, deposit number or item code, or part of the customer phone or name */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    q?: string;
                    status?: "open" | "closed";
                    customerId?: number;
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                depositNumber: string;
                                /** @description the customer's voucher as ••••AB (its last 2 characters): it is shown once, when made, and kept only hashed */
                                voucherMasked: string;
                                /** @enum {string} */
                                status: "open" | "closed";
                                customer: {
                                    id: number;
                                    name: string;
                                    phone: string | null;
                                };
                                warehouse: {
                                    id: number;
                                    code: string;
                                    name: string;
                                };
                                expectedPickupAt: string | null;
                                /** @enum {string} */
                                locale: "zh-CN" | "en";
                                checkedInBy: string;
                                checkedInAt: string;
                                closedAt: string | null;
                                items: {
                                    id: number;
                                    code: string;
                                    depositId: number;
                                    depositNumber: string;
                                    customerId: number;
                                    warehouseId: number;
                                    category: string;
                                    /** @enum {string} */
                                    sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                                    description: string;
                                    declaredValue: number | null;
                                    photoIds: number[];
                                    customFields: {
                                        [key: string]: string;
                                    };
                                    expectedPickupAt: string | null;
                                    /** @enum {string} */
                                    status: "checked_in" | "stored" | "checked_out";
                                    location: {
                                        id: number;
                                        code: string;
                                    } | null;
                                    checkedInAt: string;
                                    checkedOutAt: string | null;
                                    fee: {
                                        /** @description minor units */
                                        amount: number;
                                        currency: string;
                                        /** @description true once charged at check-out; otherwise the fee so far */
                                        settled: boolean;
                                    };
                                }[];
                                /** @description fees so far of the items still stored, minor units */
                                feeDue: number;
                                /** @description fees settled at check-outs, minor units */
                                feeCharged: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/deposits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deposit with its items and the fee so far (feeDue) or settled */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            depositNumber: string;
                            /** @description the customer's voucher as ••••AB (its last 2 characters): it is shown once, when made, and kept only hashed */
                            voucherMasked: string;
                            /** @enum {string} */
                            status: "open" | "closed";
                            customer: {
                                id: number;
                                name: string;
                                phone: string | null;
                            };
                            warehouse: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            expectedPickupAt: string | null;
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            checkedInBy: string;
                            checkedInAt: string;
                            closedAt: string | null;
                            items: {
                                id: number;
                                code: string;
                                depositId: number;
                                depositNumber: string;
                                customerId: number;
                                warehouseId: number;
                                category: string;
                                /** @enum {string} */
                                sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                                description: string;
                                declaredValue: number | null;
                                photoIds: number[];
                                customFields: {
                                    [key: string]: string;
                                };
                                expectedPickupAt: string | null;
                                /** @enum {string} */
                                status: "checked_in" | "stored" | "checked_out";
                                location: {
                                    id: number;
                                    code: string;
                                } | null;
                                checkedInAt: string;
                                checkedOutAt: string | null;
                                fee: {
                                    /** @description minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description true once charged at check-out; otherwise the fee so far */
                                    settled: boolean;
                                };
                            }[];
                            /** @description fees so far of the items still stored, minor units */
                            feeDue: number;
                            /** @description fees settled at check-outs, minor units */
                            feeCharged: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item with its whole custody history, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the scanned item label, e.g. ST-7KQ2M9XD */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            depositId: number;
                            depositNumber: string;
                            customerId: number;
                            warehouseId: number;
                            category: string;
                            /** @enum {string} */
                            sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                            description: string;
                            declaredValue: number | null;
                            photoIds: number[];
                            customFields: {
                                [key: string]: string;
                            };
                            expectedPickupAt: string | null;
                            /** @enum {string} */
                            status: "checked_in" | "stored" | "checked_out";
                            location: {
                                id: number;
                                code: string;
                            } | null;
                            checkedInAt: string;
                            checkedOutAt: string | null;
                            fee: {
                                /** @description minor units */
                                amount: number;
                                currency: string;
                                /** @description true once charged at check-out; otherwise the fee so far */
                                settled: boolean;
                            };
                            history: {
                                id: number;
                                /** @enum {string} */
                                action: "checked_in" | "put_away" | "moved" | "counted" | "corrected" | "checked_out";
                                actor: string;
                                at: string;
                                warehouseId: number;
                                location: string | null;
                                fromLocation: string | null;
                                photoIds: number[];
                                reason: string | null;
                                countId: number | null;
                                handover: {
                                    id: number;
                                    receivedBy: string;
                                    signatureAttachmentId: number;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/items/{code}/put-away-recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Locations that can take the item, best first, by its size class and category and the locations' type, capacity and occupancy */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description the scanned item label, e.g. ST-7KQ2M9XD */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                locationId: number;
                                code: string;
                                capacity: number | null;
                                occupancy: number;
                                free: number | null;
                                score: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/items/{code}/put-away": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a checked-in item away at the scanned location (409 naming the state if it is not checked_in) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the scanned item label, e.g. ST-7KQ2M9XD */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the scanned location label */
                        locationCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            depositId: number;
                            depositNumber: string;
                            customerId: number;
                            warehouseId: number;
                            category: string;
                            /** @enum {string} */
                            sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                            description: string;
                            declaredValue: number | null;
                            photoIds: number[];
                            customFields: {
                                [key: string]: string;
                            };
                            expectedPickupAt: string | null;
                            /** @enum {string} */
                            status: "checked_in" | "stored" | "checked_out";
                            location: {
                                id: number;
                                code: string;
                            } | null;
                            checkedInAt: string;
                            checkedOutAt: string | null;
                            fee: {
                                /** @description minor units */
                                amount: number;
                                currency: string;
                                /** @description true once charged at check-out; otherwise the fee so far */
                                settled: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/items/{code}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a stored item to the scanned location */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the scanned item label, e.g. ST-7KQ2M9XD */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the scanned location label */
                        locationCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            depositId: number;
                            depositNumber: string;
                            customerId: number;
                            warehouseId: number;
                            category: string;
                            /** @enum {string} */
                            sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                            description: string;
                            declaredValue: number | null;
                            photoIds: number[];
                            customFields: {
                                [key: string]: string;
                            };
                            expectedPickupAt: string | null;
                            /** @enum {string} */
                            status: "checked_in" | "stored" | "checked_out";
                            location: {
                                id: number;
                                code: string;
                            } | null;
                            checkedInAt: string;
                            checkedOutAt: string | null;
                            fee: {
                                /** @description minor units */
                                amount: number;
                                currency: string;
                                /** @description true once charged at check-out; otherwise the fee so far */
                                settled: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/items/{code}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct where the books put an item (after a count found it elsewhere), with a reason; audited in its history and the event log */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the scanned item label, e.g. ST-7KQ2M9XD */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description where the item really is */
                        locationCode: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            code: string;
                            depositId: number;
                            depositNumber: string;
                            customerId: number;
                            warehouseId: number;
                            category: string;
                            /** @enum {string} */
                            sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                            description: string;
                            declaredValue: number | null;
                            photoIds: number[];
                            customFields: {
                                [key: string]: string;
                            };
                            expectedPickupAt: string | null;
                            /** @enum {string} */
                            status: "checked_in" | "stored" | "checked_out";
                            location: {
                                id: number;
                                code: string;
                            } | null;
                            checkedInAt: string;
                            checkedOutAt: string | null;
                            fee: {
                                /** @description minor units */
                                amount: number;
                                currency: string;
                                /** @description true once charged at check-out; otherwise the fee so far */
                                settled: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a count of a location from the item labels scanned there: missing, unexpected and misplaced items. The books don't change. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        warehouseId: number;
                        locationCode: string;
                        scannedCodes: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            warehouseId: number;
                            location: {
                                id: number;
                                code: string;
                            };
                            expected: number;
                            found: number;
                            missing: string[];
                            unexpected: string[];
                            misplaced: {
                                code: string;
                                recordedLocation: string | null;
                            }[];
                            countedBy: string;
                            countedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/counts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A recorded count */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            warehouseId: number;
                            location: {
                                id: number;
                                code: string;
                            };
                            expected: number;
                            found: number;
                            missing: string[];
                            unexpected: string[];
                            misplaced: {
                                code: string;
                                recordedLocation: string | null;
                            }[];
                            countedBy: string;
                            countedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/check-outs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand items over: the double scan (customer's voucher and each item's label) must match, the signature (PNG data URL or attachment id) is stored with the hand-over, fees are settled; partial pick-up is allowed. 422 on a mismatch, 409 for an item already checked out. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the scanned customer's voucher */
                        voucherCode: string;
                        /** @description the scanned item labels */
                        itemCodes: string[];
                        /** @description who collects (the customer or their agent) */
                        receivedBy: string;
                        signature: {
                            /** @description data:image/png;base64,… */
                            dataUrl?: string;
                            /** @description an image uploaded with POST /api/v1/attachments */
                            attachmentId?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            depositId: number;
                            depositNumber: string;
                            receivedBy: string;
                            signatureAttachmentId: number;
                            items: {
                                code: string;
                                fee: number;
                            }[];
                            feeTotal: number;
                            currency: string;
                            /** @enum {string} */
                            depositStatus: "open" | "closed";
                            handedOverBy: string;
                            handedOverAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/tariffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Storage tariffs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                sizeClass: ("XS" | "S" | "M" | "L" | "XL" | "XXL") | null;
                                category: string | null;
                                /** @enum {string} */
                                unit: "day" | "hour";
                                rate: number;
                                graceMinutes: number;
                                minimumCharge: number;
                                cap: number | null;
                                currency: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a tariff for a size class and/or category (null = any; the most specific applies at check-in), in minor units */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description null = any size class
                         * @default null
                         */
                        sizeClass?: ("XS" | "S" | "M" | "L" | "XL" | "XXL") | null;
                        /**
                         * @description null = any category
                         * @default null
                         */
                        category?: string | null;
                        /** @enum {string} */
                        unit: "day" | "hour";
                        rate: number;
                        /** @default 0 */
                        graceMinutes?: number;
                        /** @default 0 */
                        minimumCharge?: number;
                        /** @default null */
                        cap?: number | null;
                        /** @default CNY */
                        currency?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            sizeClass: ("XS" | "S" | "M" | "L" | "XL" | "XXL") | null;
                            category: string | null;
                            /** @enum {string} */
                            unit: "day" | "hour";
                            rate: number;
                            graceMinutes: number;
                            minimumCharge: number;
                            cap: number | null;
                            currency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/tariffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a tariff */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a tariff (items already checked in keep the tariff of their check-in) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        unit?: "day" | "hour";
                        rate?: number;
                        /** @default 0 */
                        graceMinutes?: number;
                        /** @default 0 */
                        minimumCharge?: number;
                        /** @default null */
                        cap?: number | null;
                        /** @default CNY */
                        currency?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            sizeClass: ("XS" | "S" | "M" | "L" | "XL" | "XXL") | null;
                            category: string | null;
                            /** @enum {string} */
                            unit: "day" | "hour";
                            rate: number;
                            graceMinutes: number;
                            minimumCharge: number;
                            cap: number | null;
                            currency: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/storage/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A warehouse's locations with storage's settings and occupancy */
        get: {
            parameters: {
                query: {
                    warehouseId: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                locationId: number;
                                warehouseId: number;
                                code: string;
                                type: string;
                                acceptedSizeClasses: ("XS" | "S" | "M" | "L" | "XL" | "XXL")[];
                                acceptedCategories: string[];
                                itemCapacity: number | null;
                                /** @description items it holds at most: itemCapacity, else the location capacity; null = unlimited */
                                capacity: number | null;
                                /** @description items stored there now */
                                occupancy: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A location's storage settings and occupancy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            locationId: number;
                            warehouseId: number;
                            code: string;
                            type: string;
                            acceptedSizeClasses: ("XS" | "S" | "M" | "L" | "XL" | "XXL")[];
                            acceptedCategories: string[];
                            itemCapacity: number | null;
                            /** @description items it holds at most: itemCapacity, else the location capacity; null = unlimited */
                            capacity: number | null;
                            /** @description items stored there now */
                            occupancy: number;
                        };
                    };
                };
            };
        };
        /** Set which size classes and categories a location accepts (empty = all) and how many items it holds */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        acceptedSizeClasses?: ("XS" | "S" | "M" | "L" | "XL" | "XXL")[];
                        /** @default [] */
                        acceptedCategories?: string[];
                        /** @default null */
                        itemCapacity?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            locationId: number;
                            warehouseId: number;
                            code: string;
                            type: string;
                            acceptedSizeClasses: ("XS" | "S" | "M" | "L" | "XL" | "XXL")[];
                            acceptedCategories: string[];
                            itemCapacity: number | null;
                            /** @description items it holds at most: itemCapacity, else the location capacity; null = unlimited */
                            capacity: number | null;
                            /** @description items stored there now */
                            occupancy: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Storage settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            maxStorageDays: number | null;
                        };
                    };
                };
            };
        };
        /** Set the maximum storage period (days; null = none) after which items raise storage_item.overdue */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        maxStorageDays: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            maxStorageDays: number | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/reports/items-in-storage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items in storage now (checked in or stored), by warehouse, status, category and size class */
        get: {
            parameters: {
                query?: {
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            byWarehouse: {
                                warehouseId: number;
                                count: number;
                            }[];
                            byStatus: {
                                status: string;
                                count: number;
                            }[];
                            byCategory: {
                                category: string;
                                count: number;
                            }[];
                            bySizeClass: {
                                sizeClass: string;
                                count: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/reports/occupancy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items stored per location and warehouse against capacity (null = unlimited) */
        get: {
            parameters: {
                query?: {
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            warehouses: {
                                warehouseId: number;
                                code: string;
                                name: string;
                                stored: number;
                                awaitingPutAway: number;
                                capacity: number | null;
                                locations: {
                                    locationId: number;
                                    code: string;
                                    items: number;
                                    capacity: number | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/reports/flow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items checked in and out per day (in the configured time zone), every day from..to inclusive */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                day: string;
                                checkedIn: number;
                                checkedOut: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/reports/dwell-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long items stay: checked-out items by their whole stay, stored ones by their stay so far, in buckets */
        get: {
            parameters: {
                query?: {
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            buckets: {
                                bucket: string;
                                checkedOut: number;
                                inStorage: number;
                            }[];
                            medianDaysCheckedOut: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/reports/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items in storage past their expected pick-up date or the maximum storage period */
        get: {
            parameters: {
                query?: {
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                depositNumber: string;
                                customerId: number;
                                description: string;
                                checkedInAt: string;
                                expectedPickupAt: string | null;
                                reasons: ("pickup_date_passed" | "max_period_exceeded")[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/reports/fee-revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Storage fees settled at hand-overs per day, in minor units */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    warehouseId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                day: string;
                                currency: string;
                                amount: number;
                                handovers: number;
                            }[];
                            totals: {
                                currency: string;
                                amount: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/storage/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A customer looks up their deposit by phone number and voucher code: items, status, history. The same 404 for an unknown phone and a wrong voucher; 429 with Retry-After past the limit per client and per client and phone (never per phone alone). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                        /** @description the customer's voucher code, 10 letters and digits */
                        voucherCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            depositNumber: string;
                            /** @enum {string} */
                            status: "open" | "closed";
                            customerName: string;
                            warehouse: {
                                code: string;
                                name: string;
                            };
                            checkedInAt: string;
                            expectedPickupAt: string | null;
                            feeDue: number;
                            items: {
                                code: string;
                                description: string;
                                category: string;
                                /** @enum {string} */
                                sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                                /** @enum {string} */
                                status: "checked_in" | "stored" | "checked_out";
                                checkedInAt: string;
                                checkedOutAt: string | null;
                                expectedPickupAt: string | null;
                                fee: {
                                    /** @description minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description true once charged at check-out; otherwise the fee so far */
                                    settled: boolean;
                                };
                                history: {
                                    at: string;
                                    /** @enum {string} */
                                    action: "checked_in" | "put_away" | "moved" | "counted" | "corrected" | "checked_out";
                                    label: {
                                        "zh-CN": string;
                                        en: string;
                                    };
                                    receivedBy: string | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/deposits/{id}/labels.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deposit's item labels (Code 128 and QR of each item code): 50x30 thermal labels or an A4 sheet */
        get: {
            parameters: {
                query?: {
                    format?: "50x30" | "a4";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/items/{code}/label.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item's label (to reprint) */
        get: {
            parameters: {
                query?: {
                    format?: "50x30" | "a4";
                };
                header?: never;
                path: {
                    /** @description the scanned item label, e.g. ST-7KQ2M9XD */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/deposits/{id}/voucher.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The customer's voucher slip (the voucher as QR and Code 128), printed from the voucher the check-in or a voucher replacement just returned
         * @description The voucher is kept only hashed, so the slip is printed from the one in the body, which must open this deposit (422 on `voucherCode` otherwise); in the deposit's language or the one asked. There is no reprint without it: a customer who lost the voucher gets a new one through the lost-voucher procedure, `POST /api/v1/storage/deposits/{id}/voucher-replacements` (an ID check).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the customer's voucher code, 10 letters and digits */
                        voucherCode: string;
                        /** @enum {string} */
                        locale?: "zh-CN" | "en";
                    };
                };
            };
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/items/{code}/custody.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's custody receipt: its whole history, with the recipient's signature once checked out */
        get: {
            parameters: {
                query?: {
                    locale?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    /** @description the scanned item label, e.g. ST-7KQ2M9XD */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/vouchers/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The deposit a customer's voucher opens, with its items and their fees so far: the first scan of a check-out (404 for an unknown voucher) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the customer's voucher code, 10 letters and digits */
                        voucherCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            depositNumber: string;
                            /** @description the customer's voucher as ••••AB (its last 2 characters): it is shown once, when made, and kept only hashed */
                            voucherMasked: string;
                            /** @enum {string} */
                            status: "open" | "closed";
                            customer: {
                                id: number;
                                name: string;
                                phone: string | null;
                            };
                            warehouse: {
                                id: number;
                                code: string;
                                name: string;
                            };
                            expectedPickupAt: string | null;
                            /** @enum {string} */
                            locale: "zh-CN" | "en";
                            checkedInBy: string;
                            checkedInAt: string;
                            closedAt: string | null;
                            items: {
                                id: number;
                                code: string;
                                depositId: number;
                                depositNumber: string;
                                customerId: number;
                                warehouseId: number;
                                category: string;
                                /** @enum {string} */
                                sizeClass: "XS" | "S" | "M" | "L" | "XL" | "XXL";
                                description: string;
                                declaredValue: number | null;
                                photoIds: number[];
                                customFields: {
                                    [key: string]: string;
                                };
                                expectedPickupAt: string | null;
                                /** @enum {string} */
                                status: "checked_in" | "stored" | "checked_out";
                                location: {
                                    id: number;
                                    code: string;
                                } | null;
                                checkedInAt: string;
                                checkedOutAt: string | null;
                                fee: {
                                    /** @description minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description true once charged at check-out; otherwise the fee so far */
                                    settled: boolean;
                                };
                            }[];
                            /** @description fees so far of the items still stored, minor units */
                            feeDue: number;
                            /** @description fees settled at check-outs, minor units */
                            feeCharged: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/deposits/{id}/voucher-replacements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deposit's voucher replacements and the ID checks recorded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                holderName: string;
                                /** @enum {string} */
                                idType: "resident_id" | "passport" | "driving_licence" | "hk_macau_permit" | "taiwan_permit" | "other";
                                idLast4: string;
                                note: string | null;
                                replacedBy: string;
                                replacedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Replace a lost voucher after an ID check; the new voucher is shown only in this answer (print its slip from it: POST …/voucher.pdf)
         * @description The customer's phone must be the deposit customer's, and staff record the document shown (type and last four characters) and confirm it names the customer. The old voucher stops working at once. The items are then handed over by another person than the one who replaced the voucher (separation of duties, step storage.voucher_replacement).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The customer's phone, as they give it: must be the deposit customer's */
                        phone: string;
                        /** @description The name on the document shown */
                        holderName: string;
                        /** @enum {string} */
                        idType: "resident_id" | "passport" | "driving_licence" | "hk_macau_permit" | "taiwan_permit" | "other";
                        /** @description The last four characters of the document number (never the whole number) */
                        idLast4: string;
                        /**
                         * @description Staff confirm the document names the customer
                         * @enum {boolean}
                         */
                        idMatchesCustomer: true;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            depositId: number;
                            depositNumber: string;
                            voucherCode: string;
                            replacedAt: string;
                            replacedBy: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/check-ins/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Batch check-in from a CSV (text/csv) or XLSX file sent as the raw body: one deposit per customer phone. Every row is checked first; any row error is a 422 listing them all and nothing is imported; otherwise one transaction creates every deposit. */
        post: {
            parameters: {
                query: {
                    warehouseId: number;
                    locale?: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description items checked in */
                            imported: number;
                            deposits: {
                                id: number;
                                depositNumber: string;
                                voucherCode: string;
                                customerId: number;
                                items: string[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: gives the RMA number and return instructions; above the second threshold the first approval waits for a second one by another user. An advance exchange places its replacement order now. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive the parcel: the scanned items are compared with the announced lines (missing, extra and wrong items become discrepancies); announced units go to a returns location as pending_inspection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Each scanned SKU or barcode, with a count */
                        scans: {
                            code: string;
                            /** @default 1 */
                            quantity?: number;
                        }[];
                        /** @description A returns location; default the first one of the warehouse */
                        locationCode?: string;
                        /** @description Announced units that arrived damaged (also counted in scans): each becomes a damaged discrepancy */
                        damaged?: {
                            code: string;
                            /** @default 1 */
                            quantity?: number;
                            note?: string;
                        }[];
                        /** @description Photos of the parcel as it arrived */
                        photoIds?: number[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/dispose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide what becomes of each grade (restock, restock_open_box, refurbish, return_to_vendor, scrap; default from the settings); stock and ledger change with the decision */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Overrides of the settings' grade → disposition mapping */
                        lines?: {
                            returnLineId: number;
                            /** @enum {string} */
                            grade: "A" | "B" | "C" | "scrap";
                            /** @enum {string} */
                            disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve: a return creates its refund, an exchange its replacement order (reserved), a repair ships back (carrier, trackingNumber), a compensation creates its payment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Return: the refund (default what was paid for the units received); compensation: the amount (default the one asked for) */
                        amount?: number;
                        /** @description Repair: the carrier taking the item back */
                        carrier?: string;
                        trackingNumber?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            advanceExchange: boolean;
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            orderId: number;
                            orderNumber: string;
                            customerId: number;
                            warehouseId: number;
                            currency: string;
                            reasonCode: string;
                            description: string | null;
                            photoIds: number[];
                            /** @description Photos of the parcel taken when it was received */
                            receiptPhotoIds: number[];
                            /** @enum {string} */
                            source: "staff" | "portal";
                            value: number;
                            withinWindow: boolean;
                            approvalsRequired: number;
                            firstApprovedBy: string | null;
                            firstApprovedAt: string | null;
                            approvedBy: string | null;
                            approvedAt: string | null;
                            rejectedBy: string | null;
                            rejectedAt: string | null;
                            rejectReason: string | null;
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            replacementLines: {
                                sku: string;
                                quantity: number;
                            }[] | null;
                            replacementOrderId: number | null;
                            receiptLocationId: number | null;
                            stockOwnerId: number;
                            requestedAmount: number | null;
                            returnCarrier: string | null;
                            returnTracking: string | null;
                            resolution: ("refund" | "replacement" | "repaired" | "compensation") | null;
                            receivedAt: string | null;
                            inspectedAt: string | null;
                            disposedAt: string | null;
                            resolvedAt: string | null;
                            createdBy: string;
                            createdAt: string;
                            updatedAt: string;
                            lines: {
                                id: number;
                                orderLineId: number;
                                productId: number;
                                sku: string;
                                name: string;
                                category: string | null;
                                quantity: number;
                                unitPrice: number;
                                receivedQuantity: number;
                                grades: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            discrepancies: {
                                id: number;
                                /** @enum {string} */
                                kind: "wrong_item" | "missing" | "extra" | "damaged";
                                returnLineId: number | null;
                                productId: number | null;
                                code: string;
                                quantity: number;
                                note: string | null;
                                createdAt: string;
                            }[];
                            inspections: {
                                id: number;
                                returnLineId: number;
                                level: number;
                                levelName: string;
                                grades: {
                                    [key: string]: number;
                                };
                                checklist: {
                                    item: string;
                                    passed: boolean;
                                    note?: string;
                                }[];
                                photoIds: number[];
                                note: string | null;
                                inspector: string;
                                inspectedAt: string;
                            }[];
                            dispositions: {
                                id: number;
                                returnLineId: number;
                                /** @enum {string} */
                                grade: "A" | "B" | "C" | "scrap";
                                /** @enum {string} */
                                disposition: "restock" | "restock_open_box" | "refurbish" | "return_to_vendor" | "scrap";
                                quantity: number;
                                locationId: number | null;
                                decidedBy: string;
                                decidedAt: string;
                            }[];
                            refunds: {
                                id: number;
                                number: string;
                                returnId: number;
                                /** @enum {string} */
                                kind: "refund" | "compensation";
                                orderId: number;
                                customerId: number;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                                approvedBy: string | null;
                                approvedAt: string | null;
                                paidAt: string | null;
                                paymentReference: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A customer asks for a return, exchange, repair or compensation on their order, proving it is theirs with the order number and its phone or e-mail (404 for an unknown order and a wrong contact alike). Messages are in English and Chinese. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orderNumber: string;
                        phone?: string;
                        /** Format: email */
                        email?: string;
                        /** @enum {string} */
                        type: "return" | "exchange" | "repair" | "compensation";
                        reasonCode: string;
                        description?: string;
                        lines: {
                            sku: string;
                            quantity: number;
                        }[];
                        /** @description Exchange: what the customer gets instead (default: the same SKUs and quantities) */
                        replacementLines?: {
                            sku: string;
                            quantity: number;
                        }[];
                        /** @description Compensation: the amount asked for, at most what was paid for the lines */
                        requestedAmount?: number;
                        /** @description Photos as data URLs (image/jpeg, image/png or image/webp); the request body is at most 1 MiB */
                        photos?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rmaNumber: string | null;
                            /** @enum {string} */
                            type: "return" | "exchange" | "repair" | "compensation";
                            /** @enum {string} */
                            status: "requested" | "awaiting_second_approval" | "approved" | "rejected" | "received" | "inspected" | "disposed" | "resolved" | "cancelled";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            orderNumber: string;
                            reason: {
                                en: string;
                                zh: string;
                            };
                            instructions: {
                                en: string;
                                zh: string;
                                address: string;
                                rmaNumber: string;
                            } | null;
                            rejectReason: string | null;
                            lines: {
                                sku: string;
                                name: string;
                                quantity: number;
                                receivedQuantity: number;
                            }[];
                            refunds: {
                                number: string;
                                amount: number;
                                currency: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid";
                            }[];
                            replacementOrderId: number | null;
                            returnTracking: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
