using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;

namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// Every hub call answers in the language of the connection's request (the language cookie, or Accept-Language from an
/// app), as pages and the API do: the culture is set per call, since calls do not run inside that request.
/// </summary>
internal sealed class LiveHubCulture : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var culture = invocation.Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture;
        if (culture is null) return await next(invocation);
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (culture.UICulture, culture.Culture);
        try
        {
            return await next(invocation);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
