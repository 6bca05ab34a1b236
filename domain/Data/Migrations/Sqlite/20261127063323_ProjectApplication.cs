using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ctms.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProjectApplication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApplicantUserName",
                table: "projects",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApprovedAt",
                table: "projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Cro",
                table: "projects",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "projects",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phase",
                table: "projects",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PiUserName",
                table: "projects",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlannedEnrollment",
                table: "projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectNumber",
                table: "projects",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusChangedAt",
                table: "projects",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                table: "projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "projects",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "refused_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refused_attempts", x => x.Id);
                });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 20,
                column: "Scope",
                value: "ApprovedProjects");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 21,
                column: "Scope",
                value: "ApprovedProjects");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 22,
                columns: new[] { "Role", "Scope" },
                values: new object[] { "ec-member", "ApprovedProjects" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 23,
                columns: new[] { "Action", "Role", "Scope" },
                values: new object[] { "project.create", "applicant", "AllProjects" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 24,
                column: "Action",
                value: "project.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 25,
                column: "Action",
                value: "project.update");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 26,
                column: "Action",
                value: "project.members.manage");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 27,
                column: "Action",
                value: "subject.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 28,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.write", "pi" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 29,
                columns: new[] { "Action", "Role" },
                values: new object[] { "audit.read", "pi" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 30,
                column: "Action",
                value: "project.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 31,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "sub-investigator" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 32,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.write", "sub-investigator" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 33,
                column: "Action",
                value: "project.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 34,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "study-nurse" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 35,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.write", "study-nurse" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 36,
                column: "Action",
                value: "project.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 37,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "crc" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 38,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.write", "crc" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 39,
                column: "Role",
                value: "cra");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 40,
                column: "Role",
                value: "cra");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 41,
                column: "Role",
                value: "data-manager");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 42,
                column: "Role",
                value: "data-manager");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 43,
                column: "Action",
                value: "project.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 44,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "inspector" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 45,
                columns: new[] { "Action", "Role" },
                values: new object[] { "audit.read", "inspector" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 46,
                column: "Role",
                value: "applicant");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 47,
                columns: new[] { "Action", "Role" },
                values: new object[] { "project.read", "dept-head" });

            migrationBuilder.InsertData(
                table: "access_rules",
                columns: new[] { "Id", "Action", "Role", "Scope" },
                values: new object[,]
                {
                    { 48, "project.read", "ec-member", "Project" },
                    { 49, "subject.read", "pharmacist", "Project" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_projects_ProjectNumber",
                table: "projects",
                column: "ProjectNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_projects_Status",
                table: "projects",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_ProjectId",
                table: "notifications",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecipientUserName_ReadAt_Id",
                table: "notifications",
                columns: new[] { "RecipientUserName", "ReadAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_refused_attempts_At",
                table: "refused_attempts",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "refused_attempts");

            migrationBuilder.DropIndex(
                name: "IX_projects_ProjectNumber",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "IX_projects_Status",
                table: "projects");

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 48);

            migrationBuilder.DeleteData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 49);

            migrationBuilder.DropColumn(
                name: "ApplicantUserName",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "Cro",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "PiUserName",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "PlannedEnrollment",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "ProjectNumber",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "projects");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 20,
                column: "Scope",
                value: "AllProjects");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 21,
                column: "Scope",
                value: "AllProjects");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 22,
                columns: new[] { "Role", "Scope" },
                values: new object[] { "pi", "Project" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 23,
                columns: new[] { "Action", "Role", "Scope" },
                values: new object[] { "project.update", "pi", "Project" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 24,
                column: "Action",
                value: "project.members.manage");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 25,
                column: "Action",
                value: "subject.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 26,
                column: "Action",
                value: "subject.write");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 27,
                column: "Action",
                value: "audit.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 28,
                columns: new[] { "Action", "Role" },
                values: new object[] { "project.read", "sub-investigator" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 29,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "sub-investigator" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 30,
                column: "Action",
                value: "subject.write");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 31,
                columns: new[] { "Action", "Role" },
                values: new object[] { "project.read", "study-nurse" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 32,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "study-nurse" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 33,
                column: "Action",
                value: "subject.write");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 34,
                columns: new[] { "Action", "Role" },
                values: new object[] { "project.read", "crc" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 35,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "crc" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 36,
                column: "Action",
                value: "subject.write");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 37,
                columns: new[] { "Action", "Role" },
                values: new object[] { "project.read", "cra" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 38,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "cra" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 39,
                column: "Role",
                value: "data-manager");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 40,
                column: "Role",
                value: "data-manager");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 41,
                column: "Role",
                value: "inspector");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 42,
                column: "Role",
                value: "inspector");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 43,
                column: "Action",
                value: "audit.read");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 44,
                columns: new[] { "Action", "Role" },
                values: new object[] { "project.read", "applicant" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 45,
                columns: new[] { "Action", "Role" },
                values: new object[] { "project.read", "dept-head" });

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 46,
                column: "Role",
                value: "ec-member");

            migrationBuilder.UpdateData(
                table: "access_rules",
                keyColumn: "Id",
                keyValue: 47,
                columns: new[] { "Action", "Role" },
                values: new object[] { "subject.read", "pharmacist" });
        }
    }
}
