using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntegrationFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integration_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Occurrences = table.Column<int>(type: "integer", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lab_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    HospitalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    System = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Display = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Unit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Low = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    High = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Interpretation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    EffectiveAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImportRunId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lab_results", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MrnSealed = table.Column<byte[]>(type: "bytea", nullable: false),
                    MrnKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MrnHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    IdNumberHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    HospitalIdHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Initials = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "project_patients",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_patients", x => new { x.ProjectId, x.PatientId });
                    table.ForeignKey(
                        name: "FK_project_patients_patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_project_patients_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "access_rules",
                columns: new[] { "Id", "Action", "Role", "Scope" },
                values: new object[,]
                {
                    { 125, "hospital.search", "pi", "Project" },
                    { 126, "hospital.read", "pi", "Project" },
                    { 127, "hospital.order", "pi", "Project" },
                    { 128, "hospital.search", "sub-investigator", "Project" },
                    { 129, "hospital.read", "sub-investigator", "Project" },
                    { 130, "hospital.order", "sub-investigator", "Project" },
                    { 131, "hospital.search", "study-nurse", "Project" },
                    { 132, "hospital.read", "study-nurse", "Project" },
                    { 133, "hospital.search", "crc", "Project" },
                    { 134, "hospital.read", "crc", "Project" },
                    { 135, "hospital.read", "cra", "Project" },
                    { 136, "integration.administer", "admin", "AllProjects" },
                    { 137, "integration.administer", "cti-director", "AllProjects" },
                    { 138, "integration.administer", "cti-secretary", "AllProjects" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_integration_alerts_LastSeenAt",
                table: "integration_alerts",
                column: "LastSeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_integration_alerts_Source_Code_AcknowledgedAt",
                table: "integration_alerts",
                columns: new[] { "Source", "Code", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_lab_results_ImportRunId",
                table: "lab_results",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_lab_results_OrderId",
                table: "lab_results",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_lab_results_PatientId_EffectiveAt",
                table: "lab_results",
                columns: new[] { "PatientId", "EffectiveAt" });

            migrationBuilder.CreateIndex(
                name: "IX_lab_results_Source_HospitalId",
                table: "lab_results",
                columns: new[] { "Source", "HospitalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patients_HospitalIdHash",
                table: "patients",
                column: "HospitalIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_patients_IdNumberHash",
                table: "patients",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_patients_MrnHash",
                table: "patients",
                column: "MrnHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_patients_PatientId",
                table: "project_patients",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integration_alerts");

            migrationBuilder.DropTable(
                name: "lab_results");

            migrationBuilder.DropTable(
                name: "project_patients");

            migrationBuilder.DropTable(
                name: "patients");

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 125);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 126);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 127);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 128);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 129);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 130);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 131);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 132);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 133);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 134);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 135);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 136);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 137);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 138);
        }
    }
}
