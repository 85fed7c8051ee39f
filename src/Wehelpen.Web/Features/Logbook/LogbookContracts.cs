namespace Wehelpen.Web.Features.Logbook;

public sealed record LogbookEntryRequest(DateOnly? OccurredOn, string? Text, Wellbeing? Wellbeing);

public sealed record LogbookVersion(DateOnly OccurredOn, string Text, Wellbeing? Wellbeing, DateTimeOffset WrittenAt);

/// <param name="History">Earlier versions, newest first; empty when never corrected.</param>
/// <param name="RequestId">Set on the entries Wehelpen wrote about a change of that help request.</param>
public sealed record LogbookEntryResponse(
    Guid Id, DateOnly OccurredOn, string Text, Wellbeing? Wellbeing, string AuthorId, string AuthorName,
    DateTimeOffset CreatedAt, DateTimeOffset? CorrectedAt, bool CanCorrect, IReadOnlyList<LogbookVersion> History,
    Guid? RequestId);

public sealed record LogbookPage(IReadOnlyList<LogbookEntryResponse> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
