using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using PSRemotingDsc.IO;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// <c>verifyConnection</c> for SSH: proves, without a network connection or a key, that a connection to the Subsystem
/// would get a working PowerShell server. Two steps, both bounded by one timeout:
/// <list type="number">
/// <item>The effective configuration: <c>sshd -T -C user=&lt;this user&gt;,host=localhost,addr=127.0.0.1 -f &lt;sshd_config&gt;</c>
/// prints what sshd would use for such a connection after its Match blocks (OpenSSH 9.5+ lets a Match block replace a
/// Subsystem, servconf.c servconf_merge_subsystems). Its <c>subsystem &lt;name&gt; &lt;command&gt;</c> line must run the
/// command of the definition the resource observed; sshd rejecting the file is a failure too.</item>
/// <item>The handshake: the command runs as sshd runs it (session.c do_child): this user's login shell from the passwd
/// entry with <c>-c</c> and the command line as sshd joined it, no terminal, in the home directory, with the minimal
/// environment sshd sets. The probe then speaks PowerShell's out-of-process remoting protocol on its stdin and stdout as
/// a PowerShell client does: a SESSION_CAPABILITY message, then INIT_RUNSPACEPOOL after the server's DataAck, each in
/// one fragment of a <c>Data</c> packet on the session (PSGuid 00000000-…). It succeeds when the server reports the
/// runspace pool Opened (RUNSPACEPOOL_STATE 2), then sends <c>Close</c> and lets the server exit; a process still
/// running at the end, or at the timeout, is killed with its process tree.</item>
/// </list>
/// The process runs as this process's user: under dsc that is root, so the probe shows what a connection as root gets.
/// </summary>
public sealed class SshConnectionProbe
{
    /// <summary>How long one probe may take unless another bound is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The protocol version a PowerShell 7 client announces (RemotingConstants.ProtocolVersion, 2.3).</summary>
    internal const string SessionCapabilityClixml =
        "<Obj RefId=\"0\"><MS><Version N=\"protocolversion\">2.3</Version><Version N=\"PSVersion\">2.0</Version><Version N=\"SerializationVersion\">1.1.0.1</Version></MS></Obj>";

    /// <summary>
    /// A runspace pool of one runspace without a host, as MS-PSRP 2.2.2.2 shows it (EncodeAndDecode.cs
    /// GenerateCreateRunspacePool 449–475: MinRunspaces, MaxRunspaces, PSThreadOptions, ApartmentState,
    /// ApplicationArguments, HostInfo).
    /// </summary>
    internal const string InitRunspacePoolClixml =
        "<Obj RefId=\"0\"><MS><I32 N=\"MinRunspaces\">1</I32><I32 N=\"MaxRunspaces\">1</I32>"
        + "<Obj N=\"PSThreadOptions\" RefId=\"1\"><TN RefId=\"0\"><T>System.Management.Automation.Runspaces.PSThreadOptions</T><T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN><ToString>Default</ToString><I32>0</I32></Obj>"
        + "<Obj N=\"ApartmentState\" RefId=\"2\"><TN RefId=\"1\"><T>System.Threading.ApartmentState</T><T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN><ToString>Unknown</ToString><I32>2</I32></Obj>"
        + "<Nil N=\"ApplicationArguments\" />"
        + "<Obj N=\"HostInfo\" RefId=\"3\"><MS><B N=\"_isHostNull\">true</B><B N=\"_isHostUINull\">true</B><B N=\"_isHostRawUINull\">true</B><B N=\"_useRunspaceHost\">true</B></MS></Obj>"
        + "</MS></Obj>";

    /// <summary>sshd's PATH for a session when its build sets no other (OpenSSH pathnames.h _PATH_STDPATH plus the sbin directories root gets).</summary>
    private const string SessionPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>
    /// How <c>pwsh -sshs</c> reports a transport error: on stdout, after this prefix (ConsoleHost.cs 250–258 runs the
    /// mediator with combineErrOutStream: true, so OutOfProcServerMediator.cs FormattedErrorTextWriter 584–603 prepends
    /// OutOfProcTransportManager.cs 417's <c>__NamedPipeError__:</c>).
    /// </summary>
    private const string ServerErrorPrefix = "__NamedPipeError__:";

    private const int RunspacePoolOpened = 2;
    private const int MaxQuoted = 120;

    private readonly Func<string?> _findSshd;
    private readonly TimeSpan _timeout;
    private readonly Func<(string Name, string Home, string Shell)?> _account;

