using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Reminders;

/// <summary>Exactly once as people see it: a host that dies while sending, and the one that comes up after it.</summary>
public sealed class ReminderRestartTests
{
    private static readonly object Tuesday = new { title = "Ziekenhuis, cardioloog", date = "2026-03-03", startTime = "14:00", endTime = "15:00" };
    private static readonly DateTimeOffset DayBefore = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly string Carla = CircleSteps.EmailOf("Carla Coördinator");

    /// <summary>Holds the transaction that turns reminders into notifications at its INSERT, until the host dies.</summary>
    private sealed class HoldAtNotificationInsert : DbCommandInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command, cancellationToken);
            return result;
        }

        private async Task HoldAsync(DbCommand command, CancellationToken ct)
        {
            if (!command.CommandText.Contains("INSERT INTO \"Notifications\"", StringComparison.Ordinal)) return;
            Reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }
    }

    /// <summary>A mail server that takes a reminder and never answers: the host dies while it waits.</summary>
    private sealed class HangingMailServer(FolderEmailSender folder) : IEmailSender
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            if (!message.Subject.StartsWith("Herinnering", StringComparison.Ordinal)) { await folder.SendAsync(message, cancellationToken); return; }
            Reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    /// <summary>Carla plans Tuesday's appointment on Sunday; now it is Monday, and its day-before reminder is due.</summary>
    private static async Task<(WehelpenApplication App, string CarlaId)> PlannedAsync(DatabaseProvider provider, Action<IServiceCollection> more)
    {
        var clock = new TestClock(AgendaSteps.Now);
        var app = await WehelpenApplication.StartAsync(provider, services: s => { s.AddSingleton<TimeProvider>(clock); more(s); });
        var (carer, carlaId) = await app.PersonAsync("Carla Coördinator");
        await carer.PlannedIdAsync(await carer.CreateCircleAsync(), Tuesday);
        clock.Now = DayBefore;
        return (app, carlaId);
    }

    [Theory, BothDatabases]
    public async Task A_host_killed_between_picking_a_reminder_up_and_sending_it_leaves_it_to_the_next_which_sends_it_once(DatabaseProvider provider)
    {
        var hold = new HoldAtNotificationInsert();
        var (app, carlaId) = await PlannedAsync(provider, s => s.AddSingleton<IInterceptor>(hold));
        using var dying = new CancellationTokenSource();
        Task sending;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            sending = scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(dying.Token);
            await hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // The process dies here: the transaction that picked the reminder up never commits.
            dying.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        }
        var restarted = app.Restarted(services: s => s.AddSingleton<TimeProvider>(new TestClock(DayBefore.AddMinutes(3))));
        await app.DisposeAsync();
        await using var _ = restarted;
        Assert.Equal(ReminderStatus.Pending, Assert.Single(await restarted.RemindersAsync()).Status);
        Assert.Equal(1, (await restarted.DispatchAsync()).Sent);
        Assert.Equal(0, (await restarted.DispatchAsync()).Sent);
        Assert.Single(await restarted.NotificationsAsync(carlaId));
        Assert.Single(restarted.Emails(Carla), m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task A_host_killed_while_the_mail_server_takes_the_reminder_leaves_one_notification_and_one_mail(DatabaseProvider provider)
    {
        HangingMailServer? hanging = null;
        var (app, carlaId) = await PlannedAsync(provider,
            s => s.AddSingleton<IEmailSender>(sp => hanging = new HangingMailServer(sp.GetRequiredService<FolderEmailSender>())));
        using var dying = new CancellationTokenSource();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(CancellationToken.None)).Sent);
            var mailing = scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(dying.Token);
            await hanging!.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            dying.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mailing);
        }
        var clock = new TestClock(DayBefore.AddMinutes(1));
        var restarted = app.Restarted(services: s => s.AddSingleton<TimeProvider>(clock));
        await app.DisposeAsync();
        await using var _ = restarted;
        await restarted.DispatchAsync();
        Assert.DoesNotContain(restarted.Emails(Carla), m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal)); // still claimed by the dead host
        clock.Advance(NotificationMailer.StaleAfter);
        await restarted.DispatchAsync();
        await restarted.DispatchAsync();

        Assert.Single(await restarted.NotificationsAsync(carlaId));
        Assert.Single(restarted.Emails(Carla), m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal));
        Assert.Equal(NotificationEmail.Sent, Assert.Single(await restarted.NotificationsAsync(carlaId)).Email);
    }

    [Theory, BothDatabases]
    public async Task At_start_up_the_scheduler_sends_what_fell_due_while_the_app_was_down(DatabaseProvider provider)
    {
        var app = await WehelpenApplication.StartAsync(provider);
        var (carer, carlaId) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carer.CreateCircleAsync();
        // Planned an hour and a half ago (the app was down since) for two hours after that: the two-hours-before reminder fell due half an hour ago.
        var now = DateTimeOffset.UtcNow;
        var start = now.AddMinutes(90).ToAmsterdam();
        var appointment = new Appointment
        {
            CircleId = circleId, Title = "Huisarts", CreatedById = carlaId, CreatedAt = now.AddMinutes(-90), UpdatedAt = now.AddMinutes(-90),
            StartDate = DateOnly.FromDateTime(start.DateTime), StartTime = TimeOnly.FromDateTime(start.DateTime),
            EndTime = TimeOnly.FromDateTime(start.DateTime) < new TimeOnly(23, 0) ? TimeOnly.FromDateTime(start.DateTime).AddMinutes(30) : new TimeOnly(23, 59),
        };
        appointment.Reschedule();
        await app.QueryAsync(async db =>
        {
            db.Add(appointment);
            // Carla made the circle before that, too.
            await db.Set<Web.Features.Circles.CircleMember>().Where(m => m.UserId == carlaId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.JoinedAt, now.AddHours(-2)));
            return await db.SaveChangesAsync();
        });
        var restarted = app.Restarted(new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" });
        await app.DisposeAsync();
        await using var _ = restarted;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<Notification> told;
        while ((told = await restarted.NotificationsAsync(carlaId)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);

        var reminder = Assert.Single(told);
        Assert.Contains("Huisarts", restarted.DutchTitle(reminder));
        Assert.Equal(ReminderStatus.Sent, Assert.Single(await restarted.RemindersAsync(), r => r.Key.EndsWith($":120:{carlaId}", StringComparison.Ordinal)).Status);
    }
}
