using System.CommandLine;
using System.Text.Json;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Cli.Report;
using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.Cli;

/// <summary>
/// The psremotingdsc command line: the DSC v3 command-resource contract (get|set|test|delete|export with
/// --input, schema, manifest) and a human-readable drift report. Everything here translates; the engine decides.
/// </summary>
internal static class CommandLine
{
    /// <param name="args">The command line.</param>
    /// <param name="readStdin">Reads stdin, or null when it is a terminal.</param>
    /// <param name="stdout">Where output goes.</param>
    /// <param name="stderr">Where errors and traces go.</param>
    /// <param name="stderrIsTerminal">Errors as plain sentences when no trace level is set.</param>
    /// <param name="stdoutIsTerminal">The report's table in colour (unless NO_COLOR is set).</param>
    public static int Run(string[] args, Func<string?> readStdin, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false, bool stdoutIsTerminal = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(readStdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? level = Environment.GetEnvironmentVariable(JsonTraceSink.LevelVariable);
        var trace = new JsonTraceSink(stderr, level, plain: stderrIsTerminal && level is null);
        try
        {
            // What dsc sends is read without building the System.CommandLine tree (start-up); everything else goes to the tree.
            if (ContractCommandLine.TryRead(args) is { } contract)
            {
                return Execute(contract, readStdin, stdout, trace, false);
            }

            bool colour = stdoutIsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            var tree = new CommandTree(arguments => Execute(arguments, readStdin, stdout, trace, colour));
            ParseResult parsed = tree.Root.Parse(args, CommandTree.Parsing);
            if (parsed.Errors.Count > 0)
            {
                throw CommandArguments.Invalid(CommandLineErrors.Describe(parsed));
            }

            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (PSRemotingDscException ex)
        {
            trace.Write(TraceLevel.Error, $"{ex.ErrorId}: {ex.Message}");
            return (int)ex.ExitCode;
        }
        catch (UnauthorizedAccessException ex)
        {
            trace.Write(TraceLevel.Error, $"{ErrorIds.PermissionDenied.Id}: {ex.Message} Run elevated (root or Administrator).");
            return (int)ErrorIds.PermissionDenied.ExitCode;
        }
#pragma warning disable CA1031 // The process boundary: any other failure becomes a trace line and exit code 1, never a crash dump.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            trace.Write(TraceLevel.Error, $"{ErrorIds.Unexpected.Id}: {ex.GetType().Name}: {ex.Message}");
            return (int)ErrorIds.Unexpected.ExitCode;
        }
    }

    private static int Execute(CommandArguments arguments, Func<string?> readStdin, TextWriter stdout, ITraceSink trace, bool colour)
    {
        switch (arguments.Command)
        {
            case "schema":
                stdout.WriteLine(InstanceSchema.Build().ToJsonString(JsonOutput.CompactNodes));
                return 0;
            case "manifest":
                stdout.WriteLine(ResourceManifest.Build().ToJsonString(JsonOutput.IndentedNodes));
                return 0;
            case "report":
                return DriftReport.Run(arguments, stdout, ResourceEnvironment.CreateDefault(trace), colour);
            case "report-merge":
                return DriftReport.Merge(arguments, stdout, readStdin, colour);
            case "endpointset schema":
                stdout.WriteLine(EndpointSetSchema.Build().ToJsonString(JsonOutput.CompactNodes));
                return 0;
            case "endpointset manifest":
                stdout.WriteLine(EndpointSetManifest.Build().ToJsonString(JsonOutput.IndentedNodes));
                return 0;
            case "endpointset get" or "endpointset test" or "endpointset set" or "endpointset export":
                return ExecuteSet(arguments, arguments.Input ?? readStdin(), stdout, trace);
        }

        var resource = new EndpointResource(ResourceEnvironment.CreateDefault(trace));
        string? input = arguments.Input ?? readStdin();
        if (arguments.Command == "export")
        {
            EndpointProperties? filter = string.IsNullOrWhiteSpace(input) ? null : EndpointPropertiesReader.Read(input);
            StateJson.WriteLines(stdout, resource.Export(filter));
            return 0;
        }

        EndpointProperties properties = EndpointPropertiesReader.Read(input);
        switch (arguments.Command)
        {
            case "get":
                stdout.WriteLine(StateJson.Serialize(resource.Get(properties).State));
                return 0;
            case "test":
                WriteStateAndDiff(stdout, resource.Test(properties));
                return 0;
            case "set":
                WriteStateAndDiff(stdout, resource.Set(properties, arguments.WhatIf));
                return 0;
            default:
                OperationResult deleted = resource.Delete(properties, arguments.WhatIf);
                if (arguments.WhatIf)
                {
                    stdout.WriteLine(WhatIfMetadata(deleted));
                }

                return 0;
        }
    }

    /// <summary>PSRemotingDsc/EndpointSet: get prints the state; test and set the state and the differing or changed properties; export one line.</summary>
    private static int ExecuteSet(CommandArguments arguments, string? input, TextWriter stdout, ITraceSink trace)
    {
        var resource = new EndpointSetResource(ResourceEnvironment.CreateDefault(trace));
        if (arguments.Command == "endpointset export")
        {
            EndpointSetProperties? filter = string.IsNullOrWhiteSpace(input) ? null : EndpointSetJson.Read(input);
            foreach (EndpointSetState state in resource.Export(filter))
            {
                stdout.WriteLine(EndpointSetJson.Serialize(state));
            }

            return 0;
        }

        EndpointSetProperties properties = EndpointSetJson.Read(input);
        EndpointSetResult result = arguments.Command switch
        {
            "endpointset get" => resource.Get(properties),
            "endpointset test" => resource.Test(properties),
            _ => resource.Set(properties, arguments.WhatIf),
        };
        stdout.WriteLine(EndpointSetJson.Serialize(result.State, arguments.WhatIf ? result.Changes.Select(change => $"{change.File}: {change.Description}") : null));
        if (arguments.Command != "endpointset get")
        {
            stdout.WriteLine(StateJson.SerializeNames(result.Properties));
        }

        return 0;
    }

    private static void WriteStateAndDiff(TextWriter stdout, OperationResult result)
    {
        stdout.WriteLine(StateJson.Serialize(result.State));
        stdout.WriteLine(StateJson.SerializeNames(result.Properties));
    }

    private static string WhatIfMetadata(OperationResult result)
    {
        string changes = StateJson.SerializeNames(result.Changes.Select(change => $"{change.File}: {change.Description}"));
        return "{\"_metadata\":{\"whatIf\":" + changes + "}}";
    }
}
