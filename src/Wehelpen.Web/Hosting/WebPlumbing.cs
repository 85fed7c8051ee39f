using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Hosting;

/// <summary>What every feature relies on: errors as ProblemDetails, JSON, OpenAPI, health, the middleware order.</summary>
public static class WebPlumbing
{
    public static WebApplicationBuilder AddWebPlumbing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            LocalizeTitle(ctx.ProblemDetails, ctx.HttpContext);
        });
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddOpenApi("v1");
        services.AddHealthEndpoints();
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddLocalizedValidationMessages();
        services.AddTickBoxBinding();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "wehelpen.af";
            o.HeaderName = ApiAntiforgery.HeaderName;
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every answer
        });
        builder.AddSecurityHeaders();
        // Dutch and other languages as they are ("één", not "&#xE9;&#xE9;n"): readable source, smaller pages.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseWebPlumbing(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        app.UseCookiePolicy();
        app.UseRequestLocalization();
        // The API always answers with ProblemDetails and never a stack trace outside Development;
        // pages get a friendly error page.
        app.UseWhen(IsApi, api =>
        {
            if (!app.Environment.IsDevelopment()) api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseFormLimits();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseSecretUrls();
        app.UseAuthentication();
        app.UseApiAntiforgery();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthEndpoints();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.IsProgramRequest();

    private static void LocalizeTitle(ProblemDetails problem, HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        // Titles that a feature set on purpose are kept; the framework's English defaults are replaced.
        if (problem.Status is { } status && (problem.Title is null || ProblemTitles.IsFrameworkTitle(problem.Title, status)))
            problem.Title = text[ProblemTitles.KeyFor(status, problem is HttpValidationProblemDetails)];
        if (problem.Status == 400 && problem is not HttpValidationProblemDetails && problem.Detail is null)
            problem.Detail = text["Problem.BadRequest.Detail"];
    }
}
