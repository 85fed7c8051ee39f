using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// The browser sends the login cookie with every request to this site, also when a page of another site makes it. So
/// on the API a request that changes something and is signed in by the cookie must carry the antiforgery token of one
/// of our own pages in the header <see cref="HeaderName"/> (the layout puts it in a meta tag for the pages' scripts);
/// otherwise it is refused with 400. Reading (GET, HEAD) needs none, and neither does a request with an Authorization
/// header (an app's bearer token: another site cannot add that header). The hub checks the Origin instead.
/// </summary>
public static partial class ApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    /// <summary>After authentication, which tells whether the cookie signed the request in.</summary>
    public static WebApplication UseApiAntiforgery(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (NeedsToken(context) && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiAntiforgery).FullName!);
                // The route, not the path: an invitation's token is in the path.
                Refused(logger, context.Request.Method, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)");
                await RefuseAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method)
        && context.Request.Headers.Authorization.Count == 0
        && context.User.Identity?.IsAuthenticated == true;

    private static async Task RefuseAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = text["Problem.Antiforgery"],
                Detail = text["Problem.Antiforgery.Detail", HeaderName],
            },
        });
    }

    [LoggerMessage(LogLevel.Information, "API {Method} {Route} with the login cookie but without a valid antiforgery header: refused")]
    private static partial void Refused(ILogger logger, string method, string route);
}
