using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// Binds a tick box (a bool) so that a value it cannot read is refused with a message rather than a crash: the page
/// shows the tick box again from what was sent, and MVC's input tag helper throws on anything but true or false.
/// So the refused value is kept as "false" for the page, and named in the message.
/// </summary>
public static class TickBoxBinding
{
    public static IServiceCollection AddTickBoxBinding(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(0, new Provider()));

    private sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(bool) ? new Binder() : null;
    }

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var sent = context.ValueProvider.GetValue(context.ModelName);
            if (sent == ValueProviderResult.None) return Task.CompletedTask;
            // A ticked box sends "true" and its hidden "false" after it: the first one counts.
            if (bool.TryParse(sent.FirstValue, out var value))
            {
                context.ModelState.SetModelValue(context.ModelName, sent);
                context.Result = ModelBindingResult.Success(value);
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, false, "false");
            var messages = context.ModelMetadata.ModelBindingMessageProvider;
            context.ModelState.TryAddModelError(context.ModelName,
                messages.AttemptedValueIsInvalidAccessor(sent.FirstValue ?? "", context.ModelMetadata.GetDisplayName()));
            context.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}
