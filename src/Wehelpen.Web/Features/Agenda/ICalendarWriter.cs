using System.Globalization;
using System.Text;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// Writes iCalendar text (RFC 5545) by hand, so that we know exactly what phones receive: CRLF line endings,
/// lines folded at 75 octets without splitting a UTF-8 character, and TEXT values escaped.
/// </summary>
internal sealed class ICalendarWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    /// <summary>A property whose value is already in iCalendar form (a date, a rule, a URI).</summary>
    public ICalendarWriter Property(string nameAndParameters, string value)
    {
        Fold($"{nameAndParameters}:{value}");
        return this;
    }

    /// <summary>A TEXT property: commas, semicolons, backslashes and line breaks are escaped.</summary>
    public ICalendarWriter Text(string name, string? value) => value is null ? this : Property(name, Escape(value));

    /// <summary>Lines as they are, such as a VTIMEZONE block.</summary>
    public ICalendarWriter Lines(string block)
    {
        foreach (var line in block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Fold(line);
        return this;
    }

    public override string ToString() => _text.ToString();

    public static string Escape(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>"20260414T080000Z".</summary>
    public static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"20260414T100000", to go with a TZID parameter.</summary>
    public static string Local(DateOnly date, TimeOnly time) =>
        date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T" + time.ToString("HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Continuation lines start with one space, which counts towards their 75 octets.</summary>
    private void Fold(string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxOctets)
            {
                _text.Append("\r\n ");
                octets = 1;
            }
            _text.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }
        _text.Append("\r\n");
    }
}
