using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubjectsModules : Migration
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
                name: "eligibility_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Data = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Results = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Eligible = table.Column<bool>(type: "boolean", nullable: false),
                    AssessedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_eligibility_assessments_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "randomization_schemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    BlockSizes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Factors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Probability = table.Column<double>(type: "double precision", nullable: false),
                    Seed = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ListLength = table.Column<int>(type: "integer", nullable: false),
                    Blinding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnblindedRoles = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LockedArms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ListHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_randomization_schemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_randomization_schemes_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DischargedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AdmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DischargedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_admissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subject_admissions_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<DateOnly>(type: "date", nullable: true),
                    WindowStart = table.Column<DateOnly>(type: "date", nullable: true),
                    WindowEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActualDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OutOfWindow = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProcessStarted = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subject_visits_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_subject_visits_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unblinding_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unblinding_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unblinding_events_subjects_SubjectId",
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

            migrationBuilder.CreateTable(
                name: "randomization_list_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stratum = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Block = table.Column<int>(type: "integer", nullable: false),
                    Arm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_randomization_list_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_randomization_list_entries_randomization_schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "randomization_schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "randomization_list_exports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_randomization_list_exports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_randomization_list_exports_randomization_schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "randomization_schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_allocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stratum = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    RandomizationNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Arm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RandomizedArm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Factors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RandomizedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RandomizedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subject_allocations_randomization_schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "randomization_schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_subject_allocations_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ecrf_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: true),
                    VisitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PageCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PageVersion = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ecrf_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ecrf_entries_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ecrf_entries_subject_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "subject_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ecrf_entries_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_visit_orders",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExamCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PlacedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_visit_orders", x => x.OrderId);
                    table.ForeignKey(
                        name: "FK_subject_visit_orders_hospital_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "hospital_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_subject_visit_orders_subject_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "subject_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_arm_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    AllocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromArm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ToArm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_arm_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subject_arm_changes_subject_allocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "subject_allocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ecrf_queries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CheckCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ecrf_queries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ecrf_queries_ecrf_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "ecrf_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ecrf_queries_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "access_rules",
                columns: new[] { "Id", "Action", "Role", "Scope" },
                values: new object[,]
                {
                    { 174, "randomization.list-export", "admin", "AllProjects" },
                    { 175, "randomization.list-export", "cti-director", "AllProjects" }
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
                name: "IX_ecrf_entries_ProjectId",
                table: "ecrf_entries",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ecrf_entries_SubjectId_VisitCode_PageCode",
                table: "ecrf_entries",
                columns: new[] { "SubjectId", "VisitCode", "PageCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ecrf_entries_VisitId",
                table: "ecrf_entries",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_ecrf_queries_EntryId_Status",
                table: "ecrf_queries",
                columns: new[] { "EntryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ecrf_queries_ProjectId_Status",
                table: "ecrf_queries",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ecrf_queries_SubjectId",
                table: "ecrf_queries",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_assessments_ProjectId",
                table: "eligibility_assessments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_assessments_SubjectId",
                table: "eligibility_assessments",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_randomization_list_entries_SchemeId_Stratum_Sequence",
                table: "randomization_list_entries",
                columns: new[] { "SchemeId", "Stratum", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_randomization_list_exports_ProjectId",
                table: "randomization_list_exports",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_randomization_list_exports_SchemeId",
                table: "randomization_list_exports",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_randomization_schemes_ProjectId",
                table: "randomization_schemes",
                column: "ProjectId",
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

            migrationBuilder.CreateIndex(
                name: "IX_subject_admissions_SubjectId_AdmittedAt",
                table: "subject_admissions",
                columns: new[] { "SubjectId", "AdmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_allocations_ProjectId",
                table: "subject_allocations",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_allocations_SchemeId_RandomizationNumber",
                table: "subject_allocations",
                columns: new[] { "SchemeId", "RandomizationNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subject_allocations_SchemeId_Stratum_Sequence",
                table: "subject_allocations",
                columns: new[] { "SchemeId", "Stratum", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subject_allocations_SubjectId",
                table: "subject_allocations",
                column: "SubjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subject_arm_changes_AllocationId",
                table: "subject_arm_changes",
                column: "AllocationId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_arm_changes_SubjectId",
                table: "subject_arm_changes",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_visit_orders_SubjectId",
                table: "subject_visit_orders",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_visit_orders_VisitId_ExamCode",
                table: "subject_visit_orders",
                columns: new[] { "VisitId", "ExamCode" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_visits_ProjectId_Status",
                table: "subject_visits",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_visits_SubjectId_Code",
                table: "subject_visits",
                columns: new[] { "SubjectId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unblinding_events_ProjectId",
                table: "unblinding_events",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_unblinding_events_SubjectId_UserId",
                table: "unblinding_events",
                columns: new[] { "SubjectId", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adverse_event_follow_ups");

            migrationBuilder.DropTable(
                name: "ecrf_queries");

            migrationBuilder.DropTable(
                name: "eligibility_assessments");

            migrationBuilder.DropTable(
                name: "randomization_list_entries");

            migrationBuilder.DropTable(
                name: "randomization_list_exports");

            migrationBuilder.DropTable(
                name: "sae_reports");

            migrationBuilder.DropTable(
                name: "subject_admissions");

            migrationBuilder.DropTable(
                name: "subject_arm_changes");

            migrationBuilder.DropTable(
                name: "subject_visit_orders");

            migrationBuilder.DropTable(
                name: "unblinding_events");

            migrationBuilder.DropTable(
                name: "ecrf_entries");

            migrationBuilder.DropTable(
                name: "adverse_events");

            migrationBuilder.DropTable(
                name: "subject_allocations");

            migrationBuilder.DropTable(
                name: "subject_visits");

            migrationBuilder.DropTable(
                name: "randomization_schemes");

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 174);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 175);
        }
    }
}
