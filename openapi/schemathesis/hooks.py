"""Schemathesis hooks for fuzzing the ccgw-harness mock gateway (see README.md beside this file).

Auth: every call but sign-in carries the Guid of its agent. The provider signs the agent of the path in (a forced
sign-in with the demo fixtures' credentials) when it holds no working Guid for it, and sends that Guid in place of the
value Schemathesis generates for the Guid security scheme; a Guid that a stateful link took from Set-GUID (the whole
`JSESSIONID=<guid>`, which the mock accepts) is left as it is. IDs the fixtures do not know get no Guid (the gateway then answers
100-006, as it must).

Path IDs: most valid agent IDs the generator draws are mapped onto a few demo accounts, so that calls reach signed-in
agents and barges; one in four is left as drawn (no such account), and IDs the path pattern refuses are never
touched (the negative cases).

The mock's URL comes from CCGW_MOCK_URL; the accounts from CCGW_FUZZ_ACCOUNTS (comma-separated, default below).
"""

import os
import re
import threading

import requests
import schemathesis

BASE_URL = os.environ["CCGW_MOCK_URL"].rstrip("/")
ACCOUNTS = os.environ.get("CCGW_FUZZ_ACCOUNTS", "30101,30102,30201,30202,40201").split(",")
# The demo fixtures' credentials (src/fixtures/demo.json): a mock-only account, never a real one.
PASSWORD = os.environ.get("CCGW_FUZZ_PASSWORD", "demo")
VALID_ID = re.compile(r"^[1-9][0-9]{2,4}$")
PREFIX = "/agentgateway/resource/onlineagent"


@schemathesis.hook
def map_path_parameters(context, path_parameters):
    for name in ("agentid", "workNo"):
        value = path_parameters.get(name)
        if isinstance(value, str) and VALID_ID.match(value) and 101 <= int(value) <= 59999 and int(value) % 4 != 0:
            path_parameters[name] = ACCOUNTS[int(value) % len(ACCOUNTS)]
    return path_parameters


@schemathesis.auth(refresh_interval=None).skip_for(operation_id=["signIn", "forceLogin"])
class GuidOfTheSignedInAgent:
    """Signs the path's agent in when needed and sends its Guid."""

    def __init__(self):
        self._guids = {}
        self._lock = threading.Lock()
        self._http = requests.Session()

    def get(self, case, context):
        # A stateful link passes the whole Set-GUID value of its sign-in: that session's Guid stays. (Schemathesis
        # also generates a value for the Guid security scheme: that one is replaced.)
        if any(name.lower() == "guid" and str(value).startswith("JSESSIONID=") for name, value in (case.headers or {}).items()):
            return None
        agent = (case.path_parameters or {}).get("agentid")
        if agent not in ACCOUNTS:
            return None
        with self._lock:
            guid = self._guids.get(agent)
            if guid is None or not self._works(agent, guid):
                guid = self._guids[agent] = self._sign_in(agent)
            return guid

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Guid": data}

    def _works(self, agent, guid):
        answer = self._http.get(f"{BASE_URL}{PREFIX}/{agent}/agentstatus", headers={"Guid": guid}, timeout=15)
        return answer.status_code == 200 and answer.json().get("retcode") == "0"

    def _sign_in(self, agent):
        body = {"password": PASSWORD, "phonenum": f"888{agent}"}
        answer = self._http.put(f"{BASE_URL}{PREFIX}/{agent}/forcelogin", json=body, timeout=15)
        set_guid = answer.headers.get("Set-GUID", "")
        if answer.status_code != 200 or answer.json().get("retcode") != "0" or "=" not in set_guid:
            raise RuntimeError(f"the forced sign-in of demo agent {agent} answered {answer.status_code} {answer.text[:200]}")
        return set_guid.split("=", 1)[1]
