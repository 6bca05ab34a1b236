using System.Net;
using static Ctms.Api.Tests.Integration.BulkImport.BulkImportTestData;

namespace Ctms.Api.Tests.Integration.BulkImport;

/// <summary>The studio's import page as first rendered on the server: the runs for the integration administrators, in Chinese; a refusal for others.</summary>
public sealed class BulkImportPageTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_CTI_secretary_sees_a_run_with_its_counts_and_broken_lines_in_Chinese_and_an_investigator_is_refused()
    {
        await RegisterAsync(app, 0);
        var (office, officeName) = await app.UserAsync("cti-secretary");
        var accepted = await UploadAsync(office, "page-observations.ndjson", Ndjson("page", 40, 4, 7));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await FinishedAsync(office, (await accepted.ReadAsync<RunBody>()).Id);
        run.Imported.ShouldBe(10);

        using var browser = await app.StudioClientAsync(officeName, "zh-CN");
        var page = await (await browser.GetAsync("/integration/imports")).Content.ReadAsStringAsync();
        page.ShouldContain("检验结果批量导入");
        page.ShouldContain("data-testid=\"import-runs\"");
        page.ShouldContain("page-observations.ndjson");
        page.ShouldContain("data-status=\"SucceededWithErrors\"");
        page.ShouldContain("完成（有错误）");
        page.ShouldContain("受试者未登记");
        page.ShouldContain("data-testid=\"import-from-hospital\"");
        page.ShouldContain("上传 ndjson 文件");
        page.ShouldContain("第 40 行（100%）");
        page.ShouldNotContain("data-testid=\"imports-refused\"");

        var (_, piName) = await app.UserAsync("pi");
        using var investigator = await app.StudioClientAsync(piName, "zh-CN");
        var refused = await (await investigator.GetAsync("/integration/imports")).Content.ReadAsStringAsync();
        refused.ShouldContain("data-testid=\"imports-refused\"");
        refused.ShouldContain("批量导入仅限集成管理员使用");
        refused.ShouldNotContain("page-observations.ndjson");
    }
}
