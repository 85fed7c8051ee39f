namespace Wehelpen.Web.Features.Thanks;

/// <summary>What the circle writes: a short note, trimmed, required.</summary>
public sealed record ThanksInput(string? Note);

/// <param name="WrittenByName">The writer's first name ("Voormalig lid" after they erased their account).</param>
public sealed record ThanksResponse(Guid Id, Guid RequestId, string Note, string WrittenByName, DateTimeOffset WrittenAt, DateTimeOffset? ChangedAt);

/// <summary>A request's thanks as one viewer sees it: the thanks when there are some, and whether they may write (or change) them.</summary>
/// <param name="HelperFirstName">Whom the thanks are for; null when nobody helped.</param>
/// <param name="CanWrite">The viewer may thank now (done, had a helper, the requester's side, nobody else thanked yet) or change their own thanks.</param>
public sealed record RequestThanksView(Guid RequestId, Guid CircleId, string? HelperFirstName, bool CanWrite, ThanksResponse? Thanks);

/// <summary>Thanks a volunteer received, with what the help was: never the address, nor the resident's name.</summary>
/// <param name="HelpedOn">The day of the help, Amsterdam time: the start of a timed request, the day it was marked done for a flexible one.</param>
public sealed record ReceivedThanks(Guid Id, Guid RequestId, string Title, DateOnly HelpedOn, string Note, string WrittenByName, DateTimeOffset WrittenAt);
