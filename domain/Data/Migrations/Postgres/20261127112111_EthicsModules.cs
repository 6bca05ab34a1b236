using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EthicsModules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ethics_continuing_review_cycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovalDecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LapsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportSubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EnrolledSoFar = table.Column<int>(type: "integer", nullable: true),
                    SaeCount = table.Column<int>(type: "integer", nullable: true),
                    DeviationCount = table.Column<int>(type: "integer", nullable: true),
                    ReportSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    RenewalDecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RenewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_continuing_review_cycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_continuing_review_cycles_ethics_decisions_ApprovalDe~",
                        column: x => x.ApprovalDecisionId,
                        principalTable: "ethics_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_continuing_review_cycles_ethics_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ethics_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_continuing_review_cycles_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ethics_reconsent_requirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ethics_reconsent_requirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ethics_reconsent_requirements_document_versions_ConsentVers~",
                        column: x => x.ConsentVersionId,
                        principalTable: "document_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_reconsent_requirements_ethics_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "ethics_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_reconsent_requirements_ethics_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ethics_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ethics_reconsent_requirements_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "study_suspensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusBefore = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    StatusAfter = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChairNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_study_suspensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_study_suspensions_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ethics_continuing_review_cycles_ApprovalDecisionId",
                table: "ethics_continuing_review_cycles",
                column: "ApprovalDecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_continuing_review_cycles_ProjectId_DueAt",
                table: "ethics_continuing_review_cycles",
                columns: new[] { "ProjectId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ethics_continuing_review_cycles_ReviewId",
                table: "ethics_continuing_review_cycles",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_reconsent_requirements_ConsentVersionId",
                table: "ethics_reconsent_requirements",
                column: "ConsentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_reconsent_requirements_DecisionId",
                table: "ethics_reconsent_requirements",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ethics_reconsent_requirements_ProjectId_ConsentVersionId",
                table: "ethics_reconsent_requirements",
                columns: new[] { "ProjectId", "ConsentVersionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ethics_reconsent_requirements_ReviewId",
                table: "ethics_reconsent_requirements",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_study_suspensions_ProjectId_RequestedAt",
                table: "study_suspensions",
                columns: new[] { "ProjectId", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ethics_continuing_review_cycles");

            migrationBuilder.DropTable(
                name: "ethics_reconsent_requirements");

            migrationBuilder.DropTable(
                name: "study_suspensions");
        }
    }
}
