using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Tests.Hosting;

namespace Wehelpen.Web.Tests.Accounts;

public sealed class PasswordResetTests
{
    [Theory, BothDatabases]
    public async Task A_person_who_forgot_the_password_sets_a_new_one_through_the_emailed_link(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("mia@example.nl");
        using var client = app.CreateApiClient();

        var forgot = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "mia@example.nl" });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(app.LinkInEmail("mia@example.nl", "/account/reset-password").Query);

        var reset = await client.PostAsJsonAsync("/api/v1/account/reset-password",
            new { email = "mia@example.nl", code = query["code"], newPassword = "mijn nieuwe geheime zin" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        var oldPassword = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "mia@example.nl", password = WehelpenApplication.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        using var _ = await app.LoginAsync("mia@example.nl", "mijn nieuwe geheime zin");

        // The link works once.
        var again = await client.PostAsJsonAsync("/api/v1/account/reset-password",
            new { email = "mia@example.nl", code = query["code"], newPassword = "nog een andere zin" });
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(again, "code"));
    }

    [Theory, BothDatabases]
    public async Task Asking_for_an_unknown_address_looks_the_same_and_sends_nothing(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "onbekend@example.nl" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(app.Emails("onbekend@example.nl"));
    }

    [Theory, BothDatabases]
    public async Task Forgot_password_and_resend_answer_before_any_mail_is_made_known_address_or_not(DatabaseProvider provider)
    {
        HeldMail? held = null;
        await using var app = await WehelpenApplication.StartAsync(provider, services: s =>
            s.AddSingleton<IEmailSender>(sp => held = new HeldMail(sp.GetRequiredService<FolderEmailSender>())));
        await app.RegisterConfirmedAsync("mia@example.nl");
        await app.RegisterUnconfirmedAsync("noor@example.nl");
        using var client = app.CreateApiClient();
        held!.Hold();

        // Were the mail made while the person waits, these would wait for the held mail server (and take longer for a known address).
        var answers = await Task.WhenAll(
            client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "mia@example.nl" }),
            client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "onbekend@example.nl" }),
            client.PostAsJsonAsync("/api/v1/account/resend-confirmation", new { email = "noor@example.nl" }),
            client.PostAsJsonAsync("/api/v1/account/resend-confirmation", new { email = "onbekend@example.nl" })).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));

        held.Release();
        Assert.Single(app.Emails("mia@example.nl"), m => m.Subject == "Een nieuw wachtwoord voor Wehelpen");
        Assert.Equal(2, app.Emails("noor@example.nl").Count);
        Assert.Empty(app.Emails("onbekend@example.nl"));
    }

    [Theory, BothDatabases]
    public async Task A_reset_mail_that_fails_is_tried_again_and_the_failure_is_logged_with_ids_not_the_address(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var app = await WehelpenApplication.StartAsync(provider, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton(new AccountMailTiming(TimeSpan.Zero, [TimeSpan.FromMilliseconds(10)]));
            s.AddSingleton<IEmailSender>(sp => new FailsOnce(sp.GetRequiredService<FolderEmailSender>()));
        });
        await app.RegisterConfirmedAsync("mia@example.nl");
        using var client = app.CreateApiClient();

        var forgot = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "mia@example.nl" });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Single(app.Emails("mia@example.nl"), m => m.Subject == "Een nieuw wachtwoord voor Wehelpen");
        var failed = Assert.Single(logs.Records, r => r.Level == LogLevel.Warning && r.Category.EndsWith(".AccountMailSender", StringComparison.Ordinal));
        Assert.Matches("Account mail [0-9a-f-]{36} \\(PasswordReset\\) failed \\(try 1\\)", failed.Text);
        Assert.DoesNotContain(logs.Records, r => r.Text.Contains("mia@example.nl", StringComparison.OrdinalIgnoreCase) && r.Level >= LogLevel.Information);
    }

    /// <summary>A mail server that takes mail but answers only when the test lets it.</summary>
    private sealed class HeldMail(FolderEmailSender folder) : IEmailSender
    {
        private TaskCompletionSource _open = CompletedGate();

        public void Hold() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _open.TrySetResult();

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            await _open.Task.WaitAsync(cancellationToken);
            await folder.SendAsync(message, cancellationToken);
        }

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }

    /// <summary>A mail server that refuses the first reset mail, as one does for a moment when it restarts.</summary>
    private sealed class FailsOnce(FolderEmailSender folder) : IEmailSender
    {
        private int _refused;

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
            message.Subject.Contains("wachtwoord", StringComparison.Ordinal) && Interlocked.Exchange(ref _refused, 1) == 0
                ? throw new MailKit.Net.Smtp.SmtpCommandException(MailKit.Net.Smtp.SmtpErrorCode.MessageNotAccepted, MailKit.Net.Smtp.SmtpStatusCode.ServiceNotAvailable, "421 try again later")
                : folder.SendAsync(message, cancellationToken);
    }

    [Theory, BothDatabases]
    public async Task Reset_requests_are_rate_limited(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "x@example.nl" })).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Theory, BothDatabases]
    public async Task A_reset_code_for_one_account_does_not_reset_another(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("eerste@example.nl");
        await app.RegisterConfirmedAsync("tweede@example.nl");
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "eerste@example.nl" });
        var query = System.Web.HttpUtility.ParseQueryString(app.LinkInEmail("eerste@example.nl", "/account/reset-password").Query);

        var response = await client.PostAsJsonAsync("/api/v1/account/reset-password",
            new { email = "tweede@example.nl", code = query["code"], newPassword = "overgenomen wachtwoord" });

        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(response, "code"));
        using var _ = await app.LoginAsync("tweede@example.nl");
    }
}
