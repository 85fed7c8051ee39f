using System.Reflection;
using Wehelpen.Web.Data;
using Xunit.Sdk;

namespace Wehelpen.Web.Tests;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL: the same code must behave the same on both.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public static readonly IReadOnlyList<DatabaseProvider> Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => Providers.Select(p => new object[] { p });
}
