using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Cli;

/// <summary>The parsed command line: one command and its options.</summary>
internal sealed record CommandArguments(string Command, string? Input, bool WhatIf, string? SshdConfig, string Format)
{
    /// <summary>The formats of report and report merge.</summary>
    public const string Formats = "table, json, markdown or html";

    /// <summary>report: the configuration document whose instances are the desired endpoints (--desired).</summary>
    public string? Desired { get; init; }

    /// <summary>report merge: the machine reports to merge (<c>-</c> is stdin).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The report formats; anything else is <see cref="ErrorIds.CommandLineInvalid"/>, as before System.CommandLine.</summary>
    public static string ParseFormat(string? value) => value switch
    {
        null => "table",
        "table" or "json" or "markdown" or "html" => value,
        _ => throw Invalid($"--format '{value}' is not supported; use {Formats}."),
    };

    public static PSRemotingDscException Invalid(string message) => new(ErrorIds.CommandLineInvalid, message);
}
