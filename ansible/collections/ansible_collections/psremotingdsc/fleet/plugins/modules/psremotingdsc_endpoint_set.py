#!/usr/bin/python
# -*- coding: utf-8 -*-
# Runs the DSC v3 command resource PSRemotingDsc/EndpointSet (psremotingdsc endpointset) on the managed host.

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: psremotingdsc_endpoint_set
short_description: Keep the remoting endpoints of a list of PowerShell versions present, and with purge no others
description:
  - Runs the DSC v3 command resource C(PSRemotingDsc/EndpointSet) (C(psremotingdsc endpointset)) on the host, the way
    dsc runs it - C(endpointset test --input <json>) first, then C(endpointset set --input <json>), or in check mode
    C(endpointset set --input <json> --what-if).
  - One process and one locked read-modify-write of sshd_config for the whole list; sshd is reloaded once.
  - With I(purge), PowerShell 6+ endpoints no version asks for are removed; never C(Microsoft.PowerShell*), Windows
    PowerShell, or a subsystem that is not PowerShell (sftp).
  - C(changed) is what the resource says changed; the executable is started with an argument list, no shell.
version_added: "0.1.0"
options:
  versions:
    description: Version specs, e.g. C(7), C(7.4), C(7-preview); each gets its default endpoint.
    type: list
    elements: str
    required: true
  transport:
    description: Remoting transport. Default of the resource - C(wsman) on Windows, C(ssh) elsewhere.
    type: str
    choices: [ssh, wsman]
  sshd_config_path:
    description: Absolute path of the sshd_config to manage (default of the resource - C(/etc/ssh/sshd_config)).
    type: path
  purge:
    description: Remove the PowerShell 6+ endpoints that no version in I(versions) asks for.
    type: bool
    default: false
  binary:
    description: Path of C(psremotingdsc) on the host; by default found on PATH or where the role installs it.
    type: path
  pshome_roots:
    description: Extra directories to discover PowerShell installations in (C(PSREMOTINGDSC_PSHOME_ROOTS)).
    type: list
    elements: path
author:
  - PSRemotingDsc contributors
"""

EXAMPLES = r"""
- name: PowerShell 7 and 7-preview over SSH, and no other PowerShell endpoint
  psremotingdsc.fleet.psremotingdsc_endpoint_set:
    versions: ["7", "7-preview"]
    transport: ssh
    purge: true
"""

RETURN = r"""
endpoint_set:
  description: The resource's state after the run (from C(set), or its what-if in check mode).
  returned: always
  type: dict
in_desired_state:
  description: Whether C(test) found the set in the desired state.
  returned: always
  type: bool
missing_versions:
  description: The versions whose endpoint was missing or drifted before the run.
  returned: always
  type: list
undesired_endpoints:
  description: The PowerShell 6+ endpoints no version asks for, before the run (what purge removes).
  returned: always
  type: list
reasons:
  description: The resource's reasons before the run, each with C(code) and C(phrase).
  returned: always
  type: list
changed_properties:
  description: The properties C(set) changed (C(versions)), empty when nothing changed.
  returned: always
  type: list
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.psremotingdsc.fleet.plugins.module_utils.psremotingdsc import Resource, diff_view, environment, find_binary


def _instance(params):
    instance = {"versions": params["versions"], "_purge": params["purge"]}
    if params["transport"] is not None:
        instance["transport"] = params["transport"]
    if params["sshd_config_path"] is not None:
        instance["sshdConfigPath"] = params["sshd_config_path"]
    return instance


def main():
    module = AnsibleModule(
        argument_spec=dict(
            versions=dict(type="list", elements="str", required=True),
            transport=dict(type="str", choices=["ssh", "wsman"]),
            sshd_config_path=dict(type="path"),
            purge=dict(type="bool", default=False),
            binary=dict(type="path"),
            pshome_roots=dict(type="list", elements="path"),
        ),
        supports_check_mode=True,
    )

    resource = Resource(module, find_binary(module), environment(module))
    instance = _instance(module.params)

    before, _, in_desired_state, after, changed_properties = resource.converge("endpointset ", instance, module.check_mode)

    result = dict(
        changed=bool(changed_properties),
        endpoint_set=after,
        in_desired_state=in_desired_state,
        missing_versions=before.get("missingVersions") or [],
        undesired_endpoints=before.get("undesiredEndpoints") or [],
        reasons=before.get("reasons") or [],
        changed_properties=changed_properties,
    )
    if module._diff:
        result["diff"] = dict(
            before=diff_view(before),
            after=diff_view(after),
            before_header="endpoint set (test)",
            after_header="endpoint set (%s)" % ("set --what-if" if module.check_mode else "set"),
        )
    for warning in resource.warnings:
        module.warn(warning)
    module.exit_json(**result)


if __name__ == "__main__":
    main()
