using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Cli;

/// <summary>The parsed command line: one command and its options.</summary>
internal sealed record CommandArguments(string Command, string? Input, bool WhatIf, string? SshdConfig, string Format)
{
    /// <summary>The report formats; anything else is <see cref="ErrorIds.CommandLineInvalid"/>, as before System.CommandLine.</summary>
    public static string ParseFormat(string? value) => value switch
    {
        null => "table",
        "table" or "json" => value,
        _ => throw Invalid($"--format '{value}' is not supported; use 'table' or 'json'."),
    };

    public static PSRemotingDscException Invalid(string message) => new(ErrorIds.CommandLineInvalid, message);
}
