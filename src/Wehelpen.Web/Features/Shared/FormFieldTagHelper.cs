using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Shared;

/// <summary>
/// &lt;form-field for="Input.Email" label="Field.Email" type="email" autocomplete="email" /&gt;: a label, an optional
/// hint, the input and its error message, tied together with aria-describedby and aria-invalid so that a screen
/// reader reads the hint and the error with the field. Every form uses it, so every form behaves the same.
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> text) : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    [HtmlAttributeName("label")] public string Label { get; set; } = "";
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }
    [HtmlAttributeName("required")] public bool Required { get; set; }
    [HtmlAttributeName("inputmode")] public string? InputMode { get; set; }
    /// <summary>With type="textarea": the visible number of lines.</summary>
    [HtmlAttributeName("rows")] public int Rows { get; set; } = 6;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var hasError = ViewContext.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;

        var describedBy = new List<string>();
        if (Hint is not null) describedBy.Add($"{id}-hint");
        if (hasError) describedBy.Add($"{id}-error");

        var attributes = new Dictionary<string, object>();
        if (Type != "textarea") attributes["type"] = Type;
        if (Autocomplete is not null) attributes["autocomplete"] = Autocomplete;
        if (InputMode is not null) attributes["inputmode"] = InputMode;
        if (Required) attributes["required"] = "required";
        if (describedBy.Count > 0) attributes["aria-describedby"] = string.Join(' ', describedBy);
        if (hasError) attributes["aria-invalid"] = "true";

        var input = Type switch
        {
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, value: null, attributes),
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, columns: 0, attributes),
            // Browsers read date and time inputs only in ISO form, whatever the page's language.
            "date" => generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, "{0:yyyy-MM-dd}", attributes),
            "time" => generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, "{0:HH:mm}", attributes),
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, format: null, attributes),
        };

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "field field-invalid" : "field");

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(text[Label]);
        output.Content.AppendHtml(label);
        if (Hint is not null)
        {
            var hint = new TagBuilder("p");
            hint.Attributes["id"] = $"{id}-hint";
            hint.AddCssClass("hint");
            hint.InnerHtml.Append(text[Hint]);
            output.Content.AppendHtml(hint);
        }
        if (hasError)
        {
            var error = new TagBuilder("p");
            error.Attributes["id"] = $"{id}-error";
            error.AddCssClass("field-error");
            error.InnerHtml.Append(string.Join(" ", entry!.Errors.Select(e => e.ErrorMessage)));
            output.Content.AppendHtml(error);
        }
        output.Content.AppendHtml(input);
    }
}
