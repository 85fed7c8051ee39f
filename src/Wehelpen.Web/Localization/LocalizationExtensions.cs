using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Localization;

public static class LocalizationExtensions
{
    public const string Dutch = "nl";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Supported = [Dutch, English];

    public static WebApplicationBuilder AddInterfaceLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Dutch);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Dutch unless the person chose English (cookie). Browsers' Accept-Language is honoured only by the
            // API, where an app states its language explicitly; pages stay Dutch for a Dutch product.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });
        return builder;
    }

    public static string Normalise(string? language) =>
        string.Equals(language, English, StringComparison.OrdinalIgnoreCase) ? English : Dutch;

    /// <summary>Runs <paramref name="action"/> with the texts of <paramref name="language"/>, for emails to someone else.</summary>
    public static T InLanguage<T>(string language, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(Normalise(language));
        try { return action(); }
        finally { CultureInfo.CurrentUICulture = previous; CultureInfo.CurrentCulture = previousCulture; }
    }

    public static void SetLanguageCookie(this HttpResponse response, string language, DateTimeOffset now) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Normalise(language))),
            new CookieOptions { Expires = now.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.IsProgramRequest()
                ? base.DetermineProviderCultureResult(httpContext)
                : Task.FromResult<ProviderCultureResult?>(null);
    }
}
