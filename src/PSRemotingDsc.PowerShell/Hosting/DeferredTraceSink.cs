using PSRemotingDsc.Diagnostics;

namespace PSRemotingDsc.PowerShell.Hosting;

/// <summary>
/// Holds the trace of a planning call until the cmdlet knows whether it will apply the plan: a real run traces
/// again, so the held messages are dropped; under <c>-WhatIf</c> or a declined <c>-Confirm</c> they are written.
/// </summary>
internal sealed class DeferredTraceSink(ITraceSink target) : ITraceSink
{
    private readonly List<(TraceLevel Level, string Message)> _held = [];

    public bool IsEnabled(TraceLevel level) => target.IsEnabled(level);

    public void Write(TraceLevel level, string message) => _held.Add((level, message));

    public void Flush()
    {
        foreach ((TraceLevel level, string message) in _held)
        {
            target.Write(level, message);
        }

        _held.Clear();
    }
}
