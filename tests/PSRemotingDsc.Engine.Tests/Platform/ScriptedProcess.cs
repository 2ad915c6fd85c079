using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Tests.Platform;

/// <summary>
/// Stands in for sc.exe / cscript in tests of the Windows adapters' own logic (argument vectors, output parsing,
/// bounded waits): records every call and answers from a function of the arguments.
/// </summary>
internal sealed class ScriptedProcess(Func<IReadOnlyList<string>, BoundedProcess.Outcome> answer)
{
    public List<(string File, IReadOnlyList<string> Arguments, TimeSpan Timeout)> Calls { get; } = [];

    public BoundedProcess.Outcome Run(string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        Calls.Add((file, arguments.ToList(), timeout));
        return answer(arguments);
    }

    public static BoundedProcess.Outcome Ok(string output = "") => new(0, output, "", false);

    public static BoundedProcess.Outcome Exit(int code, string output = "") => new(code, output, "", false);

    public static string State(int code, string name) =>
        $"\r\nSERVICE_NAME: WinRM\r\n        TYPE               : 20  WIN32_SHARE_PROCESS\r\n        STATE              : {code}  {name}\r\n                                (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)\r\n";
}
