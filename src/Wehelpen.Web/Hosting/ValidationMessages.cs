using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// The framework's own messages, in the reader's language: model binding's ("The value 'x' is not valid for ...")
/// and the implicit "The X field is required." that MVC gives every non-nullable value (a tick box's bool), which
/// pages carry in their markup. Our own checks word their messages themselves; these are the ones left.
/// </summary>
public static class ValidationMessages
{
    public const string RequiredKey = "Validation.Framework.Required";

    public static IServiceCollection AddLocalizedValidationMessages(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<MvcOptions>, BindingMessages>();
        return services;
    }

    private sealed class BindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var text = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["Validation.Framework.ValueInvalid", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Validation.Framework.ValueInvalid", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["Validation.Framework.Invalid"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Validation.Framework.Invalid"]);
            messages.SetValueIsInvalidAccessor(value => text["Validation.Framework.ValueInvalid", value]);
            messages.SetValueMustBeANumberAccessor(_ => text["Validation.Framework.Number"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation.Framework.Number"]);
            messages.SetMissingBindRequiredValueAccessor(_ => text[RequiredKey]);
            messages.SetMissingKeyOrValueAccessor(() => text[RequiredKey]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Validation.Framework.BodyMissing"]);
            messages.SetValueMustNotBeNullAccessor(_ => text[RequiredKey]);
            options.ModelMetadataDetailsProviders.Add(new ExplicitRequired());
        }
    }

    /// <summary>
    /// Gives a non-nullable value its [Required] with a message key, so that MVC does not add its implicit one with
    /// a fixed English text; the key is then looked up like any data annotation's (WebPlumbing).
    /// </summary>
    private sealed class ExplicitRequired : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            var type = context.Key.ModelType;
            if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null) return;
            if (context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any()) return;
            context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute { ErrorMessage = RequiredKey });
        }
    }
}
