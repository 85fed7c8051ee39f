namespace Wehelpen.Web.Hosting;

/// <summary>
/// What every answer tells the browser, pages, API, static files, errors and refusals alike: scripts, styles and
/// connections from this site only (pages have no inline script or style, so none needs allowing), no framing, no
/// sniffing, no camera or location; the full address is sent on within the site only, and not at all from a page whose
/// address holds a secret (<see cref="SecretInUrlAttribute"/>). In Production: HSTS for a year and cookies only over
/// https. Kestrel does not say what it is. Set as the answer starts rather than before: the exception handler clears
/// the headers of a failed answer before it writes the error page.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Nothing in the app uses these; a page that needs one (the camera, say) would name itself here.
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    private static bool IsLoopback(string host) => host is "localhost" or "127.0.0.1" or "[::1]";

    private static readonly object SecretKey = new();
    private static readonly object InlineStylesKey = new();

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // Every cookie (login, antiforgery, language) is Secure over https; in Production always, also when the proxy in
        // front forgot to say the request came over https: better no login than a login cookie sent in the clear.
        builder.Services.Configure<CookiePolicyOptions>(o =>
            o.Secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>
    /// First in the pipeline: the headers are set as the answer starts, whoever wrote it. UseCookiePolicy (Secure
    /// cookies) comes after the forwarded headers, which say whether the request came over https.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var hsts = app.Environment.IsProduction();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() => Apply(context, hsts));
            return next(context);
        });
        return app;
    }

    /// <summary>After routing: remembers that the address asked for holds a secret, also when an error page answers it.</summary>
    public static WebApplication UseSecretUrls(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<SecretInUrlAttribute>() is not null) context.Items[SecretKey] = true;
            return next(context);
        });
        return app;
    }

    /// <summary>For the development mail page only, which shows mails as a mail client would: with their inline styles.</summary>
    public static void AllowInlineStyles(HttpContext context) => context.Items[InlineStylesKey] = true;

    private static Task Apply(HttpContext context, bool hsts)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Items.ContainsKey(InlineStylesKey)
            ? ContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal)
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = context.Items.ContainsKey(SecretKey) ? "no-referrer" : ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        // Only over https (behind the proxy: as X-Forwarded-Proto says), and never for a browser's own machine.
        if (hsts && context.Request.IsHttps && !IsLoopback(context.Request.Host.Host)) headers.StrictTransportSecurity = StrictTransportSecurity;
        return Task.CompletedTask;
    }
}

/// <summary>
/// On a page or endpoint whose address holds a secret (a reset code, an invitation token, a feed token): the browser
/// sends no Referer from it, not even to this site's own scripts and styles, so the secret reaches no log.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SecretInUrlAttribute : Attribute;
