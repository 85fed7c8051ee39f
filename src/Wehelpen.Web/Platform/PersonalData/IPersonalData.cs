namespace Wehelpen.Web.Platform.PersonalData;

/// <summary>
/// One feature's share of what Wehelpen holds about a person: the columns with a person's id that it answers for, what
/// of it goes into the person's export, and how it is erased. Every feature that stores a person's id or words
/// registers one (<c>services.AddPersonalData&lt;T&gt;()</c>); a test fails when a column that holds a person's id is
/// claimed by none, so a new feature cannot forget.
/// </summary>
public interface IPersonalData
{
    /// <summary>Each column of this feature that holds a person's id (a user id), with what it means for export.</summary>
    IEnumerable<PersonalColumn> Columns { get; }

    /// <summary>
    /// The export's sections of this feature for one person: one JSON file each, and a part of the readable overview.
    /// The exporter runs them inside one read transaction, so that the export is one consistent moment.
    /// </summary>
    IEnumerable<ExportSection> Export(string userId);

    /// <summary>
    /// Erases or anonymises this feature's data about the person, inside the erasure's one transaction. What the
    /// person wrote for someone else's circle stays for that circle, attributed to <see cref="FormerMember"/>.
    /// </summary>
    Task EraseAsync(PersonErasure erasure, CancellationToken ct);

    /// <summary>
    /// Erases everything of this feature in one circle, inside the caller's transaction (the hoofdpersoon erased their
    /// account, or the circle itself was erased). Most features keep nothing in circles.
    /// </summary>
    Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Lower goes first, in both kinds of erasure (see <see cref="ErasureOrder"/>).</summary>
    int Order => ErasureOrder.Default;
}

/// <summary>Where a feature's erasure goes in the sequence: what others still need is erased after them.</summary>
public static class ErasureOrder
{
    /// <summary>The person's own circles go first, whole, while everything in them is still there to be found.</summary>
    public const int OwnCircles = -100;

    /// <summary>Things that point at the things in a circle (requests, appointments) go before those things.</summary>
    public const int Pointers = -50;

    public const int Default = 0;

    /// <summary>The account itself, last: everything else still pointed at it.</summary>
    public const int Account = 1000;
}

/// <param name="Table">The table as the database names it.</param>
/// <param name="NotExportedBecause">Null when the export holds it; else why not (e.g. it would tell who reported them).</param>
public sealed record PersonalColumn(string Table, string Column, string? NotExportedBecause = null);

/// <summary>One kind of data in the export: <c>{Name}.json</c> in the ZIP, and a table in the overview.</summary>
/// <param name="Name">The file name without extension, and the resource key <c>Export.Section.{Name}</c> of its title.</param>
/// <param name="Rows">
/// The rows, read as they are written (a person may have thousands of messages). Called twice, for the file and for
/// the overview, inside the same read transaction; rows are flat records whose properties become the columns.
/// </param>
public sealed record ExportSection(string Name, Func<CancellationToken, IAsyncEnumerable<object>> Rows);
