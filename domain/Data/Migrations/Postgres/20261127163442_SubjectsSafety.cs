using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubjectsSafety : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "adverse_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Term = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OnsetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Serious = table.Column<bool>(type: "boolean", nullable: false),
                    SeriousCriteria = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Causality = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SeriousSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adverse_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_adverse_events_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_adverse_events_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "adverse_event_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AdverseEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Serious = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adverse_event_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_adverse_event_follow_ups_adverse_events_AdverseEventId",
                        column: x => x.AdverseEventId,
                        principalTable: "adverse_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sae_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AdverseEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sae_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sae_reports_adverse_events_AdverseEventId",
                        column: x => x.AdverseEventId,
                        principalTable: "adverse_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_adverse_event_follow_ups_AdverseEventId",
                table: "adverse_event_follow_ups",
                column: "AdverseEventId");

            migrationBuilder.CreateIndex(
                name: "IX_adverse_events_ProjectId_Serious",
                table: "adverse_events",
                columns: new[] { "ProjectId", "Serious" });

            migrationBuilder.CreateIndex(
                name: "IX_adverse_events_SubjectId_Number",
                table: "adverse_events",
                columns: new[] { "SubjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sae_reports_AdverseEventId_Sequence",
                table: "sae_reports",
                columns: new[] { "AdverseEventId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sae_reports_ProjectId",
                table: "sae_reports",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adverse_event_follow_ups");

            migrationBuilder.DropTable(
                name: "sae_reports");

            migrationBuilder.DropTable(
                name: "adverse_events");
        }
    }
}
