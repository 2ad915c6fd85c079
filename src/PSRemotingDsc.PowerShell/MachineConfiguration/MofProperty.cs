namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>One property of a MOF instance: its name and value, written as <c>Name = value;</c>.</summary>
/// <param name="Name">The property name, a MOF identifier (letters, digits, underscore; not starting with a digit).</param>
/// <param name="Value">The value.</param>
public sealed record MofProperty(string Name, MofValue Value);
