using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubjectsRandom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "randomization_schemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    BlockSizes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Factors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Probability = table.Column<double>(type: "REAL", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ListLength = table.Column<int>(type: "INTEGER", nullable: false),
                    Blinding = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UnblindedRoles = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LockedArms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LockedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ListHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "unblinding_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                name: "randomization_list_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Block = table.Column<int>(type: "INTEGER", nullable: false),
                    Arm = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    RandomizationNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Arm = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RandomizedArm = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Factors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RandomizedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RandomizedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                name: "subject_arm_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AllocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromArm = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToArm = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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

            migrationBuilder.InsertData(
                table: "access_rules",
                columns: new[] { "Id", "Action", "Role", "Scope" },
                values: new object[,]
                {
                    { 174, "randomization.list-export", "admin", "AllProjects" },
                    { 175, "randomization.list-export", "cti-director", "AllProjects" }
                });

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
                name: "randomization_list_entries");

            migrationBuilder.DropTable(
                name: "randomization_list_exports");

            migrationBuilder.DropTable(
                name: "subject_arm_changes");

            migrationBuilder.DropTable(
                name: "unblinding_events");

            migrationBuilder.DropTable(
                name: "subject_allocations");

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