    /// <summary>A probe that asks the sshd <paramref name="findSshd"/> finds and gives up after <paramref name="timeout"/>.</summary>
    /// <param name="findSshd">The sshd that prints the effective configuration; when it returns null, that step is skipped.</param>
    /// <param name="timeout">How long the whole probe may take; must be positive.</param>
    public SshConnectionProbe(Func<string?> findSshd, TimeSpan timeout)
        : this(findSshd, timeout, UnixNative.CurrentAccount)
    {
    }

    internal SshConnectionProbe(Func<string?> findSshd, TimeSpan timeout, Func<(string Name, string Home, string Shell)?> account)
    {
        ArgumentNullException.ThrowIfNull(findSshd);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _findSshd = findSshd;
        _timeout = timeout;
        _account = account;
    }

    /// <summary>The bound of one probe.</summary>
    public TimeSpan Timeout => _timeout;

    /// <summary>Probes the Subsystem <paramref name="name"/> of <paramref name="sshdConfigPath"/>, whose observed definition runs <paramref name="observed"/>.</summary>
    /// <param name="sshdConfigPath">The sshd_config sshd reads.</param>
    /// <param name="name">The Subsystem name.</param>
    /// <param name="observed">The command of the definition the resource read (the first global one).</param>
    public SshConnectionProbeResult Probe(string sshdConfigPath, string name, SubsystemCommandLine observed)
    {
        ArgumentException.ThrowIfNullOrEmpty(sshdConfigPath);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(observed);
        var clock = Stopwatch.StartNew();
        if (_account() is not { } account)
        {
            return SshConnectionProbeResult.Failed("the passwd entry of the user this process runs as could not be read");
        }

        string commandLine = observed.Render();
        string? sshd = _findSshd();
        if (sshd is not null)
        {
            (string? effective, string? failure) = EffectiveCommand(sshd, sshdConfigPath, name, account.Name);
            if (failure is not null)
            {
                return SshConnectionProbeResult.Failed(failure);
            }

            SubsystemCommandLine parsed = SubsystemCommandLine.Parse(effective!);
            if (!parsed.Equals(observed))
            {
                return new SshConnectionProbeResult(false, $"sshd's effective configuration for {ConnectionSpec(account.Name)} runs '{effective}', not '{commandLine}'", parsed);
            }

            commandLine = effective!;
        }

        TimeSpan remaining = _timeout - clock.Elapsed;
        return remaining <= TimeSpan.Zero
            ? SshConnectionProbeResult.Failed(TimedOut("before the remoting handshake started"))
            : Handshake(account, commandLine, remaining);
    }

