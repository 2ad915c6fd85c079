using System.Reflection;
using System.Text.RegularExpressions;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Tests.Errors;

public sealed partial class ErrorIdsTests
{
    private static readonly string[] s_tableFiles =
    [
        Path.Combine("PSRemotingDsc.Engine", "Errors", "ErrorIds.cs"),
        Path.Combine("PSRemotingDsc.Engine", "Errors", "ExitCodeDescriptions.cs"),
        Path.Combine("PSRemotingDsc.Engine", "Errors", "ExitCode.cs"),
    ];

    [Fact]
    public void All_ListsEveryDeclaredId_OnceEach_NamedAfterItsMember()
    {
        var declared = typeof(ErrorIds)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(ErrorDefinition))
            .ToList();

        Assert.All(declared, property => Assert.Equal(property.Name, ((ErrorDefinition)property.GetValue(null)!).Id));
        Assert.Equal(declared.Select(property => property.Name).Order(StringComparer.Ordinal), ErrorIds.All.Select(error => error.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ErrorIds.All.Count, ErrorIds.All.Select(error => error.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void EveryId_MapsToADefinedExitCodeOtherThanSuccess_AndSaysWhenItHappens()
    {
        Assert.All(ErrorIds.All, error =>
        {
            Assert.True(Enum.IsDefined(error.ExitCode), $"{error.Id} maps to undefined exit code {(int)error.ExitCode}.");
            Assert.NotEqual(ExitCode.Success, error.ExitCode);
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", error.Id);
            Assert.False(string.IsNullOrWhiteSpace(error.Description), $"{error.Id} has no description.");
            Assert.EndsWith(".", error.Description, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Description);
        });
    }

    [Fact]
    public void EveryExitCodeOtherThanSuccess_HasAtLeastOneId()
    {
        var used = ErrorIds.All.Select(error => error.ExitCode).ToHashSet();
        var unused = Enum.GetValues<ExitCode>().Where(code => code != ExitCode.Success && !used.Contains(code)).ToList();

        Assert.True(unused.Count == 0, $"Exit codes with no error ID in ErrorIds: {string.Join(", ", unused)}. Add an ID for each, or retire the code.");
    }

    [Fact]
    public void Exception_TakesItsIdAndExitCodeFromTheTable()
    {
        var inner = new IOException("disk");
        var ex = new PSRemotingDscException(ErrorIds.SshdConfigLocked, "locked", inner);

        Assert.Equal("SshdConfigLocked", ex.ErrorId);
        Assert.Equal(ExitCode.ConfigLocked, ex.ExitCode);
        Assert.Same(inner, ex.InnerException);
        Assert.Equal("Unexpected", new PSRemotingDscException("boom").ErrorId);
        Assert.Equal(ExitCode.UnexpectedError, new PSRemotingDscException().ExitCode);
    }

    [Fact]
    public void NoThrowSite_PicksItsOwnExitCode()
    {
        var offences = new List<string>();
        foreach (var (file, text) in SourceFiles())
        {
            foreach (Match call in ExceptionCall().Matches(text))
            {
                string arguments = ArgumentsAt(text, call.Index + call.Length);
                if (arguments.Contains("ExitCode.", StringComparison.Ordinal))
                {
                    offences.Add($"{file}:{LineOf(text, call.Index)}: passes an ExitCode");
                }

                if (arguments.TrimStart().StartsWith('"') || arguments.TrimStart().StartsWith("$\"", StringComparison.Ordinal))
                {
                    offences.Add($"{file}:{LineOf(text, call.Index)}: passes a string literal as the first argument");
                }
            }

            if (!s_tableFiles.Any(table => file.EndsWith(table, StringComparison.Ordinal)))
            {
                foreach (Match code in ExitCodeArgument().Matches(text))
                {
                    offences.Add($"{file}:{LineOf(text, code.Index)}: passes '{code.Value.TrimEnd(',', ')', ' ')}' as an argument");
                }
            }
        }

        Assert.True(offences.Count == 0, "Throw sites must name an ErrorIds member; the exit code comes from the table (src/PSRemotingDsc.Engine/Errors/ErrorIds.cs):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void NoErrorIdString_IsSpelledOutsideTheTable()
    {
        var ids = ErrorIds.All.Select(error => error.Id).ToHashSet(StringComparer.Ordinal);
        var offences = new List<string>();
        foreach (var (file, text) in SourceFiles())
        {
            if (file.EndsWith(s_tableFiles[0], StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match literal in StringLiteral().Matches(text))
            {
                if (ids.Contains(literal.Groups["id"].Value))
                {
                    offences.Add($"{file}:{LineOf(text, literal.Index)}: {literal.Value}");
                }
            }
        }

        Assert.True(offences.Count == 0, "Error IDs are spelled only in ErrorIds.cs; use ErrorIds.<Id> instead of the string:\n" + string.Join("\n", offences));
    }

    private static IEnumerable<(string File, string Text)> SourceFiles()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.NotEmpty(files);
        foreach (string path in files)
        {
            yield return (Path.GetRelativePath(RepositoryPaths.Source, path), WithoutComments(File.ReadAllText(path)));
        }
    }

    private static string WithoutComments(string text) => LineComment().Replace(text, string.Empty);

    private static string ArgumentsAt(string text, int start)
    {
        int depth = 1;
        for (int i = start; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[start..i];
            }
        }

        return text[start..];
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    /// <summary>A constructor call (not the constructor declarations themselves).</summary>
    [GeneratedRegex(@"(?<!public\s+)\bPSRemotingDscException\(")]
    private static partial Regex ExceptionCall();

    /// <summary>An exit code passed as an argument: followed by ',' or ')', not compared with '=='.</summary>
    [GeneratedRegex(@"(?<![=!]=\s*)\bExitCode\.[A-Z]\w*\s*[,)]")]
    private static partial Regex ExitCodeArgument();

    [GeneratedRegex("\"(?<id>[A-Z][A-Za-z0-9]+)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^\s*//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
