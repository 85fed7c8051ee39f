using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Privacy.Statement;

/// <summary>
/// The privacy statement: public, in plain words. The retention periods come from the configured
/// <see cref="RetentionOptions"/>, so that the page says what the retention job really does.
/// </summary>
[AllowAnonymous]
public sealed class PrivacyStatementModel(
    IOptions<RetentionOptions> retention, IOptions<PrivacyStatementOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    public RetentionOptions Retention => retention.Value;

    public string? Contact => string.IsNullOrWhiteSpace(options.Value.Contact) ? null : options.Value.Contact.Trim();

    /// <summary>The contact as a mail link when it is an address, else as text.</summary>
    public bool ContactIsEmail => Contact is { } c && System.Net.Mail.MailAddress.TryCreate(c, out var address) && address.Address == c;

    public void OnGet() { }

    /// <summary>"30 dagen", "2 jaar": whole years read easier than 730 days.</summary>
    public string Period(int days) => days switch
    {
        1 => text["PrivacyStatement.Period.Day"],
        365 => text["PrivacyStatement.Period.Year"],
        _ when days > 0 && days % 365 == 0 => text["PrivacyStatement.Period.Years", days / 365],
        _ => text["PrivacyStatement.Period.Days", days],
    };
}
