using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Features.Notes;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Demo;

/// <summary>
/// One lived-in care circle around the demo resident, with the demo carer as coördinator and the demo volunteer
/// as member: appointments, logbook, notes, help requests and a chat to look at on the first start. Written through the same use cases as
/// the pages, so the demo obeys every rule the product does. Runs once: skipped when the resident has a circle.
/// </summary>
public sealed class DemoCircleSeeder(
    WehelpenDbContext db, CircleManagement circles, CircleInvitations invitations, AgendaPlanner agenda,
    CircleLogbook logbook, CircleNotes notes, RequestPosting requests, RequestLifecycle lifecycle, Conversations chat,
    TimeProvider clock, ILogger<DemoCircleSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var emails = DemoAccounts.ForEachRole.Take(3).Select(a => a.Email.ToUpperInvariant()).ToList();
        var people = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, ct);
        if (people.Count < 3) return;
        var (truus, ahmed, sanne) = (people[emails[0]], people[emails[1]], people[emails[2]]);
        if (await db.Set<CircleMember>().AnyAsync(m => m.UserId == truus.Id, ct)) return;

        // Start-up has no request and so no language: the circle's name and any message are Dutch, as for its people.
        // (Set inside this async method, it flows to what it calls and is undone when it returns.)
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl");

        var circleId = Require(await circles.CreateAsync(truus.Id, new CreateCircleRequest(ForMyself: true, null, null), ct)).Circle.Id;
        foreach (var (person, role) in new[] { (ahmed, CircleRole.Coordinator), (sanne, CircleRole.Member) })
        {
            // Straight into the database: describing an invitation needs a public address, and there is no request yet.
            var invitation = invitations.NewInvitation(circleId, truus.Id, role, validDays: 1, maxUses: 1);
            db.Add(invitation);
            await db.SaveChangesAsync(ct);
            Require(await invitations.AcceptAsync(invitation.Code, person.Id, ct));
        }

        var asAhmed = Member(circleId, ahmed.Id, CircleRole.Coordinator);
        var asSanne = Member(circleId, sanne.Id, CircleRole.Member);
        var today = clock.AmsterdamToday();
        var nextTuesday = Next(today.AddDays(1), DayOfWeek.Tuesday);
        var cardiologist = Require(await agenda.CreateAsync(asAhmed, new AppointmentRequest(
            "Controle bij de cardioloog", Iso(nextTuesday), "10:00", "11:00", "OLVG, Oosterpark 9, Amsterdam",
            "Medicijnlijst en pasje meenemen. Vragen: mag Truus weer fietsen?"), ct));
        Require(await agenda.GoAlongAsync(asAhmed, cardiologist.Id, Iso(nextTuesday), ct));
        var thursday = Next(today, DayOfWeek.Thursday);
        Require(await agenda.CreateAsync(asSanne, new AppointmentRequest(
            "Fysiotherapie", Iso(thursday), "14:00", "14:45", "Fysio Oost, Linnaeusstraat 40", null, RepeatWeekly: true), ct));

        Require(await logbook.WriteAsync(asAhmed, new LogbookEntryRequest(today.AddDays(-2), "Boodschappen gedaan en samen koffie gedronken. Truus had weinig gegeten; het brood was nog onaangeroerd.", Wellbeing.Fair), ct));
        Require(await logbook.WriteAsync(asSanne, new LogbookEntryRequest(today.AddDays(-1), "Wandelingetje naar het Oosterpark. Ging goed, wel moe daarna.", Wellbeing.Good), ct));
        Require(await notes.CreateAsync(asAhmed, new CreateNoteRequest("Medicatie",
            "## Elke ochtend\n- Metoprolol 50 mg\n- Ascal 80 mg\n\n## Zo nodig\n- Paracetamol 500 mg, hooguit 3 per dag\n\nApotheek: **Apotheek Oost**, 020 123 4567"), ct));
        Require(await notes.CreateAsync(asAhmed, new CreateNoteRequest("Contactpersonen",
            "- Huisarts: dr. Pinas, 020 765 4321\n- Buurtteam Oost: 020 255 0000\n- Zoon Ahmed: 06 1234 5678"), ct));

        // A lift to the cardiologist asked of Sanne, who said yes; shopping asked of the neighbourhood, still open.
        var lift = Require(await requests.PostAsync(asAhmed, new HelpRequestInput(
            HelpCategories.Transport, "Wie rijdt Truus naar de cardioloog?", "Heen en terug; Truus loopt met een rollator, die moet in de kofferbak.",
            Flexible: false, Date: null, From: null, Until: null, Before: null, Postcode: truus.Postcode, Address: "Bos en Lommerweg 101-2",
            Phone: "06 1234 5678", Audience: RequestAudience.Person, AddressedToId: sanne.Id, AppointmentId: cardiologist.Id), ct));
        Require(await lifecycle.ClaimAsync(sanne.Id, lift.Summary.Id, ct));
        Require(await chat.SendAsync(sanne.Id, ChatTarget.Request(lift.Summary.Id), new SendChatInput("demo-lift-1",
            "Ik haal Truus om kwart over negen op. Staat de rollator in de gang?"), ct));
        Require(await chat.SendAsync(ahmed.Id, ChatTarget.Request(lift.Summary.Id), new SendChatInput("demo-lift-2",
            "Ja, naast de kapstok. Dank je wel, Sanne!"), ct));
        Require(await requests.PostAsync(asAhmed, new HelpRequestInput(
            HelpCategories.Shopping, "Boodschappen bij de Albert Heijn", "Een kleine lijst: brood, melk, fruit en koffie. Truus betaalt contant bij de deur.",
            Flexible: true, Date: null, From: null, Until: null, Before: Next(today.AddDays(1), DayOfWeek.Saturday), Postcode: truus.Postcode,
            Address: "Bos en Lommerweg 101-2", Phone: "06 1234 5678", Audience: RequestAudience.Neighbourhood, AddressedToId: null), ct));
        var circleChat = ChatTarget.Circle(circleId);
        Require(await chat.SendAsync(ahmed.Id, circleChat, new SendChatInput("demo-chat-1", "Mam had vanochtend weinig trek. Wie kan er morgen even langs?"), ct));
        Require(await chat.SendAsync(sanne.Id, circleChat, new SendChatInput("demo-chat-2", "Ik kom morgen na de lunch, dan gaan we samen koffie drinken."), ct));
        Require(await chat.SendAsync(truus.Id, circleChat, new SendChatInput("demo-chat-3", "Wat fijn, tot morgen!"), ct));
        logger.LogInformation("Demo data: care circle {CircleId}", circleId);
    }

    private static CircleMembership Member(Guid circleId, string userId, CircleRole role) => new(circleId, "", "", userId, role);

    /// <summary>The first <paramref name="day"/> on or after <paramref name="from"/>.</summary>
    private static DateOnly Next(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static T Require<T>(Outcome<T> outcome) where T : class =>
        outcome.Value ?? throw new InvalidOperationException(
            $"Demo data broke a rule: {outcome.Refusal?.Message ?? string.Join("; ", outcome.Errors!.ToDictionary().SelectMany(e => e.Value))}");
}
