namespace Wehelpen.Web.Features.Profiles;

/// <summary>Parts of a day, as volunteer centres plan them (dagdelen).</summary>
public enum DayPart { Morning = 0, Afternoon = 1, Evening = 2 }

/// <summary>
/// When a volunteer can usually help: for each day of the week, morning (08-12), afternoon (12-17) and
/// evening (17-21). Stored as one integer of 21 bits so that it is one column and cheap to match on.
/// </summary>
public readonly record struct WeeklyAvailability(int Mask)
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
         DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static readonly IReadOnlyList<DayPart> Parts = [DayPart.Morning, DayPart.Afternoon, DayPart.Evening];

    private const int AllBits = (1 << 21) - 1;

    public static WeeklyAvailability None => new(0);
    public static WeeklyAvailability Always => new(AllBits);

    public bool IsEmpty => (Mask & AllBits) == 0;

    public bool Contains(DayOfWeek day, DayPart part) => (Mask & Bit(day, part)) != 0;

    public WeeklyAvailability With(DayOfWeek day, DayPart part) => new(Mask | Bit(day, part));

    public static WeeklyAvailability From(IEnumerable<(DayOfWeek Day, DayPart Part)> slots) =>
        slots.Aggregate(None, (a, s) => a.With(s.Day, s.Part));

    public IEnumerable<(DayOfWeek Day, DayPart Part)> Slots()
    {
        var self = this;
        return from day in Week from part in Parts where self.Contains(day, part) select (day, part);
    }

    private static int Bit(DayOfWeek day, DayPart part) => 1 << (((int)day + 6) % 7 * 3 + (int)part);
}

/// <summary>The week grid of a form (_AvailabilityGrid): the field name, and the boxes ticked ("Monday:Morning").</summary>
public sealed record AvailabilityGrid(string Name, IReadOnlyCollection<string> Checked)
{
    /// <summary>The ticked boxes a form posted back; anything else is ignored.</summary>
    public static IEnumerable<AvailabilitySlot> Parse(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            var parts = value.Split(':');
            if (parts.Length == 2 && Enum.TryParse<DayOfWeek>(parts[0], out var day) && Enum.TryParse<DayPart>(parts[1], out var part))
                yield return new AvailabilitySlot(day, part);
        }
    }
}
