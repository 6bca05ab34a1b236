namespace Ctms.Api.Tests.Integration.Privacy;

/// <summary>
/// After a full run, nothing of a patient's identity is in clear outside the hospital: not in any text or blob column of
/// any table of the database, not in any line the host logged, not in the answers that show registered patients.
/// </summary>
public sealed class PrivacyScanTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task After_a_full_run_no_MRN_ID_number_or_full_name_is_in_the_database_the_logs_or_the_answers()
    {
        var (patients, responses) = await PrivacyRun.RunAsync(app);
        var scan = new PrivacyScan(patients);

        var (findings, tables, values) = await scan.SqliteAsync(app.DatabaseFile);
        tables.ShouldBeGreaterThan(20);
        values.ShouldBeGreaterThan(100);
        findings.AddRange(responses.SelectMany(r => scan.Find(r.Where, r.Body)));
        var log = app.Log.Lines.ToList();
        log.Count.ShouldBeGreaterThan(0);
        findings.AddRange(log.SelectMany((line, i) => scan.Find($"log line {i}", line)));

        findings.Distinct().ShouldBeEmpty();
        // The scan can see what it looks for: the search answers do show the MRN (for display, not stored).
        scan.Find("self-check", patients[0].Mrn).ShouldNotBeEmpty();
    }
}

/// <summary>The same scan on PostgreSQL: every text, JSON and bytea column through information_schema.</summary>
[Trait("Category", "Postgres")]
public sealed class PrivacyScanTests_Postgres(HospitalPostgresFactory app) : IClassFixture<HospitalPostgresFactory>
{
    [Fact]
    public async Task After_a_full_run_no_MRN_ID_number_or_full_name_is_in_the_database_the_logs_or_the_answers_Postgres()
    {
        var (patients, responses) = await PrivacyRun.RunAsync(app);
        var scan = new PrivacyScan(patients);

        var (findings, tables, values) = await scan.PostgresAsync(app.ConnectionString);
        tables.ShouldBeGreaterThan(20);
        values.ShouldBeGreaterThan(100);
        findings.AddRange(responses.SelectMany(r => scan.Find(r.Where, r.Body)));
        findings.AddRange(app.Log.Lines.SelectMany((line, i) => scan.Find($"log line {i}", line)));

        findings.Distinct().ShouldBeEmpty();
    }
}
