using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PSRemotingDsc.TestSupport;

/// <summary>
/// Runs a command resource exactly as the dsc engine does (PowerShell/DSC command_resource.rs): the
/// executable is looked up on PATH, then in the manifest's folder; argv comes from the manifest's
/// <c>args</c> (strings verbatim, <c>jsonInputArg</c> followed by the compact JSON, <c>whatIfArg</c> only in
/// what-if mode); no shell; the working directory is the manifest's folder; <c>DSC_TRACE_LEVEL</c> is set in
/// lowercase; stdin carries nothing and is closed.
/// </summary>
public sealed class DscCommandInvoker
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    private readonly string _manifestPath;
    private readonly JsonObject _manifest;
    private readonly Dictionary<string, string> _environment;

    public DscCommandInvoker(string manifestPath, string executableDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        _manifestPath = manifestPath;
        _manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        variables["PATH"] = executableDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        _environment = variables;
    }

    public JsonObject Manifest => _manifest;

    public string ManifestDirectory => Path.GetDirectoryName(Path.GetFullPath(_manifestPath))!;

    /// <summary>Builds the argv dsc passes for <paramref name="operation"/> (process_get_args / process_set_delete_args).</summary>
    public IReadOnlyList<string> BuildArguments(string operation, string? input, bool whatIf = false)
    {
        JsonObject block = _manifest[operation]?.AsObject() ?? throw new InvalidOperationException($"The manifest has no '{operation}' operation.");
        var argv = new List<string>();
        foreach (JsonNode? item in block["args"]?.AsArray() ?? [])
        {
            switch (item)
            {
                case JsonValue value:
                    argv.Add(value.GetValue<string>());
                    break;
                case JsonObject { } argument when argument["jsonInputArg"] is { } inputArg:
                    bool mandatory = argument["mandatory"]?.GetValue<bool>() ?? false;
                    if (!string.IsNullOrEmpty(input) || mandatory)
                    {
                        argv.Add(inputArg.GetValue<string>());
                        argv.Add(input ?? string.Empty);
                    }

                    break;
                case JsonObject { } argument when argument["whatIfArg"] is { } whatIfArg:
                    if (whatIf)
                    {
                        argv.Add(whatIfArg.GetValue<string>());
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unknown argument object in '{operation}': {item?.ToJsonString()}");
            }
        }

        return argv;
    }

    public DscInvocation Invoke(string operation, string? input, bool whatIf = false, string traceLevel = "warn")
    {
        JsonObject block = _manifest[operation]?.AsObject() ?? throw new InvalidOperationException($"The manifest has no '{operation}' operation.");
        return Run(block["executable"]!.GetValue<string>(), BuildArguments(operation, input, whatIf), traceLevel);
    }

    /// <summary>Runs the manifest's executable with an argv of the caller's choosing: the commands dsc never sends (manifest, help).</summary>
    public DscInvocation RunExecutable(params string[] argv) => Run(_manifest["get"]!["executable"]!.GetValue<string>(), argv, "warn");

    public DscInvocation InvokeSchema() =>
        Run(_manifest["schema"]!["command"]!["executable"]!.GetValue<string>(),
            [.. _manifest["schema"]!["command"]!["args"]!.AsArray().Select(arg => arg!.GetValue<string>())],
            "warn");

    private DscInvocation Run(string executable, IReadOnlyList<string> argv, string traceLevel)
    {
        ProcessStartInfo start = ChildProcess.StartInfo(ResolveExecutable(executable), argv, ManifestDirectory, _environment);
        start.Environment["DSC_TRACE_LEVEL"] = traceLevel;
        (int exitCode, string stdout, string stderr) = ChildProcess.Run(start, s_timeout);
        return new DscInvocation(argv, exitCode, stdout,
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList());
    }

    /// <summary>canonicalize_which: PATH first, then the manifest folder (".exe" appended on Windows).</summary>
    private string ResolveExecutable(string executable)
    {
        string name = OperatingSystem.IsWindows() && !Path.HasExtension(executable) ? executable + ".exe" : executable;
        foreach (string directory in _environment["PATH"].Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        string besideManifest = Path.Combine(ManifestDirectory, name);
        return File.Exists(besideManifest) ? besideManifest : throw new FileNotFoundException($"'{executable}' is neither on PATH nor beside the manifest.", name);
    }
}
