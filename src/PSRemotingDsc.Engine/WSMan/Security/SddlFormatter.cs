using System.Text;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// Writes a <see cref="SecurityDescriptor"/> as canonical SDDL, the way Windows writes it: sections in the
/// order O, G, D, S; SIDs as their standard alias where one exists (<c>BA</c>, <c>RM</c>), else <c>S-1-…</c>;
/// rights as in <see cref="AccessMask.ToSddl"/>; flags in Windows' order; ACLs canonicalized
/// (<see cref="AccessControlList.Canonicalize"/>). <c>Parse(Format(x))</c> is equivalent to <c>x</c>, and the
/// PowerShell defaults (<see cref="DefaultSddl"/>) come back character for character.
/// </summary>
public static class SddlFormatter
{
    /// <summary>The canonical SDDL of <paramref name="descriptor"/>; absent parts are left out.</summary>
    /// <param name="descriptor">The descriptor to write; its ACLs are canonicalized, the object itself is not changed.</param>
    /// <returns>The SDDL string, such as <c>O:NSG:BAD:P(A;;GA;;;BA)</c>; empty when every part is absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> is null.</exception>
    public static string Format(SecurityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var canonical = descriptor.Canonicalize();
        var builder = new StringBuilder();
        if (canonical.Owner is not null)
        {
            builder.Append("O:").Append(canonical.Owner.ToSddl());
        }

        if (canonical.Group is not null)
        {
            builder.Append("G:").Append(canonical.Group.ToSddl());
        }

        if (canonical.Dacl is not null)
        {
            builder.Append("D:").Append(canonical.Dacl.ToSddl());
        }

        if (canonical.Sacl is not null)
        {
            builder.Append("S:").Append(canonical.Sacl.ToSddl());
        }

        return builder.ToString();
    }
}
