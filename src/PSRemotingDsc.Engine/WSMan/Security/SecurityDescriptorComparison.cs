namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// Semantic comparison of two security descriptors, by SID and mask, never by string or account name.
/// They are equivalent when:
/// <list type="bullet">
/// <item>the owners are equal (a missing owner differs from a present one);</item>
/// <item>the groups are equal, compared only when both are set;</item>
/// <item>both have a DACL or neither; null DACLs (<c>NO_ACCESS_CONTROL</c>) on both or neither; equal protection
/// (<c>P</c>); equal sets of effective ACEs (<see cref="AccessControlList.Canonicalize"/>: duplicates merged by
/// OR-ing masks, order irrelevant, aliases and <c>S-1-…</c> equal, <c>GXGW</c> == <c>GWGX</c> == <c>0x60000000</c>);</item>
/// <item>the SACLs likewise, compared only when both are present (WinRM may omit the SACL when it reports SDDL).</item>
/// </list>
/// <c>AI</c> and <c>AR</c> are inheritance bookkeeping Windows sets by itself; they are not compared.
/// </summary>
public static class SecurityDescriptorComparison
{
    /// <summary>True when <see cref="Differences"/> is empty.</summary>
    public static bool AreEquivalent(SecurityDescriptor expected, SecurityDescriptor actual) => Differences(expected, actual).Count == 0;

    /// <summary>
    /// One sentence per difference, in a stable order (owner, group, DACL, SACL; within an ACL, missing
    /// entries in expected order, then changed, then extra entries in actual order), e.g.
    /// "DACL is missing: allow GENERIC_ALL to S-1-5-32-580 (Remote Management Users)".
    /// </summary>
    public static IReadOnlyList<string> Differences(SecurityDescriptor expected, SecurityDescriptor actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        if (expected.Owner != actual.Owner)
        {
            differences.Add($"Owner differs: expected {Describe(expected.Owner)}, actual {Describe(actual.Owner)}");
        }

        if (expected.Group is not null && actual.Group is not null && expected.Group != actual.Group)
        {
            differences.Add($"Group differs: expected {expected.Group}, actual {actual.Group}");
        }

        CompareAcl("DACL", expected.Dacl, actual.Dacl, bothRequired: false, differences);
        CompareAcl("SACL", expected.Sacl, actual.Sacl, bothRequired: true, differences);
        return differences;
    }

    private static void CompareAcl(string name, AccessControlList? expected, AccessControlList? actual, bool bothRequired, List<string> differences)
    {
        if (expected is null || actual is null)
        {
            if (!bothRequired && (expected is null) != (actual is null))
            {
                differences.Add(expected is null
                    ? $"{name} is present but none is expected"
                    : $"{name} is absent (no D: section: full access for everyone), expected {name} {expected.ToSddl()}");
            }

            return;
        }

        if (expected.IsNull != actual.IsNull)
        {
            differences.Add(expected.IsNull
                ? $"{name} has entries, expected NO_ACCESS_CONTROL (full access for everyone)"
                : $"{name} is NO_ACCESS_CONTROL (full access for everyone), expected {name} {expected.ToSddl()}");
            return;
        }

        if (expected.IsProtected != actual.IsProtected)
        {
            differences.Add(expected.IsProtected
                ? $"{name} is not protected from inheritance, expected protected (P)"
                : $"{name} is protected from inheritance (P), expected not protected");
        }

        var expectedEntries = expected.Canonicalize().Entries;
        var actualEntries = actual.Canonicalize().Entries;
        var actualByKey = actualEntries.ToDictionary(entry => entry.Key);
        var expectedByKey = expectedEntries.ToDictionary(entry => entry.Key);
        var changed = new List<string>();
        foreach (var entry in expectedEntries)
        {
            if (!actualByKey.TryGetValue(entry.Key, out var other))
            {
                differences.Add($"{name} is missing: {entry.Describe()}");
            }
            else if (other.Mask != entry.Mask)
            {
                changed.Add($"{name} entry differs: expected {entry.Describe()}, actual {other.Describe()}");
            }
        }

        differences.AddRange(changed);
        differences.AddRange(actualEntries
            .Where(entry => !expectedByKey.ContainsKey(entry.Key))
            .Select(entry => $"{name} has an extra entry: {entry.Describe()}"));
    }

    private static string Describe(Sid? sid) => sid is null ? "none" : sid.ToString();
}
