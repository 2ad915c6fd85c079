using System.Globalization;
using System.Text;

namespace PSRemotingDsc.Fuzzing;

/// <summary>What a <see cref="SmokePass"/> ran and found.</summary>
public sealed record SmokeResult(
    string Target,
    int CorpusInputs,
    int GeneratedInputs,
    int Seed,
    TimeSpan Elapsed,
    int Crashes,
    SmokeCrash? FirstCrash,
    IReadOnlyList<SmokeCrash> DistinctCrashes,
    FuzzInput? Slowest,
    TimeSpan SlowestTime)
{
    /// <summary>Inputs run: the corpus and the generated ones (fewer than asked when a hang stopped the pass).</summary>
    public int InputsRun => CorpusInputs + GeneratedInputs;

    /// <summary>One line: counts, time and the slowest input.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Target}: {CorpusInputs} corpus + {GeneratedInputs} generated inputs (seed {Seed}) in {Elapsed.TotalSeconds:F1} s, {Crashes} crash(es); slowest {SlowestTime.TotalMilliseconds:F0} ms ({Slowest?.Origin})");

    /// <summary>
    /// The summary and, when something crashed, the first crashing input as base64 with its exception, then the first
    /// input of every other kind of crash (<see cref="SmokeCrash.Signature"/>).
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder(Summary);
        if (FirstCrash is { } crash)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"First crash: {crash.Input.Origin}, {crash.Input.Bytes.Length} bytes, base64:")
                .AppendLine().Append(crash.Input.Base64).AppendLine()
                .Append(crash.IsHang ? "It did not return (hang: infinite loop or runaway work)." : crash.Exception!.ToString()).AppendLine()
                .Append(CultureInfo.InvariantCulture, $"Save the bytes to a file and run: dotnet run --project tests/PSRemotingDsc.Fuzzing -c Release -- {Target} <file>");
            foreach (var other in DistinctCrashes.Where(other => other != crash))
            {
                var input = other.Input.Bytes.Length <= 2048 ? $"base64 {other.Input.Base64}" : $"{other.Input.Bytes.Length} bytes: --smoke --crashes DIR writes it";
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"Also: {other.Signature} ({other.Input.Origin}, {input})");
            }
        }

        return text.ToString();
    }
}
