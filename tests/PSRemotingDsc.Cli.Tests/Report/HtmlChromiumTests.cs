using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.Cli.Tests.Report;

/// <summary>
/// The HTML report in a real browser: headless Chromium runs the page's script and dumps the DOM, from which the endpoint
/// rows are read back and compared with the JSON report; <c>#sort=column[:desc]</c> makes the script sort on load, as a
/// click on the header does. Skipped, saying why, where no Chromium is installed (./build.sh test installs Debian's).
/// </summary>
public sealed partial class HtmlChromiumTests : IDisposable
{
    private readonly ReportRun _run = new();

    public void Dispose() => _run.Dispose();

    private static string? FindChromium()
    {
        foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private List<string[]> Rows(string chromium, string htmlPath, string fragment)
    {
        var start = ChildProcess.StartInfo(chromium,
            ["--headless", "--disable-gpu", "--no-sandbox", $"--user-data-dir={_run.Directory.Combine("chromium-profile")}", "--dump-dom", new Uri(htmlPath).AbsoluteUri + fragment]);
        (int exitCode, string dom, string stderr) = ChildProcess.Run(start, TimeSpan.FromSeconds(120));
        Assert.True(exitCode == 0, $"chromium exited {exitCode}: {stderr}");
        Match table = EndpointsTable().Match(dom);
        Assert.True(table.Success, "no endpoints table in the DOM:\n" + dom);
        return [.. Row().Matches(table.Groups[1].Value).Select(row => Cell().Matches(row.Groups[1].Value).Select(cell => WebUtility.HtmlDecode(cell.Groups[1].Value)).ToArray())];
    }

    [SkippableFact]
    public void TheDomRows_AreTheReportsEndpoints_AndSortOnLoad()
    {
        string? chromium = FindChromium();
        Skip.If(chromium is null, "no chromium, chromium-browser or google-chrome on PATH (./build.sh test installs Debian's chromium as root)");
        (_, string json, _) = _run.Report("json");
        JsonArray endpoints = JsonNode.Parse(json)!["endpoints"]!.AsArray();
        (int exitCode, string html, _) = _run.Report("html");
        Assert.Equal(20, exitCode);
        string htmlPath = _run.Directory.WriteFile("report.html", html);

        List<string[]> asWritten = Rows(chromium!, htmlPath, string.Empty);
        List<string[]> byName = Rows(chromium!, htmlPath, "#sort=endpoint");
        List<string[]> byNameDescending = Rows(chromium!, htmlPath, "#sort=endpoint:desc");

        Assert.Equal(
            endpoints.Select(e => $"{e!["transport"]}|{e["name"]}|{e["state"]}|{e["complianceStatus"]}"),
            asWritten.Select(cells => string.Join('|', cells.Take(4))));
        Assert.Contains(asWritten, cells => cells[1] == "sftp" && cells[6].StartsWith("/usr/lib/openssh/sftp|server<x>", StringComparison.Ordinal));
        string[] names = [.. endpoints.Select(e => e!["name"]!.GetValue<string>())];
        Assert.Equal(names.Order(StringComparer.Ordinal), byName.Select(cells => cells[1]));
        Assert.Equal(names.Order(StringComparer.Ordinal).Reverse(), byNameDescending.Select(cells => cells[1]));
        Assert.NotEqual(asWritten.Select(cells => cells[1]), byName.Select(cells => cells[1]));
    }

    [GeneratedRegex("<table class=\"sortable\" id=\"endpoints\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex EndpointsTable();

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
