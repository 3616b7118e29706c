export interface paths {
    "/agentgateway/resource/qualitycontrol/{agentid}/addinsert/{workNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Barge into an agent's call (insert)
         * @description Prerequisites: the inspector (`agentid`) has signed in and is idle, and holds the inspection right.
         *     The target (`workNo`) is signed in and belongs to the same VDN. No request body.
         *     On success the inspector enters the insert state (gateway status 7) and receives AgentState_Busy, then
         *     (unless its phone is always off-hook) AgentOther_PhoneAlerting and AgentOther_PhoneOffhook; the target
         *     receives AgentOther_BeQcStart with qcType 9.
         */
        put: operations["addInsert"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/qualitycontrol/{agentid}/{workNo}": {
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
         * End a listen or insert (cancel the barge)
         * @description Ends the inspector's listen/insert on `workNo`. Prerequisite: such a session is in progress.
         *     The inspector receives AgentOther_PhoneRelease (unless always off-hook) and AgentState_Ready and is idle again;
         *     the target receives AgentOther_BeQcStop.
         */
        delete: operations["cancelInsert"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sign in an agent
         * @description Signs the agent in. Needs no Guid. On retcode 0 the response carries `Set-GUID: JSESSIONID=<guid>`; the part
         *     after `=` is the Guid for every later call. Start polling events at once: with no poll for 2 minutes the agent
         *     is signed out. Do not call sign-in again, or sign-out, before it has answered.
         *     Triggered events: AgentOther_InService, then AgentState_Ready; with `status` 3 also
         *     AgentState_SetNotReady_Success, with `status` 5 also AgentState_Work.
         */
        put: operations["signIn"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/forcelogin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sign in an agent, taking over an existing sign-in
         * @description Same body and answer as sign-in; if the agent is already signed in elsewhere, that session ends (its Guid
         *     stops working, any call or barge it holds is released) and a new one starts.
         */
        put: operations["forceLogin"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/logout": {
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
         * Sign out
         * @description Signs the agent out. An agent that is talking (or barging) is not signed out. Triggered event:
         *     AgentOther_ShutdownService ("if the agent signs out, the event will not always be received").
         */
        delete: operations["logout"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/forcelogout": {
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
         * Sign out forcibly, releasing any call
         * @description Signs the agent out even while talking; the call (and any barge the agent holds or is subject to) is
         *     released. Triggered event: AgentOther_ShutdownService.
         */
        delete: operations["forceLogout"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/sayfree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the agent idle
         * @description Sets the agent idle (gateway status 4). Fails while the agent is talking or barging.
         */
        post: operations["sayFree"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/saybusy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the agent busy
         * @description Sets the agent busy (gateway status 3), with an optional busy reason 200–250. Fails while talking or barging.
         */
        post: operations["sayBusy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/agentstatus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the agent's status
         * @description Returns the agent's gateway status (2 signed-out, 3 busy, 4 idle, 5 wrap-up, 7 talking, 8 rest) and whether
         *     it is talking. The 2023 page types `result` as "array" while listing two fields; the harness reads it as an
         *     object with those fields.
         */
        get: operations["agentStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/agentevent/{agentid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Poll for the next event (long poll)
         * @description Returns at once with the oldest queued event, or after about 10 s with `event: null`. One event per
         *     response. The poll is also the heartbeat: an agent that does not poll for 2 minutes is signed out. Under
         *     dynamic authentication (AUTHMODE 2, the default) a rotated Guid arrives in the `Set-GUID` header of this
         *     response; the previous Guid stays valid until its timeout. After a forced sign-out the next poll answers 100-006.
         */
        get: operations["getAgentEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/resetskill/{autoflag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to skill queues (reset skills)
         * @description Signs the agent in to skill queues: with `autoflag` `true` to every queue configured for it, otherwise to the
         *     queues of `skillid` it is configured for (none when `skillid` is empty). Clients call it right after sign-in
         *     or forcelogin, inspectors included (DEVEN/cec_05_4015). No request body: clients send it with any
         *     Content-Type or none. No events are triggered. The mock has no skill queues: it checks the call and answers.
         */
        post: operations["resetSkill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/handshake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keep the session alive (push mode heartbeat)
         * @description The documented heartbeat of push mode: call it about every 30 s; with no heartbeat (or poll) for 2 minutes the
         *     agent is signed out. Under dynamic authentication a rotated Guid arrives in the `Set-GUID` header of this
         *     response (DEVEN/cec_05_4015). The answer carries no `result`. The optional `service_token` header is at most
         *     50 characters without special characters, otherwise 100-001 (which characters are special is inferred:
         *     the mock allows letters and digits).
         */
        post: operations["handShake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Keep the session alive (the older heartbeat of the sample clients)
         * @description Not documented on any Huawei page: Huawei's Java demo and aPortal (push mode, every 60 s) and kimhu call
         *     `PUT onlineagent/{agentid}/heartbeat` with no body; the Java demo reads `result.loginTime` and tolerates a
         *     missing `result`, and drops its session on 100-006. The mock treats it as the documented `handshake`:
         *     it keeps the session alive and sends a rotated Guid in `Set-GUID` (inferred).
         */
        put: operations["heartbeat"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/onlineagent/{agentid}/updateGuid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Ask for a new Guid (after a page refresh)
         * @description Issues a new Guid, returned bare (without `JSESSIONID=`) in `result.guid`; send it from then on. The pages do
         *     not say whether `Set-GUID` is sent too; the mock does not send it, and keeps the previous Guid valid until its
         *     timeout, as after a rotation (inferred).
         */
        put: operations["updateGuid"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/agentgroup/{agentid}/agentbyworkno/{workNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One agent of the caller's VDN with its state
         * @description The agent `workNo`, which must belong to the caller's VDN (VCC), with its gateway status (`status`, EN/cec_07_0581)
         *     and CTI state (`ctiStatus`). A barging inspector shows status 7; a barged agent keeps its own status and shows
         *     ctiStatus 5 (talking) while the barge lasts (inferred). The mock has no agent groups or skill queues:
         *     `groupid` 0, `groupname` and `skilllist` empty.
         */
        get: operations["agentByWorkNo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/agentgroup/{agentid}/allagentstatus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every agent of the caller's VDN with its state
         * @description Not documented on any Huawei page: Huawei's C# QuickAgent demo and aPortal read `result` as a list of
         *     `{workno, status, name, groupName, ctiStatus}`, typed as strings (AgentStateInfo.cs). The mock lists every
         *     agent configured in the caller's VDN, signed-out ones with status "2" (inferred from the name); statuses as in
         *     agentbyworkno, as strings.
         */
        get: operations["allAgentStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agentgateway/resource/agentgroup/{agentid}/onlineagentonvdn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in agents of the caller's VDN with their states
         * @description Not documented on any Huawei page: the inspector screen of Huawei's Java demo lists these agents
         *     (QueryAgentGroupService.java) and compares `status` with the strings "0"…"8" (qualitycontrol.js). The mock
         *     lists the signed-in agents of the caller's VDN as `{workno, name, status, ctiStatus}`, statuses as strings
         *     (inferred).
         */
        get: operations["onlineAgentOnVdn"];
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
         * @description Agent ID as a decimal string, 101–59999, no leading zero (2023/24 documents).
         * @example 30169
         */
        AgentId: string;
        /** @description The agent the event is for, as a decimal string. */
        EventWorkNo: string;
        /** @description Free text; empty on success. Consumers must not parse it. */
        Message: string;
        /** @description Reserved field (an empty object). */
        ReservedResult: Record<string, never>;
        /**
         * @description Retcodes of addInsert; see x-ccgw-retcodes on the operation for which are documented.
         * @enum {string}
         */
        AddInsertRetcode: "0" | "100-006" | "900-001" | "900-002" | "900-003" | "900-005" | "000-002" | "000-003" | "000-005" | "900-004";
        /** @enum {string} */
        CancelInsertRetcode: "0" | "100-006" | "900-001" | "900-002" | "900-003" | "900-005" | "900-004" | "000-002" | "000-003" | "000-005";
        /** @enum {string} */
        SignInErrorRetcode: "100-002" | "100-001" | "100-003" | "100-004" | "100-011" | "100-012" | "100-013" | "100-014" | "100-016" | "100-020" | "100-021" | "110-016" | "000-002";
        /** @enum {string} */
        ForceLoginErrorRetcode: "100-001" | "100-003" | "100-004" | "100-011" | "100-012" | "100-013" | "100-014" | "100-015" | "100-016" | "100-020" | "100-021" | "110-016" | "000-002";
        /** @enum {string} */
        LogoutRetcode: "0" | "100-005" | "100-006" | "100-007" | "100-008" | "100-010" | "000-002" | "000-003";
        /** @enum {string} */
        ForceLogoutRetcode: "0" | "100-005" | "100-006" | "100-008" | "000-002" | "000-003";
        /** @enum {string} */
        SayFreeRetcode: "0" | "100-006" | "100-007" | "100-009" | "000-002" | "000-003";
        /** @enum {string} */
        SayBusyRetcode: "0" | "000-002" | "100-006" | "100-007" | "100-009" | "000-003";
        /** @enum {string} */
        AgentStatusErrorRetcode: "000-002" | "100-006" | "000-003";
        /** @enum {string} */
        AgentEventErrorRetcode: "100-006" | "000-001" | "000-002" | "000-003";
        AddInsertResponse: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["AddInsertRetcode"];
            result: components["schemas"]["ReservedResult"];
        };
        CancelInsertResponse: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["CancelInsertRetcode"];
            result: components["schemas"]["ReservedResult"];
        };
        LogoutResponse: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["LogoutRetcode"];
            result?: components["schemas"]["ReservedResult"];
        };
        ForceLogoutResponse: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["ForceLogoutRetcode"];
            result?: components["schemas"]["ReservedResult"];
        };
        SayFreeResponse: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["SayFreeRetcode"];
            result?: components["schemas"]["ReservedResult"];
        };
        SayBusyResponse: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["SayBusyRetcode"];
            result?: components["schemas"]["ReservedResult"];
        };
        /**
         * @description Sign-in body (EN/cec_07_1202). Unknown fields are ignored, and so are optional fields sent as null (a
         *     Java/Jackson gateway reads null as "use the default"; the C# demo sends `"ip":null`). Integer and boolean
         *     fields may also come as strings: the documents' own example sends `"status":"4"`, `"agenttype":"4"` and
         *     `"releasephone":"true"` (documented); `"True"`/`"TRUE"`/`"False"`/`"FALSE"` are accepted as Jackson reads them
         *     (inferred). An empty password is not refused as missing: whether it is then checked like any password
         *     (default) or refused with 100-001 is the profile setting `emptyPassword` (inferred).
         */
        SignInRequest: {
            /** @description The agent's password (or its SM-encrypted form when LOGIN_PWD_DECRYPT_ENABLE is set); may be empty (see emptyPassword). Never logged. */
            password: string;
            /** @description The softphone number bound at sign-in. */
            phonenum: string;
            /** @description Answer calls automatically (default true). */
            autoanswer?: components["schemas"]["SignInBoolean"];
            /** @description Go idle after a call, otherwise wrap-up (default true). */
            autoenteridle?: components["schemas"]["SignInBoolean"];
            /** @description Hang up the phone after a call (default true); false means "always off-hook". */
            releasephone?: components["schemas"]["SignInBoolean"];
            /**
             * @description 4 = PC + phone (default), 11 = PC + phone video; as a number or its string.
             * @enum {unknown}
             */
            agenttype?: 4 | 11 | "4" | "11" | null;
            /**
             * @description State after sign-in; 3 busy, 4 idle (default), 5 wrap-up; as a number or its string.
             * @enum {unknown}
             */
            status?: 3 | 4 | 5 | "3" | "4" | "5" | null;
            /** @description Client IPv4 address (default 127.0.0.1). */
            ip?: string | null;
            entryIp?: string | null;
            /** @description Hard-phone linkage (default false). */
            phonelinkage?: components["schemas"]["SignInBoolean"];
            /** @description Sign in to the web media server (default true). */
            checkInWebm?: components["schemas"]["SignInBoolean"];
            /** @description Sign in to the mail media server (default false). */
            checkInMailm?: components["schemas"]["SignInBoolean"];
            /** @description Push-mode callback; push mode needs both callBackUri and serviceToken. */
            callBackUri?: string | null;
            serviceToken?: string | null;
        };
        /**
         * @description A boolean, or its text as Jackson reads it ("true"/"false" as the documents send them; "True", "TRUE", "False", "FALSE" inferred); null means the default.
         * @enum {unknown}
         */
        SignInBoolean: true | false | "true" | "false" | "True" | "TRUE" | "False" | "FALSE" | null;
        SignInResult: {
            /** @description The VDN ("virtual call center") of the agent. */
            vdnid: number;
            /** @description The agent ID. */
            workno: string;
            /** @description Three T/F flags: CTIServer, WebM, MailM. */
            mediatype?: string;
            /** @description Sign-in time in epoch milliseconds. */
            loginTime?: string;
            /**
             * @description "true": the password must be changed first.
             * @enum {string}
             */
            isForceChange?: "true" | "false";
            serverName?: string;
            /** @description Days until the password expires (0–180); empty means never. */
            timeRemaining?: string;
        };
        /** @description Success carries the sign-in result; failure carries an error retcode. */
        SignInResponse: components["schemas"]["SignInSuccess"] | components["schemas"]["SignInFailure"];
        /** @description Success carries the sign-in result; failure carries an error retcode. */
        ForceLoginResponse: components["schemas"]["SignInSuccess"] | components["schemas"]["ForceLoginFailure"];
        SignInSuccess: {
            message: components["schemas"]["Message"];
            /** @constant */
            retcode: "0";
            result: components["schemas"]["SignInResult"];
        };
        SignInFailure: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["SignInErrorRetcode"];
            result?: Record<string, never>;
        };
        ForceLoginFailure: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["ForceLoginErrorRetcode"];
            result?: Record<string, never>;
        };
        AgentStatusResult: {
            /**
             * @description 0 unknown, 1 signed-in (reserved), 2 signed-out, 3 busy, 4 idle, 5 wrap-up, 6 as idle (reserved), 7 talking, 8 rest, 9 pre-rest (EN/cec_07_0581).
             * @enum {integer}
             */
            agentState: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
            /** @description true while the agent is talking. */
            isWorking: boolean;
        };
        AgentStatusResponse: {
            message: components["schemas"]["Message"];
            /** @constant */
            retcode: "0";
            result: components["schemas"]["AgentStatusResult"];
        } | {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["AgentStatusErrorRetcode"];
            result?: Record<string, never>;
        };
        AgentEventResponse: {
            message: components["schemas"]["Message"];
            /** @constant */
            retcode: "0";
            /** @description The oldest queued event, or null when the wait ended without one. */
            event: components["schemas"]["AgentEvent"] | null;
        } | {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["AgentEventErrorRetcode"];
            event?: null;
        };
        /** @description A Guid as the gateway issues it: `<uuid>.AgentGateway<n>`, without the `JSESSIONID=` of Set-GUID. */
        Guid: string;
        /** @enum {string} */
        ResetSkillRetcode: "0" | "000-002" | "100-006" | "100-007" | "000-003";
        ResetSkillResponse: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["ResetSkillRetcode"];
            result?: components["schemas"]["ReservedResult"];
        };
        /** @enum {string} */
        HandShakeRetcode: "0" | "100-001" | "100-006" | "000-002" | "000-003";
        HandShakeResponse: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["HandShakeRetcode"];
        };
        /**
         * @description The errors of a call that needs only a signed-in caller with its Guid.
         * @enum {string}
         */
        SessionErrorRetcode: "100-006" | "000-002" | "000-003";
        /** SessionFailure */
        SessionFailure: {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["SessionErrorRetcode"];
            result?: Record<string, never>;
        };
        HeartbeatResponse: {
            message: components["schemas"]["Message"];
            /** @constant */
            retcode: "0";
            result?: {
                /** @description Sign-in time in epoch milliseconds. */
                loginTime?: string;
            };
        } | components["schemas"]["SessionFailure"];
        UpdateGuidResponse: {
            message: components["schemas"]["Message"];
            /** @constant */
            retcode: "0";
            result: {
                guid: components["schemas"]["Guid"];
            };
        } | components["schemas"]["SessionFailure"];
        /**
         * @description 0 unknown, 1 signed-in (reserved), 2 signed-out, 3 busy, 4 idle, 5 wrap-up, 6 as idle (reserved), 7 talking, 8 rest, 9 pre-rest (EN/cec_07_0581).
         * @enum {integer}
         */
        GatewayStatus: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
        /** @description CTI state: 0 not signed in, 1 idle, 2 pre-occupied, 3 occupied, 4 answering, 5 talking, 6 wrap-up, 7 busy, 8 rest, 9 study, 10 adjusting (EN/cec_07_0581). */
        CtiStatus: number;
        /** @description One agent (EN/cec_07_0415). */
        AgentInfo: {
            workno: string;
            name?: string;
            status: components["schemas"]["GatewayStatus"];
            ctiStatus?: components["schemas"]["CtiStatus"];
            groupid?: number;
            groupname?: string;
            skilllist?: unknown[];
            callids?: unknown;
            mediatype?: string;
        };
        /** @enum {string} */
        AgentByWorkNoErrorRetcode: "100-006" | "000-002" | "100-007" | "000-003";
        AgentByWorkNoResponse: {
            message: components["schemas"]["Message"];
            /** @constant */
            retcode: "0";
            result: components["schemas"]["AgentInfo"];
        } | {
            message: components["schemas"]["Message"];
            retcode: components["schemas"]["AgentByWorkNoErrorRetcode"];
            result?: Record<string, never>;
        };
        /** @description One agent of a VDN list; the sample clients read every field as a string. */
        AgentStateEntry: {
            workno: string;
            name?: string;
            /** @description The gateway status (see GatewayStatus) as a string. */
            status: string;
            /** @description The CTI state (see CtiStatus) as a string. */
            ctiStatus?: string;
            groupName?: string;
        };
        AllAgentStatusResponse: {
            message: components["schemas"]["Message"];
            /** @constant */
            retcode: "0";
            result: components["schemas"]["AgentStateEntry"][];
        } | components["schemas"]["SessionFailure"];
        OnlineAgentOnVdnResponse: {
            message: components["schemas"]["Message"];
            /** @constant */
            retcode: "0";
            result: components["schemas"]["AgentStateEntry"][];
        } | components["schemas"]["SessionFailure"];
        /** @description When the event was generated, epoch milliseconds (newer documents only). */
        EventGenTime: number | string;
        /** @description One event. Listed events have a fixed content shape; other event types may occur and are not checked. */
        AgentEvent: components["schemas"]["PhoneAlertingEvent"] | components["schemas"]["PhoneOffhookEvent"] | components["schemas"]["PhoneReleaseEvent"] | components["schemas"]["BusyEvent"] | components["schemas"]["ReadyEvent"] | components["schemas"]["WorkEvent"] | components["schemas"]["SetNotReadySuccessEvent"] | components["schemas"]["InServiceEvent"] | components["schemas"]["ShutdownServiceEvent"] | components["schemas"]["TalkingEvent"] | components["schemas"]["CallReleaseEvent"] | components["schemas"]["BeQcStartEvent"] | components["schemas"]["BeQcStopEvent"] | components["schemas"]["QcAgentStateNotifyEvent"] | components["schemas"]["UnlistedEvent"];
        /** @description The agent's physical phone is ringing. Documented content is null (ZH/cec_07_1398). */
        PhoneAlertingEvent: {
            /** @constant */
            eventType: "AgentOther_PhoneAlerting";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            /** @description null as documented; one third-party client sees {callid, caller} for incoming calls. */
            content: null | {
                callid?: string;
                caller?: string;
            };
        };
        /** @description The agent's phone went off-hook (EN/cec_07_0547). */
        PhoneOffhookEvent: {
            /** @constant */
            eventType: "AgentOther_PhoneOffhook";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: {
                /** @enum {string} */
                type: "main" | "assistant" | "unknown";
            };
        };
        /** @description The phone went on-hook (EN/cec_07_0546). phoneState 3 = by the platform, 2 = by the agent. */
        PhoneReleaseEvent: {
            /** @constant */
            eventType: "AgentOther_PhoneRelease";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: {
                /** @enum {integer} */
                phoneState: 2 | 3;
            };
        };
        /** @description The agent is handling a call; for an inspector in insert/listen, "pre-occupied" (ZH/cec_07_1343). */
        BusyEvent: {
            /** @constant */
            eventType: "AgentState_Busy";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: null;
        };
        /** @description The agent is idle (ZH/cec_07_0492). */
        ReadyEvent: {
            /** @constant */
            eventType: "AgentState_Ready";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: null;
        };
        /** @description The agent is in wrap-up (ZH/cec_07_1344). */
        WorkEvent: {
            /** @constant */
            eventType: "AgentState_Work";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: null;
        };
        /** @description The agent went busy (EN/cec_07_1346). reason: 0 none, 1 self, 2 no answer, 3 forced by an inspector, 4 rest, 5 phone unavailable, 7 released call, 200–250 custom. */
        SetNotReadySuccessEvent: {
            /** @constant */
            eventType: "AgentState_SetNotReady_Success";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: {
                reason: string;
            };
        };
        /** @description Sign-in started (ZH/cec_07_0551). */
        InServiceEvent: {
            /** @constant */
            eventType: "AgentOther_InService";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: null;
        };
        /** @description The agent was signed out (ZH/cec_07_0552). */
        ShutdownServiceEvent: {
            /** @constant */
            eventType: "AgentOther_ShutdownService";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: {
                loginTime?: string;
            };
        };
        /** @description The agent entered talking (ZH/cec_07_1355). */
        TalkingEvent: {
            /** @constant */
            eventType: "AgentEvent_Talking";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: {
                caller?: string;
                called?: string;
                callid?: string;
                type?: number | string;
                feature?: number | string;
                mediaAbility?: number | string;
            };
        };
        /** @description The agent left the call; content is the callid (ZH/cec_07_1363). */
        CallReleaseEvent: {
            /** @constant */
            eventType: "AgentEvent_Call_Release";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: string;
        };
        /** @description qcType 8 = listen, 9 = insert, 20172/20173 = whisper; qcAgentId = the inspector (ZH/cec_07_0542, Chinese text). */
        QcContent: {
            /** @enum {integer} */
            qcType: 8 | 9 | 20172 | 20173;
            qcAgentId: number;
        };
        /** @description Sent to the inspected agent when monitoring starts (ZH/cec_07_0542). */
        BeQcStartEvent: {
            /** @constant */
            eventType: "AgentOther_BeQcStart";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: components["schemas"]["QcContent"];
        };
        /** @description Sent to the inspected agent when monitoring ends (ZH/cec_07_0543). */
        BeQcStopEvent: {
            /** @constant */
            eventType: "AgentOther_BeQcStop";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: components["schemas"]["QcContent"];
        };
        /** @description A monitored agent signed in or out (ZH/cec_07_0541). */
        QcAgentStateNotifyEvent: {
            /** @constant */
            eventType: "QC_AgentState_Notify";
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content: {
                /** @enum {string} */
                subtype?: "QC_AgentState_Login" | "QC_AgentState_Logout";
                monitoredagent?: string | number;
                agentname?: string;
                mediaserver?: string | number;
            };
        };
        /** @description Any other event type of the gateway; its content is not checked. */
        UnlistedEvent: {
            eventType: string;
            workNo: components["schemas"]["EventWorkNo"];
            eventGenTime?: components["schemas"]["EventGenTime"];
            content?: unknown;
        };
    };
    responses: {
        /**
         * @description An ID does not match the gateway's path pattern (non-digits, a leading zero, more than five digits, 60000 and
         *     above in the 2024 builds), so no resource matches. Inferred from the RESTEasy path regex `[1-9]\d{0,3}|[1-5]\d{4}`.
         */
        PathPatternMismatch: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /**
         * @description The request cannot be read, so no resource decides it: it is not valid HTTP/1.1, a path segment is not valid
         *     percent-encoding, or (for a call that takes a body) the body is not valid JSON. Answered by the HTTP layer in
         *     front of the resources, as plain text naming the problem; consumers must not parse the text.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /** @description The path exists, but not with the method used (every path here has one method); `Allow` names it. */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path has, e.g. `PUT`. */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /**
         * @description The request did not arrive in time: its headers, or the whole request with its body, were still incomplete
         *     when the server's limit passed (the mock: 20 s for the headers, 30 s for the whole request by default). The
         *     connection is closed after this answer. A connection that is merely idle between requests is closed without one.
         */
        RequestTimeout: {
            headers: {
                /** @description Always `close`. */
                Connection?: "close";
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /**
         * @description The request body is larger than the server accepts (the mock: 64 KiB by default). The connection is closed
         *     after this answer.
         */
        ContentTooLarge: {
            headers: {
                /** @description Always `close`. */
                Connection?: "close";
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /**
         * @description The request headers are larger than the server accepts (16 KiB in the mock). The connection is closed after
         *     this answer.
         */
        RequestHeaderFieldsTooLarge: {
            headers: {
                /** @description Always `close`. */
                Connection?: "close";
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
    };
    parameters: {
        /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
        AgentIdPath: components["schemas"]["AgentId"];
        /** @description ID of the agent to be inserted (the target). 101–59999, no leading zero, in the same VDN as agentid. */
        WorkNoPath: components["schemas"]["AgentId"];
        /** @description ID of the agent to look up (the page calls it workno); it must belong to the caller's VDN. 101–59999, no leading zero. */
        QueriedWorkNoPath: components["schemas"]["AgentId"];
        /**
         * @description Sent by Huawei's aPortal (`?mediaType=1`) when the inspected call is a text chat (MEDIA_TYPE_TEXT). The voice
         *     documents list no query parameter for these calls and a JAX-RS resource ignores undeclared ones; how a gateway
         *     uses the value is unknown (inferred). The mock accepts and ignores it, as it does any unknown query parameter.
         */
        MediaTypeQuery: number;
    };
    requestBodies: never;
    headers: {
        /** @description `JSESSIONID=<guid>`; the Guid is the part after `=`. */
        SetGuid: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    addInsert: {
        parameters: {
            query?: {
                /**
                 * @description Sent by Huawei's aPortal (`?mediaType=1`) when the inspected call is a text chat (MEDIA_TYPE_TEXT). The voice
                 *     documents list no query parameter for these calls and a JAX-RS resource ignores undeclared ones; how a gateway
                 *     uses the value is unknown (inferred). The mock accepts and ignores it, as it does any unknown query parameter.
                 */
                mediaType?: components["parameters"]["MediaTypeQuery"];
            };
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
                /** @description ID of the agent to be inserted (the target). 101–59999, no leading zero, in the same VDN as agentid. */
                workNo: components["parameters"]["WorkNoPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gateway's answer; `retcode` says whether the barge succeeded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddInsertResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    cancelInsert: {
        parameters: {
            query?: {
                /**
                 * @description Sent by Huawei's aPortal (`?mediaType=1`) when the inspected call is a text chat (MEDIA_TYPE_TEXT). The voice
                 *     documents list no query parameter for these calls and a JAX-RS resource ignores undeclared ones; how a gateway
                 *     uses the value is unknown (inferred). The mock accepts and ignores it, as it does any unknown query parameter.
                 */
                mediaType?: components["parameters"]["MediaTypeQuery"];
            };
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
                /** @description ID of the agent to be inserted (the target). 101–59999, no leading zero, in the same VDN as agentid. */
                workNo: components["parameters"]["WorkNoPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gateway's answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelInsertResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            /** @description The sign-in answer; on retcode 0 it carries the Guid in `Set-GUID`. */
            200: {
                headers: {
                    "Set-GUID": components["headers"]["SetGuid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["ContentTooLarge"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    forceLogin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            /** @description The sign-in answer; on retcode 0 it carries the Guid in `Set-GUID`. */
            200: {
                headers: {
                    "Set-GUID": components["headers"]["SetGuid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceLoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            413: components["responses"]["ContentTooLarge"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sign-out answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogoutResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    forceLogout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sign-out answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForceLogoutResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    sayFree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer to the state change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SayFreeResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    sayBusy: {
        parameters: {
            query?: {
                /** @description Busy reason code, 200–250; empty or 0 means none. */
                reason?: number | 0 | unknown;
                /** @description Whether to reset the busy reason when the agent is already busy. */
                prolong?: boolean;
            };
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer to the state change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SayBusyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    agentStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent's status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentStatusResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    getAgentEvent: {
        parameters: {
            query?: {
                /** @description Used when the agent toolbar is refreshed; optional. */
                calldata?: string;
            };
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event, or none. */
            200: {
                headers: {
                    "Set-GUID": components["headers"]["SetGuid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentEventResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    resetSkill: {
        parameters: {
            query?: {
                /** @description With autoflag false: skill queue IDs separated by `;` (e.g. `1;2;3`), at most 4000 characters; empty means none. */
                skillid?: string;
                /** @description Hard-phone linkage (eSpace 7910 only), 1 or 0. */
                phonelinkage?: 0 | 1;
            };
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
                /** @description `true` signs in to every skill queue configured for the agent; any other value is treated as false. */
                autoflag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer; `result` is reserved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetSkillResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    handShake: {
        parameters: {
            query?: never;
            header?: {
                /** @description Push-mode token, at most 50 letters or digits; refresh it about once a minute. */
                service_token?: string;
            };
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The heartbeat answer, without `result`; a rotated Guid in `Set-GUID`. */
            200: {
                headers: {
                    "Set-GUID": components["headers"]["SetGuid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandShakeResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    heartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The heartbeat answer; a rotated Guid in `Set-GUID`. */
            200: {
                headers: {
                    "Set-GUID": components["headers"]["SetGuid"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    updateGuid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new Guid in `result.guid`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateGuidResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    agentByWorkNo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
                /** @description ID of the agent to look up (the page calls it workno); it must belong to the caller's VDN. 101–59999, no leading zero. */
                workNo: components["parameters"]["QueriedWorkNoPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent and its state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentByWorkNoResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    allAgentStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agents of the VDN. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllAgentStatusResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
    onlineAgentOnVdn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of the signed-in agent making the call (the inspector, for quality control). 101–59999, no leading zero. */
                agentid: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in agents of the VDN. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnlineAgentOnVdnResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["PathPatternMismatch"];
            405: components["responses"]["MethodNotAllowed"];
            408: components["responses"]["RequestTimeout"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
        };
    };
}
