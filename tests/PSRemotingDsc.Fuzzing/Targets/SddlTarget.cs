using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Fuzzing.Targets;

/// <summary>
/// SDDL: <see cref="SddlParser.Parse"/> either returns a descriptor or throws <see cref="PSRemotingDscException"/>
/// with <see cref="ExitCode.SddlInvalid"/>. A descriptor it returns formats (<see cref="SddlFormatter.Format"/>) to SDDL
/// that parses again into an equivalent descriptor (<see cref="SecurityDescriptorComparison"/>, both ways), and that
/// canonical form is a fixed point.
/// </summary>
public sealed class SddlTarget : FuzzTarget
{
    public override string Name => "sddl";

    public override string Description => "SddlParser.Parse: descriptor or SddlInvalid; Format then Parse is equivalent and canonical";

    public override IReadOnlyList<string> Dictionary { get; } =
    [
        "O:", "G:", "D:", "S:", "o:", "d:", "P", "AI", "AR", "NO_ACCESS_CONTROL", "PAI", "(", ")", ";", ";;", ";;;", "(A;;GA;;;BA)",
        "(D;;GA;;;NU)", "(A;;GA;;;RM)", "(A;;GA;;;IU)", "(AU;FA;GA;;;WD)", "(AU;SA;GXGW;;;WD)", "(XA;;GA;;;BA;(Member_of {SID(BA)}))",
        "(OA;;GA;;;BA)", "A", "D", "AU", "AL", "XA", "XD", "OI", "CI", "NP", "IO", "ID", "SA", "FA", "GA", "GR", "GW", "GX",
        "RC", "SD", "WD", "WO", "KA", "FR", "NR", "0x", "0x10000000", "0xffffffff", "0x100000000", "4294967296", "BA", "NS",
        "NU", "LA", "DA", "S-1-", "S-1-5-32-544", "S-1-5-21-1-2-3-500", "S-1-0x", "S-1-0xFFFFFFFFFFFF", "S-1-5-",
        "-4294967295", "Member_of", "{SID(", ")}", " || ", " && ", "\"", "\" ", " ", "\t", "\uFEFF", "\u2028", "\uD800", "\uDC00",
    ];

    public override IReadOnlyList<(string Open, string Close)> Nesting { get; } = [("(", ")"), ("(XA;;GA;;;BA;(", "))"), ("\"", "\"")];

    protected override void Execute(string text, ReadOnlySpan<byte> input)
    {
        var descriptor = SddlParser.Parse(text);
        foreach (var entry in (descriptor.Dacl?.Entries ?? []).Concat(descriptor.Sacl?.Entries ?? []))
        {
            _ = entry.Describe();
        }

        var canonical = SddlFormatter.Format(descriptor);
        SecurityDescriptor again;
        try
        {
            again = SddlParser.Parse(canonical);
        }
        catch (PSRemotingDscException ex)
        {
            throw new FuzzInvariantException($"the canonical form '{canonical}' of the descriptor does not parse: {ex.Message}", ex);
        }

        var differences = SecurityDescriptorComparison.Differences(descriptor, again).Concat(SecurityDescriptorComparison.Differences(again, descriptor)).ToList();
        Require(differences.Count == 0, $"Parse(Format(x)) is equivalent to x; canonical form '{canonical}': {string.Join("; ", differences)}");
        var canonicalAgain = SddlFormatter.Format(again);
        Require(canonicalAgain == canonical, $"the canonical form is a fixed point: '{canonical}' became '{canonicalAgain}'");
    }

    protected override bool IsDocumentedFailure(Exception exception) =>
        exception is PSRemotingDscException { ExitCode: ExitCode.SddlInvalid };
}
