using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ctms.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubjectsVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "subject_admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DischargedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AdmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DischargedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WindowStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WindowEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActualDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutOfWindow = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ProcessStarted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "ecrf_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VisitCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PageCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PageVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExamCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PlacedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
                name: "ecrf_queries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CheckCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
                name: "IX_subject_admissions_SubjectId_AdmittedAt",
                table: "subject_admissions",
                columns: new[] { "SubjectId", "AdmittedAt" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ecrf_queries");

            migrationBuilder.DropTable(
                name: "subject_admissions");

            migrationBuilder.DropTable(
                name: "subject_visit_orders");

            migrationBuilder.DropTable(
                name: "ecrf_entries");

            migrationBuilder.DropTable(
                name: "subject_visits");
        }
    }
}
