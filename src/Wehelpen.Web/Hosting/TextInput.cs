using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Hosting;

/// <summary>The same rules and messages for every free text people type: trimmed, not empty when required, not too long.</summary>
public static class TextInput
{
    public static string Required(this FieldErrors errors, IStringLocalizer text, string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) errors.Add(field, text["Validation.TextRequired"]);
        else CheckLength(errors, text, field, trimmed, maxLength);
        return trimmed;
    }

    /// <summary>Null when left empty.</summary>
    public static string? Optional(this FieldErrors errors, IStringLocalizer text, string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        CheckLength(errors, text, field, trimmed, maxLength);
        return trimmed;
    }

    private static void CheckLength(FieldErrors errors, IStringLocalizer text, string field, string value, int maxLength)
    {
        if (value.Length > maxLength) errors.Add(field, text["Validation.TextTooLong", maxLength, value.Length]);
    }
}
