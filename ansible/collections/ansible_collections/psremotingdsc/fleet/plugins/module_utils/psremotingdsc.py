# -*- coding: utf-8 -*-
# What the modules of this collection share: finding psremotingdsc on the host, running one of its operations with an
# argument list (never a shell), reading its JSON trace lines and dsc's "state and diff" output.
from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os

# Left out of the diff: the bookkeeping of one run. The reasons stay in: a drift such as a missing -sshs changes no
# property value, only the reasons (before: why it drifted; after: none).
BOOKKEEPING = ("_inDesiredState", "_metadata", "_restartRequired")

DEFAULT_DIRS = ["/usr/local/lib/psremotingdsc", "/usr/local/bin"]


def find_binary(module):
    """The psremotingdsc the task names, else the one on PATH or in the role's install directories; fails the task if none."""
    binary = module.params["binary"] or module.get_bin_path("psremotingdsc", required=False, opt_dirs=DEFAULT_DIRS)
    if not binary or not os.path.isfile(binary):
        module.fail_json(msg="psremotingdsc is not installed on the host (looked for %s); install it with the "
                             "psremotingdsc.fleet.psremotingdsc role or set 'binary'." % (binary or "it on PATH and in " + ", ".join(DEFAULT_DIRS)))
    return binary


def environment(module):
    """JSON trace lines on stderr at warn level whatever the host's environment says, and the extra installation roots."""
    environ = {"DSC_TRACE_LEVEL": "warn"}
    if module.params["pshome_roots"] is not None:
        environ["PSREMOTINGDSC_PSHOME_ROOTS"] = os.pathsep.join(module.params["pshome_roots"])
    return environ


def diff_view(state):
    return dict((key, value) for key, value in state.items() if key not in BOOKKEEPING)


def _trace(stderr):
    """The resource's JSON trace lines on stderr, as (level, message) pairs; other lines as ('error', line)."""
    lines = []
    for line in (stderr or "").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError:
            lines.append(("error", line))
            continue
        if isinstance(record, dict) and len(record) >= 1:
            level, message = next(iter(record.items()))
            lines.append((str(level), message if isinstance(message, str) else json.dumps(message)))
        else:
            lines.append(("error", line))
    return lines


class Resource(object):
    def __init__(self, module, binary, environ):
        self.module = module
        self.binary = binary
        self.environ = environ
        self.warnings = []

    def run(self, operation, instance, what_if=False):
        args = [self.binary] + operation.split() + ["--input", json.dumps(instance, separators=(",", ":"))]
        if what_if:
            args.append("--what-if")
        rc, stdout, stderr = self.module.run_command(args, environ_update=self.environ, check_rc=False)
        trace = _trace(stderr)
        for level, message in trace:
            if level == "warn" and message not in self.warnings:
                self.warnings.append(message)
        if rc != 0:
            errors = [message for level, message in trace if level == "error"] or [stderr.strip() or "(no message)"]
            self.fail(
                "psremotingdsc %s failed with exit code %d: %s" % (operation, rc, " ".join(errors)),
                rc=rc,
                stdout=stdout,
                stderr=stderr,
                instance=instance,
            )
        return self.state_and_diff(operation, stdout, stderr)

    def state_and_diff(self, operation, stdout, stderr):
        """dsc's stateAndDiff: the state on the first line, the JSON array of property names on the second."""
        lines = [line for line in stdout.splitlines() if line.strip()]
        try:
            state = json.loads(lines[0])
            diff = json.loads(lines[1]) if len(lines) > 1 else []
        except (ValueError, IndexError):
            self.fail("psremotingdsc %s printed no state and diff: %r" % (operation, stdout), stdout=stdout, stderr=stderr)
        if not isinstance(state, dict) or not isinstance(diff, list):
            self.fail("psremotingdsc %s printed an unexpected state and diff: %r" % (operation, stdout), stdout=stdout, stderr=stderr)
        return state, [str(name) for name in diff]

    def fail(self, msg, **kwargs):
        for warning in self.warnings:
            self.module.warn(warning)
        self.module.fail_json(msg=msg, **kwargs)

    def converge(self, prefix, instance, check_mode):
        """dsc's test-then-set: `<prefix>test`; only out of the desired state `<prefix>set` (`--what-if` in check mode).

        Returns (before, differing, in_desired_state, after, changed_properties)."""
        before, differing = self.run(prefix + "test", instance)
        in_desired_state = bool(before.get("_inDesiredState", not differing))
        if in_desired_state:
            return before, differing, True, before, []
        after, changed_properties = self.run(prefix + "set", instance, what_if=check_mode)
        return before, differing, False, after, changed_properties
