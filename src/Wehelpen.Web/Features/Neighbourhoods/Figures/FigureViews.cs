using System.Globalization;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>A row of a figures table: a gebied, a stadsdeel, a week or a total, with every figure.</summary>
public sealed record FigureTableRow(string Name, string? Href, FigureSet Figures, bool IsTotal = false);

public sealed record FigureTableModel(string Id, string Caption, string RowHeader, IReadOnlyList<FigureTableRow> Rows, int Minimum);

/// <summary>One figure per week for one gebied (or all together), as a chart with its table.</summary>
public sealed record WeeklyChartModel(string Id, FigureKind Kind, string Subject, IReadOnlyList<WeekFigures> Weeks, int Minimum)
{
    public static int WeekNumber(DateOnly monday) => ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));
}

public sealed record FiguresChoiceModel(int Weeks, string Figure, bool WithFigure);
