#!/usr/bin/python
# -*- coding: utf-8 -*-
# Runs the DSC v3 command resource PSRemotingDsc/Endpoint (psremotingdsc) on the managed host.

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: psremotingdsc_endpoint
short_description: Keep a PowerShell remoting endpoint present (or absent) for a PowerShell version
description:
  - Runs the DSC v3 command resource C(PSRemotingDsc/Endpoint) (the C(psremotingdsc) executable) on the host, the
    way dsc runs it - C(psremotingdsc test --input <json>) first, then C(set --input <json>), or in check mode
    C(set --input <json> --what-if).
  - C(changed) is what the resource says changed (the list of changed properties C(set) prints), never a guess.
  - The executable is started with an argument list; the instance JSON is one argument. No shell is involved.
  - Diff mode shows the resource's state before (from C(test), with its reasons) and after (from C(set), or the what-if of C(set)).
version_added: "0.1.0"
options:
  version:
    description: Version spec, e.g. C(7), C(7.4), C(7.4.6), C(7-preview). The highest installed match wins.
    type: str
    required: true
  transport:
    description: Remoting transport. Default of the resource - C(wsman) on Windows, C(ssh) elsewhere.
    type: str
    choices: [ssh, wsman]
  name:
    description: Endpoint name (SSH Subsystem name; default C(powershell-<version>)).
    type: str
  pshome:
    description: Pin this installation directory instead of resolving I(version).
    type: path
  sshd_config_path:
    description: Absolute path of the sshd_config to manage (default of the resource - C(/etc/ssh/sshd_config)).
    type: path
  arguments:
    description: Extra pwsh arguments after C(-sshs -NoLogo -NoProfile). Compared only when set.
    type: list
    elements: str
  restart:
    description: Reload sshd (or restart WinRM) after a change - C(never), C(ifNeeded) (the resource's default) or C(always).
    type: str
    choices: [never, ifNeeded, always]
  state:
    description: Whether the endpoint should exist (the resource's C(_exist)).
    type: str
    choices: [present, absent]
    default: present
  binary:
    description:
      - Path of the C(psremotingdsc) executable on the host. Default - C(psremotingdsc) on C(PATH), else in
        C(/usr/local/lib/psremotingdsc) or C(/usr/local/bin) (where the C(psremotingdsc.fleet.psremotingdsc) role
        installs it).
    type: path
  pshome_roots:
    description:
      - Extra directories where PowerShell installations are discovered (each a C($PSHOME) or a folder of them),
        passed to the resource as C(PSREMOTINGDSC_PSHOME_ROOTS). For installations unpacked into a custom place.
    type: list
    elements: path
notes:
  - Supports check mode (C(set --what-if); nothing is written) and diff mode.
  - The resource's warnings (JSON trace lines on stderr) become Ansible warnings; its errors become the failure message
    with its exit code (see the exit codes in the resource manifest).
author:
  - PSRemotingDsc contributors
"""

EXAMPLES = r"""
- name: PowerShell 7.4 endpoint over SSH
  psremotingdsc.fleet.psremotingdsc_endpoint:
    version: "7.4"

- name: A JEA endpoint, sshd reloaded only if needed
  psremotingdsc.fleet.psremotingdsc_endpoint:
    version: "7"
    name: powershell-jea
    arguments: ["-ConfigurationFile", "/etc/pwsh/jea.pssc"]

- name: No preview endpoint
  psremotingdsc.fleet.psremotingdsc_endpoint:
    version: 7-preview
    state: absent
"""

RETURN = r"""
endpoint:
  description: The resource's state after the run (in check mode, the state set would produce).
  returned: always
  type: dict
in_desired_state:
  description: What C(test) said before anything was changed.
  returned: always
  type: bool
differing:
  description: The properties C(test) reported as differing from the desired state.
  returned: always
  type: list
  elements: str
changed_properties:
  description: The properties C(set) changed (or, in check mode, would change).
  returned: always
  type: list
  elements: str
reasons:
  description: Why the endpoint was not in the desired state, as C(test) reported it (C(code), C(phrase)).
  returned: always
  type: list
  elements: dict
restart_required:
  description: Services that must be restarted for the change to take effect (the resource's C(_restartRequired)).
  returned: always
  type: list
  elements: dict
rc:
  description: Exit code of the failing C(psremotingdsc) command.
  returned: failure
  type: int
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.psremotingdsc.fleet.plugins.module_utils.psremotingdsc import Resource, diff_view, environment, find_binary


def _instance(params):
    instance = {"version": params["version"], "_exist": params["state"] == "present"}
    optional = (
        ("transport", "transport"),
        ("name", "name"),
        ("pshome", "pshome"),
        ("sshd_config_path", "sshdConfigPath"),
        ("arguments", "arguments"),
        ("restart", "restart"),
    )
    for option, prop in optional:
        if params[option] is not None:
            instance[prop] = params[option]
    return instance


def main():
    module = AnsibleModule(
        argument_spec=dict(
            version=dict(type="str", required=True),
            transport=dict(type="str", choices=["ssh", "wsman"]),
            name=dict(type="str"),
            pshome=dict(type="path"),
            sshd_config_path=dict(type="path"),
            arguments=dict(type="list", elements="str"),
            restart=dict(type="str", choices=["never", "ifNeeded", "always"]),
            state=dict(type="str", choices=["present", "absent"], default="present"),
            binary=dict(type="path"),
            pshome_roots=dict(type="list", elements="path"),
        ),
        supports_check_mode=True,
    )

    resource = Resource(module, find_binary(module), environment(module))
    instance = _instance(module.params)

    before, differing, in_desired_state, after, changed_properties = resource.converge("", instance, module.check_mode)
    reasons = before.get("reasons") or []

    result = dict(
        changed=bool(changed_properties),
        endpoint=after,
        in_desired_state=in_desired_state,
        differing=differing,
        changed_properties=changed_properties,
        reasons=reasons,
        restart_required=after.get("_restartRequired") or [],
    )
    if module._diff:
        label = after.get("name") or before.get("name") or "version " + instance["version"]
        result["diff"] = dict(
            before=diff_view(before),
            after=diff_view(after),
            before_header="%s (test)" % label,
            after_header="%s (%s)" % (label, "set --what-if" if module.check_mode else "set"),
        )
    for warning in resource.warnings:
        module.warn(warning)
    module.exit_json(**result)


if __name__ == "__main__":
    main()
