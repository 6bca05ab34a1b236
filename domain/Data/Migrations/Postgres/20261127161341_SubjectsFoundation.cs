using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubjectsFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ecrf_pages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Schema = table.Column<string>(type: "character varying(500000)", maxLength: 500000, nullable: false),
                    EditChecks = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ecrf_pages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ecrf_pages_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "eligibility_criteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Expression = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_criteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_eligibility_criteria_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "protocol_setups",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScreeningNumberRule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectNumberRule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WashoutDays = table.Column<int>(type: "integer", nullable: false),
                    ScheduleVersion = table.Column<int>(type: "integer", nullable: false),
                    SchedulePublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SchedulePublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GoLiveAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GoLiveBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ScreeningCount = table.Column<int>(type: "integer", nullable: false),
                    SubjectCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocol_setups", x => x.ProjectId);
                    table.ForeignKey(
                        name: "FK_protocol_setups_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "study_arms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Ratio = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_study_arms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_study_arms_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Initials = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ScreeningNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConsentVersionNumber = table.Column<int>(type: "integer", nullable: true),
                    Eligible = table.Column<bool>(type: "boolean", nullable: true),
                    EligibilityAssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ScreenFailureReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EnrolledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ScheduleVersion = table.Column<int>(type: "integer", nullable: true),
                    RandomizedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Admitted = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subjects_patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_subjects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "visit_definitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OffsetDays = table.Column<int>(type: "integer", nullable: false),
                    WindowBeforeDays = table.Column<int>(type: "integer", nullable: false),
                    WindowAfterDays = table.Column<int>(type: "integer", nullable: false),
                    Exams = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Dispensing = table.Column<bool>(type: "boolean", nullable: false),
                    EcrfPages = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Fees = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visit_definitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_visit_definitions_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deviation_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DetectedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deviation_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deviation_candidates_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deviation_candidates_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ObtainedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Witness = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subject_consents_document_versions_ConsentVersionId",
                        column: x => x.ConsentVersionId,
                        principalTable: "document_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_subject_consents_subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_status_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    To = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subject_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_subject_status_changes_subjects_SubjectId",
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
                    { 139, "subjects.configure", "pi", "Project" },
                    { 140, "subjects.consent", "pi", "Project" },
                    { 141, "subjects.screen", "pi", "Project" },
                    { 142, "subjects.enroll", "pi", "Project" },
                    { 143, "subjects.randomize", "pi", "Project" },
                    { 144, "subjects.unblind", "pi", "Project" },
                    { 145, "subjects.visit", "pi", "Project" },
                    { 146, "subjects.status", "pi", "Project" },
                    { 147, "ecrf.enter", "pi", "Project" },
                    { 148, "ecrf.signoff", "pi", "Project" },
                    { 149, "safety.report", "pi", "Project" },
                    { 150, "subjects.export", "pi", "Project" },
                    { 151, "subjects.consent", "sub-investigator", "Project" },
                    { 152, "subjects.screen", "sub-investigator", "Project" },
                    { 153, "subjects.randomize", "sub-investigator", "Project" },
                    { 154, "subjects.visit", "sub-investigator", "Project" },
                    { 155, "subjects.status", "sub-investigator", "Project" },
                    { 156, "ecrf.enter", "sub-investigator", "Project" },
                    { 157, "ecrf.signoff", "sub-investigator", "Project" },
                    { 158, "safety.report", "sub-investigator", "Project" },
                    { 159, "subjects.screen", "study-nurse", "Project" },
                    { 160, "subjects.visit", "study-nurse", "Project" },
                    { 161, "ecrf.enter", "study-nurse", "Project" },
                    { 162, "subjects.visit", "crc", "Project" },
                    { 163, "ecrf.enter", "crc", "Project" },
                    { 164, "ecrf.query", "cra", "Project" },
                    { 165, "subjects.configure", "data-manager", "Project" },
                    { 166, "ecrf.query", "data-manager", "Project" },
                    { 167, "subjects.export", "data-manager", "Project" },
                    { 168, "subjects.golive", "admin", "AllProjects" },
                    { 169, "subjects.export", "admin", "AllProjects" },
                    { 170, "subjects.golive", "cti-director", "AllProjects" },
                    { 171, "subject.read", "cti-director", "AllProjects" },
                    { 172, "subjects.golive", "cti-secretary", "AllProjects" },
                    { 173, "subject.read", "cti-secretary", "AllProjects" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_deviation_candidates_Kind_Source",
                table: "deviation_candidates",
                columns: new[] { "Kind", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deviation_candidates_ProjectId_Status",
                table: "deviation_candidates",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_deviation_candidates_SubjectId",
                table: "deviation_candidates",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ecrf_pages_ProjectId_Code_Version",
                table: "ecrf_pages",
                columns: new[] { "ProjectId", "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_criteria_ProjectId_Code",
                table: "eligibility_criteria",
                columns: new[] { "ProjectId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_study_arms_ProjectId_Code",
                table: "study_arms",
                columns: new[] { "ProjectId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subject_consents_ConsentVersionId",
                table: "subject_consents",
                column: "ConsentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_consents_SubjectId",
                table: "subject_consents",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subject_status_changes_ProjectId_To",
                table: "subject_status_changes",
                columns: new[] { "ProjectId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_subject_status_changes_SubjectId",
                table: "subject_status_changes",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_subjects_PatientId_Status",
                table: "subjects",
                columns: new[] { "PatientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_subjects_ProjectId_ScreeningNumber",
                table: "subjects",
                columns: new[] { "ProjectId", "ScreeningNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subjects_ProjectId_Status",
                table: "subjects",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_subjects_ProjectId_SubjectNumber",
                table: "subjects",
                columns: new[] { "ProjectId", "SubjectNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visit_definitions_ProjectId_Code",
                table: "visit_definitions",
                columns: new[] { "ProjectId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deviation_candidates");

            migrationBuilder.DropTable(
                name: "ecrf_pages");

            migrationBuilder.DropTable(
                name: "eligibility_criteria");

            migrationBuilder.DropTable(
                name: "protocol_setups");

            migrationBuilder.DropTable(
                name: "study_arms");

            migrationBuilder.DropTable(
                name: "subject_consents");

            migrationBuilder.DropTable(
                name: "subject_status_changes");

            migrationBuilder.DropTable(
                name: "visit_definitions");

            migrationBuilder.DropTable(
                name: "subjects");

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 139);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 140);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 141);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 142);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 143);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 144);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 145);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 146);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 147);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 148);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 149);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 150);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 151);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 152);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 153);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 154);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 155);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 156);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 157);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 158);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 159);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 160);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 161);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 162);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 163);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 164);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 165);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 166);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 167);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 168);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 169);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 170);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 171);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 172);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 173);
        }
    }
}
