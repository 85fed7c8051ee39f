namespace Wehelpen.Web.Features.Privacy.Statement;

/// <summary>What the operator adds to the statement, bound from "PrivacyStatement" (PrivacyStatement__Contact).</summary>
public sealed class PrivacyStatementOptions
{
    /// <summary>Where people ask about their data: an email address, or a line such as "the Wijkcentrum, 020 ...".</summary>
    public string? Contact { get; set; }
}

public static class PrivacyStatementExtensions
{
    public static WebApplicationBuilder AddPrivacyStatement(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PrivacyStatementOptions>(builder.Configuration.GetSection("PrivacyStatement"));
        return builder;
    }
}
