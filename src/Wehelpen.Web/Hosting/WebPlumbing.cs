using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Localization;

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
        services.AddAntiforgery(o => o.Cookie.Name = "wehelpen.af");
        // Dutch and other languages as they are ("één", not "&#xE9;&#xE9;n"): readable source, smaller pages.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseWebPlumbing(this WebApplication app)
    {
        app.UseForwardedHeaders();
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
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthEndpoints();
        app.MapRazorPages();
        app.MapLanguageSwitch();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.IsProgramRequest();

    private static void LocalizeTitle(ProblemDetails problem, HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var key = problem.Status switch
        {
            400 when problem is HttpValidationProblemDetails => "Problem.Validation",
            400 => "Problem.BadRequest",
            401 => "Problem.Unauthorized",
            403 => "Problem.Forbidden",
            404 => "Problem.NotFound",
            405 => "Problem.MethodNotAllowed",
            415 => "Problem.UnsupportedMediaType",
            500 => "Problem.ServerError",
            _ => null,
        };
        // Titles that a feature set on purpose are kept; the framework's English defaults are replaced.
        if (key is not null && (problem.Title is null || IsFrameworkTitle(problem.Title))) problem.Title = text[key];
        if (problem.Status == 400 && problem is not HttpValidationProblemDetails && problem.Detail is null)
            problem.Detail = text["Problem.BadRequest.Detail"];
    }

    private static bool IsFrameworkTitle(string title) =>
        title is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Method Not Allowed"
            or "Unsupported Media Type" or "An error occurred while processing your request."
            or "One or more validation errors occurred.";
}