    /// <summary>The <c>subsystem</c> lines of <c>sshd -T</c> output: name → command (the first of a name; sshd prints each once).</summary>
    internal static Dictionary<string, string> ParseSubsystems(string output)
    {
        var subsystems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            const string Keyword = "subsystem ";
            if (!line.StartsWith(Keyword, StringComparison.Ordinal))
            {
                continue;
            }

            string rest = line[Keyword.Length..];
            int space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                subsystems.TryAdd(rest[..space], rest[(space + 1)..]);
            }
        }

        return subsystems;
    }

    private static string ConnectionSpec(string user) => $"user={user},host=localhost,addr=127.0.0.1";

    private (string? Command, string? Failure) EffectiveCommand(string sshd, string configPath, string name, string user)
    {
        string shown = $"'{sshd} -T -C {ConnectionSpec(user)} -f {configPath}'";
        BoundedProcess.Outcome outcome;
        try
        {
            outcome = BoundedProcess.Run(sshd, ["-T", "-C", ConnectionSpec(user), "-f", configPath], _timeout);
        }
        catch (Win32Exception e)
        {
            return (null, $"{shown} could not be started: {e.Message}");
        }

        if (outcome.TimedOut)
        {
            return (null, $"{shown} did not finish within {Seconds(_timeout)} s");
        }

        if (outcome.ExitCode != 0)
        {
            return (null, $"{shown} rejected the configuration (exit code {outcome.ExitCode}): {FirstLine(outcome.StandardError) ?? "no message"}");
        }

        return ParseSubsystems(outcome.StandardOutput).TryGetValue(name, out string? command)
            ? (command, null)
            : (null, $"{shown} defines no Subsystem '{name}' for that connection");
    }

    private SshConnectionProbeResult Handshake((string Name, string Home, string Shell) account, string commandLine, TimeSpan budget)
    {
        // session.c do_child: the login shell, /bin/sh when the entry has none, with -c and the command; in the home directory.
        string shell = account.Shell.Length > 0 ? account.Shell : "/bin/sh";
        var startInfo = new ProcessStartInfo(shell)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = Directory.Exists(account.Home) ? account.Home : "/",
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(commandLine);

        // session.c do_setup_env: what sshd sets for a session without PAM; a loopback connection from port 0.
        string? timeZone = Environment.GetEnvironmentVariable("TZ");
        startInfo.Environment.Clear();
        startInfo.Environment["USER"] = account.Name;
        startInfo.Environment["LOGNAME"] = account.Name;
        startInfo.Environment["HOME"] = account.Home;
        startInfo.Environment["PATH"] = SessionPath;
        startInfo.Environment["SHELL"] = shell;
        startInfo.Environment["SSH_CLIENT"] = "127.0.0.1 0 22";
        startInfo.Environment["SSH_CONNECTION"] = "127.0.0.1 0 127.0.0.1 22";
        if (timeZone is not null)
        {
            startInfo.Environment["TZ"] = timeZone;
        }

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new Win32Exception($"'{shell}' did not start.");
        }
        catch (Win32Exception e)
        {
            return SshConnectionProbeResult.Failed($"the login shell '{shell}' could not be started: {e.Message}");
        }

        using (process)
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            try
            {
                return Converse(process, stderr, clock, budget);
            }
            finally
            {
                Stop(process, clock, budget);
            }
        }
    }

    private SshConnectionProbeResult Converse(Process process, Task<string> stderr, Stopwatch clock, TimeSpan budget)
    {
        var runspacePoolId = Guid.NewGuid();
        var defragmenter = new PsrpDefragmenter();
        string? remoteVersion = null;
        string stage = "after the session capability was sent";
        bool initSent = false;
        if (!TrySend(process, PsrpFragment.Whole(1, PsrpMessage.WithText(PsrpMessage.ToServer, PsrpMessage.SessionCapability, runspacePoolId, Guid.Empty, SessionCapabilityClixml))))
        {
            return Exited(process, stderr, stage);
        }

        while (true)
        {
            Task<string?> read = process.StandardOutput.ReadLineAsync();
            TimeSpan remaining = budget - clock.Elapsed;
            if (remaining <= TimeSpan.Zero || !read.Wait(remaining))
            {
                return SshConnectionProbeResult.Failed(TimedOut(stage));
            }

            string? line = read.Result;
            if (line is null)
            {
                return Exited(process, stderr, stage);
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.StartsWith(ServerErrorPrefix, StringComparison.Ordinal))
            {
                return SshConnectionProbeResult.Failed($"the PowerShell server reported an error ({stage}): {Quote(line[ServerErrorPrefix.Length..].Trim())}");
            }

            if (OutOfProcessPacket.Parse(line) is not { } packet)
            {
                return SshConnectionProbeResult.Failed($"the command answered with something that is not PowerShell remoting ({stage}): '{Quote(line)}'");
            }

            if (packet.Kind == OutOfProcessPacket.DataAckKind && packet.PSGuid == Guid.Empty && !initSent)
            {
                // PowerShell's client sends its next fragment when the server acknowledged the last one.
                initSent = true;
                stage = "after the runspace pool was requested";
                if (!TrySend(process, PsrpFragment.Whole(2, PsrpMessage.WithText(PsrpMessage.ToServer, PsrpMessage.InitRunspacePool, runspacePoolId, Guid.Empty, InitRunspacePoolClixml))))
                {
                    return Exited(process, stderr, stage);
                }

                continue;
            }

            if (packet.Kind != OutOfProcessPacket.DataKind || packet.Data is null)
            {
                continue;
            }

            if (PsrpFragment.DecodeAll(packet.Data) is not { } fragments)
            {
                return SshConnectionProbeResult.Failed($"the command sent a Data packet that holds no PSRP fragments ({stage})");
            }

            foreach (PsrpFragment fragment in fragments)
            {
                PsrpMessage? message;
                try
                {
                    message = defragmenter.Add(fragment);
                }
                catch (InvalidDataException e)
                {
                    return SshConnectionProbeResult.Failed($"the command sent broken PSRP fragments ({stage}): {e.Message}");
                }

                if (message is null || message.Destination != PsrpMessage.ToClient)
                {
                    continue;
                }

                if (message.MessageType == PsrpMessage.ApplicationPrivateData)
                {
                    remoteVersion = PSVersionOf(message.Text) ?? remoteVersion;
                }
                else if (message.MessageType == PsrpMessage.RunspacePoolState && RunspaceState(message.Text) is { } state)
                {
                    if (state == RunspacePoolOpened)
                    {
                        return new SshConnectionProbeResult(true, null, null, remoteVersion);
                    }

                    if (state is 3 or 5)
                    {
                        string why = ErrorMessage(message.Text) is { } text ? $": {text}" : string.Empty;
                        return SshConnectionProbeResult.Failed($"the PowerShell server did not open a runspace pool (state {(state == 5 ? "Broken" : "Closed")}){why}");
                    }
                }
            }
        }
    }

    /// <summary>Closes the session as a client does, then makes sure the process is gone: killed with its tree when it does not exit in time.</summary>
    private static void Stop(Process process, Stopwatch clock, TimeSpan budget)
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.WriteLine(OutOfProcessPacket.CloseLine(Guid.Empty));
                process.StandardInput.Flush();
                process.StandardInput.Close();
            }
        }
        catch (IOException)
        {
            // It exited meanwhile.
        }

        TimeSpan grace = TimeSpan.FromSeconds(Math.Clamp((budget - clock.Elapsed).TotalSeconds, 0.2, 3));
        if (!process.WaitForExit(grace))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the wait and the kill.
            }

            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
    }

    private static bool TrySend(Process process, PsrpFragment fragment)
    {
        try
        {
            process.StandardInput.WriteLine(OutOfProcessPacket.DataLine(fragment.Encode(), Guid.Empty));
            process.StandardInput.Flush();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static SshConnectionProbeResult Exited(Process process, Task<string> stderr, string stage)
    {
        if (!process.WaitForExit(TimeSpan.FromSeconds(2)))
        {
            return SshConnectionProbeResult.Failed($"the command closed its output without answering ({stage})");
        }

        try
        {
            stderr.Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            // Only the message is lost.
        }

        string? message = stderr.IsCompletedSuccessfully ? FirstLine(stderr.Result) : null;
        return SshConnectionProbeResult.Failed(string.Create(CultureInfo.InvariantCulture,
            $"the command exited with code {process.ExitCode} before a runspace pool opened ({stage}){(message is null ? string.Empty : $": {Quote(message)}")}"));
    }

    private string TimedOut(string stage) => $"no runspace pool opened within {Seconds(_timeout)} s ({stage}); the process was stopped";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private static string? FirstLine(string text) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);

    private static string Quote(string text) => text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "…");

    /// <summary>The <c>RunspaceState</c> of a RUNSPACEPOOL_STATE message (MS-PSRP 2.2.2.9: &lt;I32 N="RunspaceState"&gt;).</summary>
    internal static int? RunspaceState(string clixml) =>
        ElementText(clixml, "I32", "RunspaceState") is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int state) ? state : null;

    /// <summary>
    /// The server's version from the PSVersionTable in its APPLICATION_PRIVATE_DATA, a dictionary of
    /// <c>&lt;En&gt;&lt;S N="Key"&gt;…&lt;/S&gt;&lt;… N="Value"&gt;…&lt;/…&gt;&lt;/En&gt;</c> entries: <c>PSSemanticVersion</c>
    /// (which keeps a pre-release label), else <c>PSVersion</c>.
    /// </summary>
    internal static string? PSVersionOf(string clixml) => DictionaryValue(clixml, "PSSemanticVersion") ?? DictionaryValue(clixml, "PSVersion");

    private static string? DictionaryValue(string clixml, string key)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(clixml), new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            bool found = false;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement)
                {
                    string? n = reader.GetAttribute("N");
                    if (found && n == "Value")
                    {
                        string value = reader.ReadElementContentAsString();
                        return value.Length > 0 ? value : null;
                    }

                    if (reader.LocalName == "S" && n == "Key")
                    {
                        // Leaves the reader on the node after the key: the value, when this is the entry.
                        found = reader.ReadElementContentAsString() == key;
                        continue;
                    }

                    found = false;
                }

                reader.Read();
            }
        }

        catch (XmlException)
        {
            // Not CLIXML: no version.
        }

        return null;
    }

    private static string? ErrorMessage(string clixml) => ElementText(clixml, "S", "Message") ?? ElementText(clixml, "ToString", null);

    /// <summary>The text of the first element named <paramref name="element"/> whose N attribute is <paramref name="property"/> (any, when null).</summary>
    private static string? ElementText(string clixml, string element, string? property)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(clixml), new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == element
                    && (property is null || reader.GetAttribute("N") == property) && !reader.IsEmptyElement)
                {
                    string text = reader.ReadElementContentAsString();
                    return text.Length > 0 ? text : null;
                }
            }
        }
        catch (XmlException)
        {
            // Not CLIXML: nothing to report.
        }

        return null;
    }
}
