using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// A posted form is read once, here, before anything else does: a field name over 2,048 bytes, a value over 4 MB, too
/// many fields or a body over the server's limit is then a 400 (413 for the body) with the error page or a
/// ProblemDetails, and a line in the log. Read later, by the antiforgery check or model binding, such a form threw
/// where nothing turned it into an answer, and the error page that should have said so read the same form again.
/// </summary>
public static partial class FormLimits
{
    /// <summary>After the error pages, so that the status set here is shown as every other status is.</summary>
    public static WebApplication UseFormLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.HasFormContentType || await ReadAsync(context) is not { } refused)
            {
                await next(context);
                return;
            }
            // Whatever reads the form from now on (the error page) finds it empty rather than failing again.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            Refused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FormLimits).FullName!), refused.Status, refused.Reason);
            context.Response.StatusCode = refused.Status;
            if (!context.Request.IsProgramRequest()) return; // the error page says it
            var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = refused.Status, Detail = text["Problem.FormTooLarge"] },
            });
        });
        return app;
    }

    private static async Task<(int Status, string Reason)?> ReadAsync(HttpContext context)
    {
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            return null;
        }
        catch (InvalidDataException e)
        {
            return (StatusCodes.Status400BadRequest, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            return (e.StatusCode, e.Message);
        }
    }

    // The framework's message names the limit that was passed ("Form key length limit 2048 exceeded."), never the content.
    [LoggerMessage(LogLevel.Information, "Form refused with {Status}: {Reason}")]
    private static partial void Refused(ILogger logger, int status, string reason);
}
