using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// Messages per input field, collected once and shown the same way on a page (next to the field) and on the
/// API (a ValidationProblem with the field names in camelCase).
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
        return this;
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key.Length == 0 ? "" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value.ToArray());

    /// <summary>
    /// Puts the messages on a page's model state. Pages bind a flat Input, so "volunteer.serviceRadiusKm" is shown
    /// at Input.ServiceRadiusKm; messages not about one field go to the summary.
    /// </summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var (field, messages) in _errors)
        {
            var name = field[(field.LastIndexOf('.') + 1)..];
            var key = name.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(name[0])}{name[1..]}";
            foreach (var message in messages) modelState.AddModelError(key, message);
        }
    }
}
