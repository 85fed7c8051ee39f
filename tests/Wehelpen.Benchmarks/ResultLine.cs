using System.Globalization;

namespace Wehelpen.Benchmarks;

/// <summary>The one-line results every benchmark prints: a name, then key=value pairs that a script can pick apart.</summary>
internal static class ResultLine
{
    public static string Format(string name, params (string Key, object Value)[] fields) =>
        string.Join(' ', fields.Select(f => f.Value switch
        {
            double d => $"{f.Key}={d.ToString(d >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture)}",
            _ => $"{f.Key}={f.Value}",
        }).Prepend(name));

    public static string? OptionValue(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
