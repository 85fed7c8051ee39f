using System.Globalization;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>
/// What one run of the reminders benchmark does: <see cref="Reminders"/> appointment reminders that an hour would bring,
/// falling due evenly over <see cref="Minutes"/> real minutes (time-compressed), <see cref="LeadSeconds"/> after the
/// appointments were written; counted <see cref="GraceSeconds"/> after the last one fell due.
/// </summary>
/// <param name="HubPeople">People logged in with a hub connection each, to time the "notification" event as they see it.</param>
internal sealed record ReminderSettings(int Reminders, double Minutes, int LeadSeconds, int GraceSeconds, int HubPeople, int BatchSize)
{
    /// <summary>Everyone is reminded this many minutes before an appointment (one of the offsets people can choose).</summary>
    public const int OffsetMinutes = 120;

    /// <summary>Each appointment reminds every member of its circle (scope "all circles"): this many reminders each.</summary>
    public const int RemindersPerAppointment = LiveSettings.CircleSize;

    /// <summary>Appointments per circle: 100,000 reminders are 10,000 appointments in 1,000 circles of 10,000 people.</summary>
    public const int AppointmentsPerCircle = 10;

    public const double P99GoalMs = 2000;

    public int Appointments => Reminders / RemindersPerAppointment;
    public int Circles => (Appointments + AppointmentsPerCircle - 1) / AppointmentsPerCircle;
    public int People => Circles * LiveSettings.CircleSize;
    public TimeSpan Window => TimeSpan.FromMinutes(Minutes);

    /// <summary>How many times faster than real time: an hour's reminders in <see cref="Minutes"/>.</summary>
    public double Compression => 60 / Minutes;

    public static ReminderSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var reminders = Number(args, "--reminders") ?? (quick ? 5000 : 100_000);
        var minutes = ResultLine.OptionValue(args, "--minutes") is { } m ? double.Parse(m, CultureInfo.InvariantCulture) : quick ? 1 : 5;
        var lead = Number(args, "--lead") ?? 90;
        var grace = Number(args, "--grace") ?? 30;
        var hub = Number(args, "--hub-people") ?? 500;
        // 0: the app's own setting (Reminders:BatchSize in appsettings.json).
        var batch = Number(args, "--batch-size") ?? 0;
        if (reminders < 100 || reminders % RemindersPerAppointment != 0)
            throw new ArgumentException($"--reminders takes a multiple of {RemindersPerAppointment}, at least 100.");
        if (minutes is < 0.1 or > 60) throw new ArgumentException("--minutes takes 0.1 to 60: the real minutes an hour of reminders is compressed into.");
        if (lead < 10 || grace < 0 || hub < 0 || batch < 0) throw new ArgumentException("--lead takes at least 10 s; --grace, --hub-people and --batch-size no negative numbers.");
        var settings = new ReminderSettings(reminders, minutes, lead, grace, hub, batch);
        return settings with { HubPeople = Math.Min(hub, settings.People) };
    }

    private static int? Number(string[] args, string name) =>
        ResultLine.OptionValue(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
