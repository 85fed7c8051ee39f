namespace Wehelpen.Matching;

/// <summary>
/// The 21 parts of a week (Monday morning .. Sunday evening) as bits of one integer, the layout volunteers' weekly
/// availability is stored in: bit (day since Monday) * 3 + part, part 0 morning, 1 afternoon, 2 evening. A mask of 0
/// for a volunteer means "any time".
/// </summary>
public static class WeekSlots
{
    public const int All = (1 << 21) - 1;

    /// <summary>Amsterdam: every time of day in this product is Dutch time, across daylight-saving changes.</summary>
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    // Day parts are stretched to cover the whole day (before 12:00 morning, from 17:00 evening), so that an early or
    // late request still reaches someone.
    private const int AfternoonFromHour = 12;
    private const int EveningFromHour = 17;

    public static int Bit(DayOfWeek day, int part) => 1 << (((int)day + 6) % 7 * 3 + part);

    /// <summary>True when a volunteer with this availability can help at some moment these slots describe.</summary>
    public static bool Available(int availability, int requestSlots) =>
        (availability & All) == 0 || (availability & requestSlots) != 0;

    /// <summary>
    /// The parts of the week that the window [from, to) touches, from <paramref name="now"/> on; 0 when no part of the
    /// window is left. Walks from one day-part boundary to the next, so at most 22 steps whatever the window's length.
    /// </summary>
    public static int Covering(DateTimeOffset? startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        var from = startsAt is { } s && s > now ? s : now;
        var slots = 0;
        for (var moment = from; moment < endsAt && slots != All; moment = NextBoundary(moment))
            slots |= SlotOf(moment);
        return slots;
    }

    /// <summary>
    /// <see cref="Covering"/> for many windows that all run from one moment: the day-part boundaries of the week
    /// ahead are walked once, and each window's end is then looked up among them.
    /// </summary>
    public sealed class FromMoment
    {
        private readonly List<DateTimeOffset> _starts = [];
        private readonly List<int> _slotsSoFar = [];

        public FromMoment(DateTimeOffset from)
        {
            var slots = 0;
            for (var moment = from; slots != All; moment = NextBoundary(moment))
            {
                slots |= SlotOf(moment);
                _starts.Add(moment);
                _slotsSoFar.Add(slots);
            }
        }

        /// <summary>The slots of [from, <paramref name="endsAt"/>).</summary>
        public int Until(DateTimeOffset endsAt)
        {
            // The parts that begin before the end are touched; past the last boundary walked, every part is.
            var index = _starts.BinarySearch(endsAt);
            var begun = index >= 0 ? index : ~index;
            return begun == 0 ? 0 : begun > _starts.Count - 1 ? All : _slotsSoFar[begun - 1];
        }
    }

    public static int SlotOf(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Amsterdam);
        return Bit(local.DayOfWeek, PartOf(local.Hour));
    }

    private static int PartOf(int hour) => hour < AfternoonFromHour ? 0 : hour < EveningFromHour ? 1 : 2;

    private static DateTimeOffset NextBoundary(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Amsterdam);
        var next = local.Hour < AfternoonFromHour ? local.Date.AddHours(AfternoonFromHour)
            : local.Hour < EveningFromHour ? local.Date.AddHours(EveningFromHour)
            : local.Date.AddDays(1);
        return AtLocal(next);
    }

    // Boundaries are at 00:00, 12:00 and 17:00: never inside a daylight-saving gap or overlap in Amsterdam (02:00-03:00).
    private static DateTimeOffset AtLocal(DateTime wallClock) => new(wallClock, Amsterdam.GetUtcOffset(wallClock));
}
