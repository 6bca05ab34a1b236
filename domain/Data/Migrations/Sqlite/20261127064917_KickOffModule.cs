using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KickOffModule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "closeout_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SummaryReport = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ActualEnrollment = table.Column<int>(type: "INTEGER", nullable: true),
                    SummaryDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportSubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReportSubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ChecksJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ChecksRunBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChecksRunAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ArchivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closeout_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_closeout_records_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kickoff_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlannedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    MinutesDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinutesRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MinutesRecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignedOffBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kickoff_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kickoff_meetings_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kickoff_participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Affiliation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kickoff_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kickoff_participants_kickoff_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "kickoff_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Trainer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TrainedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_records_kickoff_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "kickoff_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "access_rules",
                columns: new[] { "Id", "Action", "Role", "Scope" },
                values: new object[,]
                {
                    { 50, "kickoff.manage", "admin", "AllProjects" },
                    { 51, "closeout.manage", "admin", "AllProjects" },
                    { 52, "closeout.approve", "admin", "AllProjects" },
                    { 53, "kickoff.manage", "cti-director", "AllProjects" },
                    { 54, "closeout.manage", "cti-director", "AllProjects" },
                    { 55, "closeout.approve", "cti-director", "AllProjects" },
                    { 56, "kickoff.manage", "cti-secretary", "AllProjects" },
                    { 57, "closeout.manage", "cti-secretary", "AllProjects" },
                    { 58, "kickoff.signoff", "pi", "Project" },
                    { 59, "kickoff.attendance.confirm", "pi", "Project" },
                    { 60, "closeout.report", "pi", "Project" },
                    { 61, "kickoff.attendance.confirm", "sub-investigator", "Project" },
                    { 62, "kickoff.attendance.confirm", "study-nurse", "Project" },
                    { 63, "kickoff.attendance.confirm", "crc", "Project" },
                    { 64, "kickoff.attendance.confirm", "cra", "Project" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_closeout_records_ProjectId",
                table: "closeout_records",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_kickoff_meetings_ProjectId",
                table: "kickoff_meetings",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_kickoff_participants_MeetingId_UserName",
                table: "kickoff_participants",
                columns: new[] { "MeetingId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_kickoff_participants_ProjectId",
                table: "kickoff_participants",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_training_records_ParticipantId",
                table: "training_records",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_training_records_ProjectId",
                table: "training_records",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closeout_records");

            migrationBuilder.DropTable(
                name: "training_records");

            migrationBuilder.DropTable(
                name: "kickoff_participants");

            migrationBuilder.DropTable(
                name: "kickoff_meetings");

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 50);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 51);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 52);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 53);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 54);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 55);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 56);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 57);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 58);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 59);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 60);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 61);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 62);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 63);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 64);
        }
    }
}
