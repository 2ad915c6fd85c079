namespace PSRemotingDsc.WSMan;

/// <summary>A session configuration copy a WSMan set makes before it registers <paramref name="Destination"/> as <c>configfilepath</c>.</summary>
/// <param name="Source">The declared <c>sessionConfigurationFile</c>, read only if it is a regular file.</param>
/// <param name="Destination">The new copy, <c>&lt;PSHOME&gt;\SessionConfig\&lt;name&gt;_&lt;guid&gt;.pssc</c>; it does not exist yet.</param>
public sealed record SessionConfigurationCopyPlan(string Source, string Destination);
