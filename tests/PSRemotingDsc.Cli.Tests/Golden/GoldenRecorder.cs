using System.Text;

namespace PSRemotingDsc.Cli.Tests.Golden;

/// <summary>Runs one <see cref="GoldenCase"/> in its own folder and renders what it did as the golden file's text.</summary>
internal static class GoldenRecorder
{
    public static string Record(GoldenWorkspace workspace, GoldenCase goldenCase)
    {
        string directory = workspace.Prepare(goldenCase);
        string config = Path.Join(directory, "sshd_config");
        IReadOnlyList<string> argv = [.. goldenCase.Arguments.Select(arg => Substitute(arg, config))];
        (int exitCode, string stdout, string stderr) = GoldenProcess.Run(argv, workspace.Environment(directory), goldenCase.TraceLevel);

        GoldenNormalizer normalizer = workspace.Normalizer(directory);
        var text = new StringBuilder();
        text.Append("# golden run case ").Append(goldenCase.Name).Append('\n');
        text.Append("start: sshd_config=").Append(goldenCase.Target.SshdConfigFixture)
            .Append(goldenCase.Target.ProvisionedImage ? " image=provisioned" : " image=empty").Append('\n');
        text.Append("DSC_TRACE_LEVEL=").Append(goldenCase.TraceLevel).Append('\n');
        text.Append("--- argv\n").Append(normalizer.Normalize(string.Concat(argv.Select(arg => arg + "\n"))));
        text.Append("--- exit code\n").Append(exitCode).Append('\n');
        text.Append("--- stdout\n").Append(normalizer.Normalize(stdout));
        text.Append("--- stderr\n").Append(normalizer.Normalize(stderr));
        if (goldenCase.RecordsResult)
        {
            text.Append("--- sshd_config after\n").Append(normalizer.Normalize(File.ReadAllText(config, new UTF8Encoding(false))));
            text.Append("--- files after\n").Append(normalizer.Normalize(Listing(directory)));
        }

        return text.ToString();
    }

    /// <summary>Provisions the template image with every WSMan example instance (not recorded: the provisioned cases show the result).</summary>
    public static void Provision(GoldenWorkspace workspace)
    {
        var invoker = new DscCommandInvoker(RepositoryPaths.ManifestPath, CliUnderTest.Directory);
        foreach ((_, System.Text.Json.Nodes.JsonObject properties) in GoldenCases.ExampleInstances().Where(i => i.Properties["transport"]?.GetValue<string>() == "wsman"))
        {
            GoldenProcess.Run(invoker.BuildArguments("set", properties.ToJsonString()), workspace.Environment(workspace.TemplateDirectory), "warn");
        }
    }

    private static string Substitute(string argument, string config) =>
        argument.Replace(GoldenWorkspace.ConfigPlaceholder, argument.StartsWith('{') ? TestPaths.JsonEscaped(config) : config, StringComparison.Ordinal);

    /// <summary>Every folder and file of the case, sorted; file contents follow, each line prefixed with "| ".</summary>
    private static string Listing(string directory)
    {
        var text = new StringBuilder();
        foreach (string entry in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
                     .Select(entry => Path.GetRelativePath(directory, entry).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            string full = Path.Join(directory, entry);
            if (Directory.Exists(full))
            {
                text.Append("d ").Append(entry).Append('\n');
                continue;
            }

            text.Append("f ").Append(entry).Append('\n');
            if (entry != "sshd_config")
            {
                foreach (string line in File.ReadAllText(full, new UTF8Encoding(false)).Split('\n'))
                {
                    text.Append("| ").Append(line).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}
