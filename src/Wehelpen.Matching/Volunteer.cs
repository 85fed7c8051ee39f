namespace Wehelpen.Matching;

/// <summary>A volunteer as matching sees them. Categories and request categories are bits of one flags value.</summary>
public sealed record Volunteer(string Id, ServiceArea Area, int Categories, int Availability);

/// <summary>
/// What changes as a volunteer helps and is asked: open claims (load), claims made and completed (reliability), and
/// the times they were alerted lately (fairness). Held apart from <see cref="Volunteer"/> because it changes far
/// more often.
/// </summary>
public sealed record VolunteerStats(int OpenClaims, int Claims, int Completed, IReadOnlyList<DateTimeOffset> RecentAlerts)
{
    public static readonly VolunteerStats None = new(0, 0, 0, []);

    public static readonly TimeSpan FairnessWindow = TimeSpan.FromDays(7);

    public int AlertsSince(DateTimeOffset since)
    {
        var count = 0;
        for (var i = 0; i < RecentAlerts.Count; i++) if (RecentAlerts[i] > since) count++;
        return count;
    }

    public DateTimeOffset? LastAlertedAt => RecentAlerts.Count == 0 ? null : RecentAlerts.Max();

    /// <summary>Share of claims completed, with one success and one failure assumed up front, so a newcomer starts at one half.</summary>
    public double Reliability => (Completed + 1.0) / (Math.Max(Claims, Completed) + 2.0);

    /// <summary>These stats with one more alert; alerts older than the fairness window are dropped.</summary>
    public VolunteerStats WithAlert(DateTimeOffset at) =>
        this with { RecentAlerts = [.. RecentAlerts.Where(a => a > at - FairnessWindow), at] };
}

/// <summary>An open request as the volunteers' lists see it.</summary>
public sealed record OpenRequest(Guid Id, double Latitude, double Longitude, int Category, DateTimeOffset? StartsAt, DateTimeOffset EndsAt, string RequesterId, Guid CircleId);
