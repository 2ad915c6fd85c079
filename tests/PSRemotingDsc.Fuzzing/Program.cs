using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SharpFuzz;

namespace PSRemotingDsc.Fuzzing;

/// <summary>The fuzzing harness: one process per target, chosen by the first argument.</summary>
public static class Program
{
    private const string Usage = """
        Usage:
          PSRemotingDsc.Fuzzing <target>                 under libfuzzer-dotnet or afl-fuzz (told apart by their environment)
          PSRemotingDsc.Fuzzing <target> <file>...       run each file once; exit 1 when one crashes (reproduce a finding)
          PSRemotingDsc.Fuzzing <target> --smoke [--count N] [--seed S] [--corpus DIR] [--crashes DIR] [--trace]
                                                         the deterministic pass of the test suite, with other numbers
          PSRemotingDsc.Fuzzing <target> --dictionary    the target's dictionary for libFuzzer -dict= or afl-fuzz -x
          PSRemotingDsc.Fuzzing --list                   the targets
        """;

    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 1 && args[0] == "--list")
        {
            foreach (var each in FuzzTargets.All)
            {
                Console.WriteLine($"{each.Name,-12} {each.Description}");
            }

            return 0;
        }

        if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
        {
            return Fail(args.Length == 0 ? "No target given." : $"'{args[0]}' is not a fuzz target.");
        }

        var rest = args.AsSpan(1);
        if (rest.Length == 0)
        {
            return Fuzz(target);
        }

        return rest[0] switch
        {
            "--smoke" => Smoke(target, rest[1..]),
            "--dictionary" when rest.Length == 1 => Dictionary(target),
            _ when rest[0].StartsWith("--", StringComparison.Ordinal) => Fail($"Unknown option '{rest[0]}'."),
            _ => Reproduce(target, rest),
        };
    }

    private static int Fuzz(FuzzTarget target)
    {
        if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") is not null)
        {
            Fuzzer.LibFuzzer.Run(input => target.Run(input));
            return 0;
        }

        if (Environment.GetEnvironmentVariable("__AFL_SHM_ID") is not null)
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            });
            return 0;
        }

        return Fail("Not running under libfuzzer-dotnet or afl-fuzz; give input files to run them once (docs/fuzzing.md).");
    }

    private static int Reproduce(FuzzTarget target, ReadOnlySpan<string> files)
    {
        ProvideTraceMap();
        var crashed = 0;
        foreach (var file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: ok");
            }
#pragma warning disable CA1031 // Every exception that escapes a target is a finding, whatever its type.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                crashed++;
                Console.WriteLine($"{file}: CRASH");
                Console.WriteLine(ex);
            }
        }

        return crashed == 0 ? 0 : 1;
    }

    private static int Smoke(FuzzTarget target, ReadOnlySpan<string> options)
    {
        var settings = new SmokeOptions();
        string? corpus = null;
        string? crashes = null;
        for (var i = 0; i < options.Length; i++)
        {
            var hasValue = i + 1 < options.Length;
            switch (options[i])
            {
                case "--count" when hasValue && int.TryParse(options[i + 1], CultureInfo.InvariantCulture, out var count) && count >= 0:
                    settings = settings with { GeneratedInputs = count };
                    i++;
                    break;
                case "--seed" when hasValue && int.TryParse(options[i + 1], CultureInfo.InvariantCulture, out var seed):
                    settings = settings with { Seed = seed };
                    i++;
                    break;
                case "--corpus" when hasValue:
                    corpus = options[++i];
                    break;
                case "--crashes" when hasValue:
                    crashes = options[++i];
                    break;
                case "--trace":
                    settings = settings with { BeforeEach = input => Console.Error.WriteLine(input.Origin) };
                    break;
                default:
                    return Fail($"Invalid smoke option '{options[i]}'.");
            }
        }

        if (corpus is null)
        {
            var root = FuzzCorpus.FindRepositoryRoot(Environment.CurrentDirectory) ?? FuzzCorpus.FindRepositoryRoot(AppContext.BaseDirectory);
            if (root is null)
            {
                return Fail("The repository root (PSRemotingDsc.sln) is not above this folder; pass --corpus DIR.");
            }

            corpus = FuzzCorpus.DirectoryOf(root, target.Name);
        }

        var result = SmokePass.Run(target, FuzzCorpus.Load(corpus), settings);
        Console.WriteLine(result.Describe());
        if (crashes is not null)
        {
            Directory.CreateDirectory(crashes);
            foreach (var crash in result.DistinctCrashes)
            {
                var name = $"crash-{target.Name}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(crash.Input.Bytes)[..8])}";
                File.WriteAllBytes(Path.Combine(crashes, name), crash.Input.Bytes);
                Console.WriteLine($"Wrote {Path.Combine(crashes, name)}: {crash.Signature}");
            }
        }

        return result.Crashes == 0 ? 0 : 1;
    }

    // An engine instrumented with sharpfuzz counts every branch in SharpFuzz's trace map, which only a fuzzer sets up;
    // give it a scratch one (kept for the life of the process) so an instrumented build can replay files too.
    private static unsafe void ProvideTraceMap()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);
        }
    }

    // libFuzzer's dictionary format, which afl-fuzz -x reads too: one "quoted" token per line, \xHH escapes.
    private static int Dictionary(FuzzTarget target)
    {
        foreach (var token in target.Dictionary.Concat(target.Nesting.SelectMany(pair => new[] { pair.Open, pair.Close })).Distinct(StringComparer.Ordinal))
        {
            var line = new StringBuilder("\"");
            foreach (var b in Wtf8.Encode(token))
            {
                line.Append(b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
            }

            Console.WriteLine(line.Append('"'));
        }

        return 0;
    }

    private static int Fail(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine(Usage);
        Console.Error.WriteLine($"Targets: {string.Join(", ", FuzzTargets.All.Select(target => target.Name))}");
        return 2;
    }
}
