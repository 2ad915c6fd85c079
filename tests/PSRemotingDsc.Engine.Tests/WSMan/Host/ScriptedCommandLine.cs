using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Tests.WSMan.Host;

/// <summary>
/// Stands in for cscript.exe when the store writes the command line itself: records every call and answers from a
/// function of what winrm.vbs would make of that line (<see cref="WinRMVbsCommandLine.ParseWinRMVbs"/>).
/// </summary>
internal sealed class ScriptedCommandLine(Func<WinRMVbsCommandLine.Parsed, BoundedProcess.Outcome> answer)
{
    public List<(string File, string Arguments, WinRMVbsCommandLine.Parsed Parsed)> Calls { get; } = [];

    public BoundedProcess.Outcome Run(string file, string arguments, TimeSpan timeout)
    {
        var parsed = WinRMVbsCommandLine.ParseWinRMVbs(WinRMVbsCommandLine.RawLine(file, arguments));
        Calls.Add((file, arguments, parsed));
        return answer(parsed);
    }
}
