namespace Ctms.Host.Tests.Infrastructure;

/// <summary>
/// A test that runs host processes on the PostgreSQL cluster named by <c>CTMS_TEST_POSTGRES</c> (test.sh and CI always
/// start one). Without it the test is skipped with that reason: these tests prove multi-process behaviour that SQLite,
/// with its single writer, cannot show.
/// </summary>
public sealed class PostgresHostFactAttribute : FactAttribute
{
    public PostgresHostFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(HostDatabase.Variable)))
        {
            Skip = $"{HostDatabase.Variable} is not set: run ./test.sh, which starts a throwaway PostgreSQL cluster for the host tests.";
        }
    }
}
